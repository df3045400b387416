// The console's endpoint catalogue: its shape, and the way back from a filled operation form to a
// composer draft. Building a catalogue from a document is build.ts, which the browser loads only
// when someone uploads a document; this part is light enough for the console's first page load.
import { isRecord } from "@/lib/json/is-record";
import { newRow, type Method, type RequestDraft, type Row, type Upstream } from "@/lib/request/request-model";
import { queryText, wireValue, type FormField, type FormValues } from "@/lib/forms/fields";
import type { Paging } from "./paging";

export type FieldLocation = "path" | "query" | "header" | "body";
export type CatalogField = FormField & { in: FieldLocation; key: string };

export type CatalogOperation = {
  id: string;
  method: Method;
  upstream: Upstream;
  /** Relative to the upstream's base, with {name} parameters: "files/v1/uploads/{jnid}/complete" on the Platform API, or "contacts" on the legacy API. */
  path: string;
  /** As written in the document: "/api1/contacts". */
  docPath: string;
  tag: string;
  summary: string;
  description?: string;
  deprecated: boolean;
  fields: CatalogField[];
  body: null | { required: boolean; mediaType: string; mode: "fields" | "json"; description?: string };
  /** How a list answer pages ("More results"), from x-console-paging or the parameters' names; null: it does not. */
  paging: Paging | null;
  /** Where its description comes from, in words ("SDK:37046663773: JobNimbus's collection text, …"); empty: the document does not say. */
  sources: string[];
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

function setAt(target: Record<string, unknown>, dotted: string, value: unknown) {
  const parts = dotted.split(".");
  let current = target;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    current = current[part] = isRecord(next) ? next : {};
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
