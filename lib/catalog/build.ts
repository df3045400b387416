// An OpenAPI 3 document (JSON or YAML text, or already parsed) → the console's endpoint catalogue:
// one entry per operation, grouped by tag, each with form fields for its path, query, header and
// body parameters and the paging its list declares. The server uses it for OPENAPI_SPEC; the
// browser loads it only when someone uploads a document (it is not part of the first page load).
import { refusedHeaderReason, type Method, type Upstream } from "@/lib/request/request-model";
import type { CatalogField, CatalogOperation, CatalogResult, FieldLocation } from "./catalog";
import { parseDocumentText } from "./document-text";
import { operationPaging } from "./operation-paging";
import { asParameter, asRequestBody, CatalogError, flatSchema, pickContent, resolve, typeOf } from "./resolve";
import { openApiSchema, pathText, type OpenApiDocument, type Parameter, type SchemaObject } from "./schema";

const PROXIED: Record<string, Method> = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE" };
const MAX_DEPTH = 3;

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

function upstreamOf(docPath: string, hint: Upstream | undefined): { upstream: Upstream; path: string } {
  const trimmed = docPath.replace(/^\/+/, "");
  if (hint === "legacy" || (!hint && /^api1(\/|$)/.test(trimmed))) return { upstream: "legacy", path: trimmed.replace(/^api1\/?/, "") };
  return { upstream: "platform", path: trimmed };
}

/** "SDK:37046663773" with what its key stands for, from the document's x-console-sources. */
function sourcesOf(declared: string | string[] | undefined, legend: Record<string, string>): string[] {
  const keys = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
  return keys.map((key) => {
    const meaning = legend[key] ?? legend[key.split(":")[0]!];
    return meaning ? `${key}: ${meaning}` : key;
  });
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
      const paging =
        method === "GET"
          ? operationPaging({
              doc,
              declared: op["x-console-paging"],
              documentDefault: doc["x-console-paging"],
              query: [...byKey.values()].filter(({ parameter }) => parameter.in === "query").map(({ parameter }) => parameter),
              responses: (op as { responses?: unknown }).responses,
              where,
            })
          : null;
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
        paging,
        sources: sourcesOf(op["x-console-source"], doc["x-console-sources"] ?? {}),
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
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, error: `${source} is not an OpenAPI document: it should be an object (a mapping) with openapi, info and paths` };
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


/** Parses document text (JSON or YAML) and maps it; `source` names it in every message. */
export function catalogFromText(textValue: string, source: string): CatalogResult {
  const parsed = parseDocumentText(textValue, source);
  return parsed.ok ? buildCatalog(parsed.value, source) : parsed;
}
