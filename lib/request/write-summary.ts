// A write described in words for the confirmation dialog ("Create contact Jane Doe",
// "Delete job #1043") and, for a DELETE, what the person must type to confirm it.
import { isRecord } from "@/lib/json/is-record";
import { forwardedHeaders, resolvePath, type Method, type RequestDraft, type Upstream } from "./request-model";

export type WriteConfirmation = {
  method: Method;
  /** One line naming what will change: the dialog's title. */
  summary: string;
  /** What will be sent or changed, a line each. */
  details: string[];
  /** For a DELETE: the record's number or name, which the person types to confirm. */
  typed: string | null;
  /** Something the person should know before confirming (the record could not be found, say). */
  warning?: string | null;
  /** Every part of the request that will be sent, a line each: API, method, path, each query parameter, headers, body. */
  request?: string[];
  /** The request came from a share link, so someone else may have composed any part of it. */
  fromLink?: boolean;
  /** The confirm button's word ("Deactivate", "Move"); "Confirm", or "Delete" for a DELETE, when absent. */
  action?: string;
};

const NOUNS: Record<string, string> = { contacts: "contact", jobs: "job", tasks: "task", activities: "activity", files: "file" };

export type RecordTarget = { noun: string; id: string | null };

function singular(collection: string): string {
  return NOUNS[collection] ?? collection.replace(/ies$/, "y").replace(/s$/, "");
}

/**
 * Which kind of record a path addresses: Platform paths are {service}/v{n}/{collection}[/{id}],
 * Legacy paths {collection}[/{id}]. Null for anything else.
 */
export function recordTarget(upstream: Upstream, path: string): RecordTarget | null {
  const parts = path.split("?")[0]!.split("/").filter(Boolean);
  const rest = upstream === "platform" ? (parts.length >= 3 && /^v\d+$/.test(parts[1]!) ? parts.slice(2) : null) : parts;
  if (!rest || rest.length < 1 || rest.length > 2) return null;
  let id: string | null = null;
  if (rest[1] !== undefined) {
    try {
      id = decodeURIComponent(rest[1]);
    } catch {
      id = rest[1];
    }
  }
  return { noun: singular(rest[0]!), id };
}

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");

