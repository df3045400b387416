// The one test for "a JSON object": an answer's record, a problem document, a paging declaration.
// Arrays are objects to `typeof`, so every hand-rolled copy of this had to remember to rule them out.

/** True for a plain object (what JSON calls an object); false for null, arrays and every other value. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
