// The shape of a RequestDraft coming back from storage, an imported file or a link:
// anything read from outside is checked against it before it reaches the composer.
import { METHODS, newRow, type RequestDraft, type Row } from "./request-model";
import * as z from "@/lib/zod-mini";

export const MAX_PATH_LENGTH = 2048;

export const rowSchema = z.object({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  name: z.string().check(z.maxLength(1000)),
  value: z.string().check(z.maxLength(16_384)),
  enabled: z._default(z.boolean(), true),
});

/** Keeps stored row ids (stable React keys) unless one is missing or repeated. */
function withUniqueIds(rows: z.output<typeof rowSchema>[]): Row[] {
  const seen = new Set<string>();
  return rows.map(({ id, name, value, enabled }) => {
    const row = id && !seen.has(id) ? { id, name, value, enabled } : newRow(name, value, enabled);
    seen.add(row.id);
    return row;
  });
}

export const rowsSchema = z._default(z.pipe(z.array(rowSchema).check(z.maxLength(500)), z.transform(withUniqueIds)), () => []);

/** The draft's fields, for shapes that extend it (history entries). */
export const requestDraftFields = {
  upstream: z.enum(["platform", "legacy"]),
  method: z.enum(METHODS),
  path: z.string().check(z.maxLength(MAX_PATH_LENGTH)),
  pathParams: z._default(z.record(z.string(), z.string().check(z.maxLength(MAX_PATH_LENGTH))), () => ({})),
  query: rowsSchema,
  headers: rowsSchema,
  body: z._default(z.string(), ""),
};

export const requestDraftSchema: z.ZodMiniType<RequestDraft> = z.object(requestDraftFields);
