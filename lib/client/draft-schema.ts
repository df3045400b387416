// The zod schema for a RequestDraft coming back from storage, an imported file or a link:
// anything read from outside is checked against it before it reaches the composer.
import { z } from "@/lib/zod";
import { METHODS, newRow, type RequestDraft, type Row } from "./request-model";

export const MAX_PATH_LENGTH = 2048;

export const rowSchema = z.object({
  id: z.string().min(1).max(100).optional(),
  name: z.string().max(1000),
  value: z.string().max(16_384),
  enabled: z.boolean().default(true),
});

/** Keeps stored row ids (stable React keys) unless one is missing or repeated. */
function withUniqueIds(rows: z.infer<typeof rowSchema>[]): Row[] {
  const seen = new Set<string>();
  return rows.map(({ id, name, value, enabled }) => {
    const row = id && !seen.has(id) ? { id, name, value, enabled } : newRow(name, value, enabled);
    seen.add(row.id);
    return row;
  });
}

export const rowsSchema = z.array(rowSchema).max(500).default([]).transform(withUniqueIds);

export const requestDraftSchema = z.object({
  upstream: z.enum(["platform", "legacy"]),
  method: z.enum(METHODS),
  path: z.string().max(MAX_PATH_LENGTH),
  pathParams: z.record(z.string(), z.string().max(MAX_PATH_LENGTH)).default({}),
  query: rowsSchema,
  headers: rowsSchema,
  body: z.string().default(""),
}) satisfies z.ZodType<RequestDraft, unknown>;
