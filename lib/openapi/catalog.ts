// An OpenAPI 3 document → the console's endpoint catalogue: one entry per operation, grouped by
// tag, each with form fields for its path, query, header and body parameters; and back from a
// filled form to a composer draft. Used by the server (OPENAPI_SPEC) and the browser (uploads).
import { newRow, refusedHeaderReason, type Method, type RequestDraft, type Row, type Upstream } from "@/lib/client/request-model";
import { queryText, wireValue, type FormField, type FormValues } from "@/lib/forms/fields";
import {
  openApiSchema,
  parameterSchema,
  pathText,
  requestBodySchema,
  schemaObjectSchema,
  type OpenApiDocument,
  type Parameter,
  type RequestBody,
  type SchemaObject,
} from "./schema";

export type FieldLocation = "path" | "query" | "header" | "body";
export type CatalogField = FormField & { in: FieldLocation; key: string };

export type CatalogOperation = {
  id: string;
  method: Method;
  upstream: Upstream;
  /** Relative to the upstream's base, with {name} parameters: "crm/v1/contacts/{id}", or "contacts" on the legacy API. */
  path: string;
  /** As written in the document: "/api1/contacts". */
  docPath: string;
  tag: string;
  summary: string;
  description?: string;
  deprecated: boolean;
  fields: CatalogField[];
  body: null | { required: boolean; mediaType: string; mode: "fields" | "json"; description?: string };
};

export type Catalog = {
  title: string;
  version: string;
  description?: string;
  tags: { name: string; description?: string }[];
  operations: CatalogOperation[];
  /** Operations left out, and why (methods the console does not proxy, cookie parameters…). */
  notes: string[];
};

export type CatalogResult = { ok: true; catalog: Catalog } | { ok: false; error: string };

const PROXIED: Record<string, Method> = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE" };
const MAX_DEPTH = 3;

class CatalogError extends Error {
  constructor(readonly where: (string | number)[], message: string) {
    super(message);
  }
}

