// The text of an OpenAPI document → plain data. JSON when it starts with "{" or "[", YAML
// otherwise (YAML 1.2, one document, at most 100 aliases). Errors name the line and column.
import { parseDocument, isScalar } from "yaml";
import { checkJson, lineColumnAt } from "@/lib/json/check";

export type DocumentText = { ok: true; value: unknown; format: "JSON" | "YAML" } | { ok: false; error: string };

const YAML_REASONS: Record<string, string> = {
  MULTIPLE_DOCS: "it holds more than one YAML document (a second ---); give the OpenAPI document alone",
  DUPLICATE_KEY: "the same key appears twice in one mapping",
  TAB_AS_INDENT: "a tab is used for indentation; YAML indents with spaces",
};

function yamlValue(text: string, source: string): DocumentText {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const { line, column } = lineColumnAt(text, error.pos[0]);
    const reason = YAML_REASONS[error.code] ?? error.message.replace(/\s+/g, " ").replace(/\.$/, "");
    const more = document.errors.length > 1 ? ` (and ${document.errors.length - 1} more problem${document.errors.length > 2 ? "s" : ""})` : "";
    return { ok: false, error: `${source} is not valid YAML: ${reason} at line ${line}, column ${column}${more}` };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    // Only alias expansion throws here ("Excessive alias count…"): a document built to blow up in memory.
    return { ok: false, error: `${source} cannot be read as YAML: ${cause instanceof Error ? cause.message : "unreadable"}` };
  }
  // `openapi: 3.0` is a number to YAML; the version as written is what OpenAPI means.
  const version = document.contents && "get" in document.contents ? (document.contents as { get(key: string, keep: true): unknown }).get("openapi", true) : undefined;
  if (isScalar(version) && typeof version.value === "number" && typeof version.source === "string" && value && typeof value === "object") {
    (value as Record<string, unknown>).openapi = version.source;
  }
  return { ok: true, value, format: "YAML" };
}

/** Parses the text of a document named `source` ("api.yaml", "OPENAPI_SPEC (./api.json)"). */
export function parseDocumentText(text: string, source: string): DocumentText {
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { ok: false, error: `${source} is empty` };
  if (/^\s*[[{]/.test(body)) {
    const json = checkJson(body);
    if (!json.ok) return { ok: false, error: `${source} is not valid JSON: ${json.message} at line ${json.line}, column ${json.column}` };
    return { ok: true, value: json.value, format: "JSON" };
  }
  return yamlValue(body, source);
}
