// References inside an OpenAPI document: following "#/components/…" pointers and flattening
// schemas (allOf merged, the first oneOf/anyOf shape), with errors that name where they are.
import { parameterSchema, requestBodySchema, schemaObjectSchema, type RequestBody, type SchemaObject } from "./schema";

export class CatalogError extends Error {
  constructor(readonly where: (string | number)[], message: string) {
    super(message);
  }
}

/** Follows a local "#/..." reference (JSON Pointer) and checks what it finds; refs chain at most 20 deep. */
export function resolve<T extends { $ref?: string }>(doc: unknown, value: T, check: (found: unknown) => T | null, where: (string | number)[], depth = 0): T {
  if (value.$ref === undefined) return value;
  const ref = value.$ref;
  if (depth > 20) throw new CatalogError([...where, "$ref"], `"${ref}" goes round in a loop of references`);
  if (!ref.startsWith("#/")) throw new CatalogError([...where, "$ref"], `"${ref}" points outside this document; only references inside it (#/components/…) are supported`);
  let found: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const part = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    found = found !== null && typeof found === "object" && Object.hasOwn(found, part) ? (found as Record<string, unknown>)[part] : undefined;
  }
  if (found === undefined) throw new CatalogError([...where, "$ref"], `"${ref}" points to nothing in this document`);
  const checked = check(found);
  if (!checked) throw new CatalogError([...where, "$ref"], `"${ref}" does not point to the right kind of object`);
  return resolve(doc, checked, check, where, depth + 1);
}

export const asSchema = (found: unknown) => schemaObjectSchema.safeParse(found).data ?? null;
export const asParameter = (found: unknown) => parameterSchema.safeParse(found).data ?? null;
export const asRequestBody = (found: unknown) => requestBodySchema.safeParse(found).data ?? null;

/** A schema with its reference followed and allOf merged; oneOf/anyOf take the first shape. */
export function flatSchema(doc: unknown, schema: SchemaObject, where: (string | number)[], depth = 0): SchemaObject {
  const resolved = resolve(doc, schema, asSchema, where);
  if (depth > 10) return resolved;
  if (resolved.allOf?.length) {
    const parts = resolved.allOf.map((part, i) => flatSchema(doc, part, [...where, "allOf", i], depth + 1));
    const merged: SchemaObject = { ...resolved, allOf: undefined };
    for (const part of parts) {
      merged.type ??= part.type;
      merged.properties = { ...part.properties, ...merged.properties };
      merged.required = [...(merged.required ?? []), ...(part.required ?? [])];
      merged.description ??= part.description;
    }
    return merged;
  }
  const alternative = resolved.oneOf?.[0] ?? resolved.anyOf?.[0];
  if (alternative && !resolved.type && !resolved.properties) {
    const first = flatSchema(doc, alternative, [...where, resolved.oneOf ? "oneOf" : "anyOf", 0], depth + 1);
    return { ...first, description: resolved.description ?? first.description };
  }
  return resolved;
}

export function typeOf(schema: SchemaObject): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
}

/** The JSON media type of a body (or the first one), with its schema. */
export function pickContent(body: Pick<RequestBody, "content">): [string, { schema?: SchemaObject }] | null {
  const entries = Object.entries(body.content ?? {});
  return entries.find(([type]) => type === "application/json") ?? entries.find(([type]) => /\+json$|\/json$/.test(type)) ?? entries[0] ?? null;
}