/** Follows a local "#/..." reference (JSON Pointer) and checks what it finds; refs chain at most 20 deep. */
function resolve<T extends { $ref?: string }>(doc: unknown, value: T, check: (found: unknown) => T | null, where: (string | number)[], depth = 0): T {
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

const asSchema = (found: unknown) => schemaObjectSchema.safeParse(found).data ?? null;
const asParameter = (found: unknown) => parameterSchema.safeParse(found).data ?? null;
const asRequestBody = (found: unknown) => requestBodySchema.safeParse(found).data ?? null;

/** A schema with its reference followed and allOf merged; oneOf/anyOf take the first shape. */
function flatSchema(doc: unknown, schema: SchemaObject, where: (string | number)[], depth = 0): SchemaObject {
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

function typeOf(schema: SchemaObject): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The field for one value described by a schema. */
function fieldFor(doc: unknown, base: { name: string; label: string; in: FieldLocation; key: string; required: boolean; description?: string; example?: unknown }, schema: SchemaObject | undefined, where: (string | number)[]): CatalogField {
  const flat = schema ? flatSchema(doc, schema, where) : {};
  const type = typeOf(flat);
  const helpParts = [base.description ?? flat.description].filter(Boolean) as string[];
  const field: CatalogField = { name: base.name, label: base.label, in: base.in, key: base.key, required: base.required, kind: "text" };
  const example = base.example ?? flat.example;
  if (flat.enum && flat.enum.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
    field.kind = "select";
    field.options = flat.enum.map((v) => ({ value: String(v), label: String(v) }));
  } else if (type === "boolean") field.kind = "boolean";
  else if (type === "integer" && (flat.format === "unix-time" || flat.format === "timestamp")) field.kind = "unix-date";
  else if (type === "integer") field.kind = "integer";
  else if (type === "number") field.kind = "number";
  else if (type === "string" && flat.format === "date") field.kind = "date";
  else if (type === "string" && flat.format === "date-time") field.kind = "datetime";
  else if (type === "string" && flat.format === "email") field.kind = "email";
  else if (type === "array") {
    const items = flat.items ? flatSchema(doc, flat.items, [...where, "items"]) : {};
    const itemType = typeOf(items);
    if (itemType === "string" || itemType === "number" || itemType === "integer" || items.enum) {
      field.kind = "list";
      helpParts.push(`Separate values with commas${items.enum ? ` (${items.enum.map(String).join(", ")})` : ""}.`);
    } else field.kind = "json";
  } else if (type === "object" || (type === undefined && flat.properties)) field.kind = "json";
  if (field.kind === "unix-date") helpParts.push("Sent as unix time (seconds).");
  if (flat.minimum !== undefined) field.min = flat.minimum;
  if (flat.maximum !== undefined) field.max = flat.maximum;
  if (flat.minLength !== undefined) field.minLength = flat.minLength;
  if (flat.maxLength !== undefined) field.maxLength = flat.maxLength;
  if (flat.pattern !== undefined) field.pattern = flat.pattern;
  const fallback = text(flat.default);
  if (fallback !== undefined && field.kind !== "json") field.defaultValue = field.kind === "list" && Array.isArray(flat.default) ? flat.default.join(", ") : fallback;
  if (example !== undefined && field.kind !== "select" && field.kind !== "boolean") field.placeholder = text(example);
  if (helpParts.length) field.help = helpParts.join(" ");
  return field;
}

/** Body properties as fields; nested objects become dotted keys (primary.id), a few levels deep. */
function bodyFields(doc: unknown, schema: SchemaObject, prefix: string, required: boolean, where: (string | number)[], depth: number): CatalogField[] {
  const fields: CatalogField[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const propertyWhere = [...where, "properties", key];
    const flat = flatSchema(doc, property, propertyWhere);
    if (flat.readOnly) continue;
    const dotted = `${prefix}${key}`;
    const isRequired = required && (schema.required ?? []).includes(key);
    if ((typeOf(flat) === "object" || (!flat.type && flat.properties)) && flat.properties && depth < MAX_DEPTH) {
      fields.push(...bodyFields(doc, flat, `${dotted}.`, isRequired, propertyWhere, depth + 1));
      continue;
    }
    fields.push(fieldFor(doc, { name: `body.${dotted}`, label: flat.title ?? dotted, in: "body", key: dotted, required: isRequired }, flat, propertyWhere));
  }
  return fields;
}

function pickContent(body: RequestBody): [string, { schema?: SchemaObject }] | null {
  const entries = Object.entries(body.content ?? {});
  return entries.find(([type]) => type === "application/json") ?? entries.find(([type]) => /\+json$|\/json$/.test(type)) ?? entries[0] ?? null;
}

function upstreamOf(docPath: string, hint: Upstream | undefined): { upstream: Upstream; path: string } {
  const trimmed = docPath.replace(/^\/+/, "");
  if (hint === "legacy" || (!hint && /^api1(\/|$)/.test(trimmed))) return { upstream: "legacy", path: trimmed.replace(/^api1\/?/, "") };
  return { upstream: "platform", path: trimmed };
}

function operationsOf(doc: OpenApiDocument, notes: string[]): CatalogOperation[] {
  const operations: CatalogOperation[] = [];
  const ids = new Set<string>();
  for (const [docPath, item] of Object.entries(doc.paths)) {
    if (item.$ref !== undefined) {
      notes.push(`${docPath}: path items given by $ref are not read.`);
      continue;
    }
    for (const [lower, operation] of Object.entries(item)) {
      if (!["get", "put", "post", "delete", "options", "head", "patch", "trace"].includes(lower) || !operation || typeof operation !== "object") continue;
      const method = PROXIED[lower];
      const where: (string | number)[] = ["paths", docPath, lower];
      if (!method) {
        notes.push(`${lower.toUpperCase()} ${docPath}: the console only sends GET, POST, PUT, PATCH and DELETE.`);
        continue;
      }
      const op = operation as NonNullable<typeof item.get>;
      const { upstream, path } = upstreamOf(docPath, op["x-console-upstream"] ?? item["x-console-upstream"]);
      // Operation parameters override path-level ones with the same name and location.
      const byKey = new Map<string, { parameter: Parameter; where: (string | number)[] }>();
      (item.parameters ?? []).forEach((p, i) => {
        const resolved = resolve(doc, p, asParameter, ["paths", docPath, "parameters", i]);
        byKey.set(`${resolved.in}:${resolved.name}`, { parameter: resolved, where: ["paths", docPath, "parameters", i] });
      });
      (op.parameters ?? []).forEach((p, i) => {
        const resolved = resolve(doc, p, asParameter, [...where, "parameters", i]);
        byKey.set(`${resolved.in}:${resolved.name}`, { parameter: resolved, where: [...where, "parameters", i] });
      });
      const fields: CatalogField[] = [];
      for (const { parameter, where: at } of byKey.values()) {
        const name = parameter.name!;
        const location = parameter.in!;
        if (location === "cookie") {
          notes.push(`${method} ${docPath}: cookie parameter "${name}" is not sent (the console never forwards cookies).`);
          continue;
        }
        if (location === "header" && refusedHeaderReason(name) !== null) continue;
        if (location === "path" && !path.includes(`{${name}}`)) {
          throw new CatalogError([...at, "name"], `"${name}" is a path parameter, but the path ${docPath} has no {${name}}`);
        }
        fields.push(
          fieldFor(doc, { name: `${location}.${name}`, label: name, in: location, key: name, required: location === "path" || parameter.required === true, description: parameter.description, example: parameter.example }, parameter.schema, [...at, "schema"]),
        );
      }
      for (const match of path.matchAll(/\{([^}]+)\}/g)) {
        if (!fields.some((f) => f.in === "path" && f.key === match[1])) {
          fields.push({ name: `path.${match[1]}`, label: match[1]!, in: "path", key: match[1]!, required: true, kind: "text", help: "A path parameter the document does not describe." });
        }
      }
      let body: CatalogOperation["body"] = null;
      if (op.requestBody && (method === "POST" || method === "PUT" || method === "PATCH")) {
        const requestBody = resolve(doc, op.requestBody, asRequestBody, [...where, "requestBody"]);
        const content = pickContent(requestBody);
        const required = requestBody.required === true;
        const schema = content?.[1].schema ? flatSchema(doc, content[1].schema, [...where, "requestBody", "content", content[0], "schema"]) : null;
        const flattened = schema?.properties ? bodyFields(doc, schema, "", true, [...where, "requestBody", "content", content![0], "schema"], 0) : null;
        if (flattened && flattened.length) {
          fields.push(...flattened);
          body = { required, mediaType: content![0], mode: "fields", ...(requestBody.description ? { description: requestBody.description } : {}) };
        } else {
          fields.push({ name: "body", label: "Body (JSON)", in: "body", key: "", required, kind: "json", ...(requestBody.description ? { help: requestBody.description } : {}) });
          body = { required, mediaType: content?.[0] ?? "application/json", mode: "json" };
        }
      }
      let id = op.operationId ?? `${method} ${docPath}`;
      for (let n = 2; ids.has(id); n += 1) id = `${op.operationId ?? `${method} ${docPath}`} (${n})`;
      ids.add(id);
      operations.push({
        id,
        method,
        upstream,
        path,
        docPath,
        tag: op.tags?.[0] ?? "Other",
        summary: op.summary ?? item.summary ?? `${method} ${docPath}`,
        ...((op.description ?? item.description) ? { description: op.description ?? item.description } : {}),
        deprecated: op.deprecated === true,
        fields,
        body,
      });
    }
  }
  return operations;
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const [issue] = error.issues;
  if (!issue) return "is not valid";
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  const where = issue.path.length ? `${pathText(issue.path)} ` : "";
  return `${where}${issue.message}${more}`;
}

/** Checks and maps a parsed document; `source` names it in the message ("OPENAPI_SPEC (./api.json)"). */
export function buildCatalog(raw: unknown, source: string): CatalogResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, error: `${source} is not an OpenAPI document: it should be a JSON object` };
  if ("swagger" in raw) return { ok: false, error: `${source} is a Swagger 2.0 document; the console reads OpenAPI 3 documents (convert it, for example with swagger2openapi)` };
  const parsed = openApiSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `${source}: ${firstIssue(parsed.error)}` };
  const notes: string[] = [];
  let operations: CatalogOperation[];
  try {
    operations = operationsOf(parsed.data, notes);
  } catch (error) {
    if (error instanceof CatalogError) return { ok: false, error: `${source}: ${pathText(error.where)} ${error.message}` };
    throw error;
  }
  if (operations.length === 0) return { ok: false, error: `${source} describes no operation the console can send (GET, POST, PUT, PATCH or DELETE under paths)` };
  const declared = parsed.data.tags ?? [];
  const used = [...new Set(operations.map((op) => op.tag))];
  const tags = [
    ...declared.filter((t) => used.includes(t.name)).map((t) => ({ name: t.name, ...(t.description ? { description: t.description } : {}) })),
    ...used.filter((name) => !declared.some((t) => t.name === name)).map((name) => ({ name })),
  ];
  return {
    ok: true,
    catalog: {
      title: parsed.data.info.title,
      version: parsed.data.info.version,
      ...(parsed.data.info.description ? { description: parsed.data.info.description } : {}),
      tags,
      operations,
      notes,
    },
  };
}