function shorten(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** A record's human name: a job's number first, then a name, title or file name. */
export function recordLabel(record: Record<string, unknown>): { label: string; typed: string } | null {
  const number = text(record.number);
  if (number) return { label: `#${number}`, typed: number };
  const person = `${text(record.first_name)} ${text(record.last_name)}`.trim();
  const name = text(record.display_name) || text(record.name) || person || text(record.title) || text(record.filename);
  if (name) return { label: shorten(name), typed: name };
  return null;
}

function nameInBody(body: Record<string, unknown>): string {
  const person = `${text(body.first_name)} ${text(body.last_name)}`.trim();
  const note = text(body.note);
  return text(body.display_name) || person || text(body.company) || text(body.name) || text(body.title) || (note ? `“${shorten(note, 40)}”` : "");
}

function parseBody(body: string): Record<string, unknown> | null {
  if (!body.trim()) return null;
  try {
    const value = JSON.parse(body) as unknown;
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function fieldLines(body: Record<string, unknown>, arrow: string): string[] {
  const lines = Object.entries(body).map(([key, value]) => `${key}${arrow}${shorten(typeof value === "string" ? value : JSON.stringify(value), 80)}`);
  return lines.length > 12 ? [...lines.slice(0, 12), `…and ${lines.length - 12} more fields`] : lines;
}

export type WriteInput = {
  method: Method;
  upstream: Upstream;
  /** The path as it will be sent, parameters filled in, without the query. */
  path: string;
  body: string;
  /** The query parameters that will be sent, in order, decoded. */
  query?: [name: string, value: string][];
  /** The headers the person added that will be sent (not the ones the console adds itself). */
  headers?: [name: string, value: string][];
  fromLink?: boolean;
};

/** Control and invisible characters written out, so no part of a value can hide; an empty value said so. */
function visible(value: string): string {
  if (value === "") return "(empty)";
  const shown = value.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return /^\s|\s$/.test(shown) ? `"${shown}"` : shown;
}

function bodyLine(method: Method, body: string, parsed: Record<string, unknown> | null): string[] {
  if (method !== "POST" && method !== "PUT" && method !== "PATCH") return [];
  if (!body) return ["Body: none"];
  if (parsed) {
    const keys = Object.keys(parsed);
    return [`Body: JSON with ${keys.length} field${keys.length === 1 ? "" : "s"}${keys.length ? ` (${shorten(keys.join(", "), 80)})` : ""}`];
  }
  return [`Body: ${body.length} characters of text that is not a JSON object`];
}

/** Every part that will be sent, a line each, in the order of an HTTP request. */
function requestLines(input: WriteInput, parsed: Record<string, unknown> | null): string[] {
  const query = input.query ?? [];
  const address = `${input.path}${query.length ? `?${query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&")}` : ""}`;
  return [
    `API: ${input.upstream === "legacy" ? "Legacy API" : "Platform API"}`,
    `Method: ${input.method}`,
    `Path: ${visible(input.path)}`,
    ...query.map(([name, value]) => `Query parameter ${visible(name)} = ${visible(value)}`),
    ...(input.headers ?? []).map(([name, value]) => `Header ${name}: ${visible(value)}`),
    ...bodyLine(input.method, input.body, parsed),
    `Sent as: ${input.method} ${address}`,
  ];
}

/** " (with the query parameters ids, force)": a write's title says when more than its path is sent. */
function withQuery(query: WriteInput["query"]): string {
  if (!query?.length) return "";
  const names = [...new Set(query.map(([name]) => visible(name)))];
  return ` (with the query parameter${names.length === 1 ? "" : "s"} ${shorten(names.join(", "), 60)})`;
}

/** A draft as it will be sent: path parameters filled in, the enabled query rows, the person's own headers. */
export function writeInputOf(draft: RequestDraft, { fromLink = false } = {}): WriteInput {
  const resolved = resolvePath(draft);
  const path = resolved.ok ? resolved.path : draft.path;
  const body = draft.method === "DELETE" ? "" : draft.body;
  const query = draft.query.filter((row) => row.enabled && row.name).map((row): [string, string] => [row.name, row.value]);
  // The person's own header rows: a body's default Content-Type is the console's, not theirs.
  const headers = forwardedHeaders({ method: draft.method, body: "", headers: draft.headers });
  return { method: draft.method, upstream: draft.upstream, path, body, query, headers, fromLink };
}

/** Every part of `draft` that will be sent, a line each (what the confirmation lists under the summary). */
export function requestPartsOf(draft: RequestDraft): string[] {
  const input = writeInputOf(draft);
  return requestLines(input, parseBody(input.body));
}

/**
 * Describes a write. `record` is the record as it is now (read just before asking) for updates and
 * deletes: null when it could not be read, undefined when nobody looked.
 */
export function describeWrite(input: WriteInput, record?: Record<string, unknown> | null): WriteConfirmation {
  const described = describeChange(input, record);
  return {
    ...described,
    summary: `${described.summary}${withQuery(input.query)}`,
    request: requestLines(input, parseBody(input.body)),
    fromLink: input.fromLink === true,
  };
}

/** The write in words: its title, what it changes, and for a DELETE what to type. */
function describeChange(input: WriteInput, record?: Record<string, unknown> | null): WriteConfirmation {
  const { method, upstream, path } = input;
  const target = recordTarget(upstream, path);
  const body = parseBody(input.body);
  const named = record ? recordLabel(record) : null;
  const idLabel = target?.id ? named?.label ?? target.id : null;
  const missing = record === null && target?.id ? `The console could not read this ${target.noun} first; it may not exist.` : null;

  if (method === "DELETE") {
    const what = target ? `${target.noun}${idLabel ? ` ${idLabel}` : ""}` : path;
    const extra = named && target?.id && named.label !== target.id ? [`Record id: ${target.id}`] : [];
    return {
      method,
      summary: `Delete ${what}`,
      details: [`This removes the ${target?.noun ?? "record"} from JobNimbus. It cannot be undone.`, ...extra],
      typed: named?.typed ?? target?.id ?? path,
      warning: missing,
    };
  }
  if (method === "POST" && target && !target.id) {
    const name = body ? nameInBody(body) : "";
    return { method, summary: `Create ${target.noun}${name ? ` ${name}` : ""}`, details: body ? fieldLines(body, ": ") : [], typed: null, warning: null };
  }
  if ((method === "PUT" || method === "PATCH") && target?.id) {
    const changes = body ? Object.keys(body) : [];
    return {
      method,
      summary: `Update ${target.noun} ${idLabel}${changes.length ? `: ${shorten(changes.join(", "), 60)}` : ""}`,
      details: [...(body ? fieldLines(body, " → ") : []), ...(method === "PUT" ? ["PUT replaces the record: fields left out may be cleared."] : [])],
      typed: null,
      warning: missing,
    };
  }
  const verb = method === "POST" ? "Send data to" : method === "PUT" ? "Replace" : method === "PATCH" ? "Change" : method;
  return { method, summary: `${verb} ${path}`, details: body ? fieldLines(body, ": ") : [], typed: null, warning: null };
}

/** Whether describing this write is better with the record read first (updates and deletes of one record). */
export function wantsRecord(input: Pick<WriteInput, "method" | "upstream" | "path">): boolean {
  return input.method !== "POST" && input.method !== "GET" && Boolean(recordTarget(input.upstream, input.path)?.id);
}

/** Does what a person typed match the record's number or name? Case and a leading "#" do not matter. */
export function typedMatches(typed: string, expected: string): boolean {
  const norm = (value: string) => value.trim().replace(/^#/, "").replace(/\s+/g, " ").toLowerCase();
  return norm(typed) !== "" && norm(typed) === norm(expected);
}
