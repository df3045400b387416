// The shape of a RequestDraft coming back from storage, an imported file or a link:
// anything read from outside is checked against it before it reaches the composer.
import { METHODS, newRow, type RequestDraft, type Row } from "./request-model";
import { array, boolean, map, object, oneOf, optional, record, string, withDefault, type Shape } from "./shape";

export const MAX_PATH_LENGTH = 2048;

export const rowSchema = object({
  id: optional(string({ min: 1, max: 100 })),
  name: string({ max: 1000 }),
  value: string({ max: 16_384 }),
  enabled: withDefault(boolean(), true),
});

/** Keeps stored row ids (stable React keys) unless one is missing or repeated. */
function withUniqueIds(rows: { id?: string; name: string; value: string; enabled: boolean }[]): Row[] {
  const seen = new Set<string>();
  return rows.map(({ id, name, value, enabled }) => {
    const row = id && !seen.has(id) ? { id, name, value, enabled } : newRow(name, value, enabled);
    seen.add(row.id);
    return row;
  });
}

export const rowsSchema: Shape<Row[]> = withDefault(map(array(rowSchema, { max: 500 }), withUniqueIds), () => []);

/** The draft's fields, for shapes that extend it (history entries). */
export const requestDraftFields = {
  upstream: oneOf(["platform", "legacy"] as const),
  method: oneOf(METHODS),
  path: string({ max: MAX_PATH_LENGTH }),
  pathParams: withDefault(record(string({ max: MAX_PATH_LENGTH })), () => ({})),
  query: rowsSchema,
  headers: rowsSchema,
  body: withDefault(string(), ""),
};

export const requestDraftSchema: Shape<RequestDraft> = object(requestDraftFields);