/** Parses document text (JSON only) and maps it; YAML gets a message saying so. */
export function catalogFromText(textValue: string, source: string): CatalogResult {
  const trimmed = textValue.trimStart();
  if (/^(openapi|swagger)\s*:/m.test(trimmed.slice(0, 2000)) && !trimmed.startsWith("{")) {
    return { ok: false, error: `${source} looks like YAML; the console reads OpenAPI documents as JSON. Save it as JSON and try again` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(textValue);
  } catch (error) {
    return { ok: false, error: `${source} is not valid JSON (${error instanceof Error ? error.message : "unreadable"})` };
  }
  return buildCatalog(raw, source);
}

function setAt(target: Record<string, unknown>, dotted: string, value: unknown) {
  const parts = dotted.split(".");
  let current = target;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    current = (current[part] = next && typeof next === "object" && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
  }
  current[parts[parts.length - 1]!] = value;
}

/**
 * The composer draft for an operation filled with `values` (blank fields left out). Call
 * validateForm first: a json field that does not parse is sent as typed text.
 */
export function draftFor(op: CatalogOperation, values: FormValues): RequestDraft {
  const pathParams: Record<string, string> = {};
  const query: Row[] = [];
  const headers: Row[] = [];
  const body: Record<string, unknown> = {};
  let rawBody: string | null = null;
  for (const field of op.fields) {
    const value = values[field.name] ?? "";
    if (!value.trim()) continue;
    if (field.in === "path") pathParams[field.key] = value.trim();
    else if (field.in === "query") {
      // Arrays go as repeated parameters (OpenAPI's default "form, explode").
      if (field.kind === "list") for (const item of wireValue(field, value) as unknown[]) query.push(newRow(field.key, String(item)));
      else query.push(newRow(field.key, queryText(field, value) ?? ""));
    } else if (field.in === "header") headers.push(newRow(field.key, value.trim()));
    else if (field.key === "") rawBody = value;
    else {
      let wire: unknown;
      try {
        wire = wireValue(field, value);
      } catch {
        wire = value;
      }
      setAt(body, field.key, wire);
    }
  }
  const bodyText = rawBody ?? (Object.keys(body).length || op.body?.required ? JSON.stringify(body, null, 2) : "");
  if (op.body && op.body.mediaType !== "application/json" && !headers.some((h) => h.name.toLowerCase() === "content-type")) {
    headers.push(newRow("Content-Type", op.body.mediaType));
  }
  return { upstream: op.upstream, method: op.method, path: op.path, pathParams, query, headers, body: op.body ? bodyText : "" };
}
