// Which views the response viewer offers for a body, chosen from one media-type table,
// narrowed by what the parsed body turned out to be (records → table, problem → problem card).
import { isRecord } from "@/lib/json/is-record";

export const VIEWS = ["problem", "table", "json", "tree", "raw", "image", "pdf", "download", "html-as-text"] as const;
export type View = (typeof VIEWS)[number];

/** Above this, JSON is shown raw first: pretty-printing and trees of that size freeze the tab. */
export const PRETTY_LIMIT_BYTES = 5 * 1024 * 1024;

const JSON_VIEWS: readonly View[] = ["table", "json", "tree", "raw", "download"];
const TEXT_VIEWS: readonly View[] = ["raw", "download"];

/** First matching pattern wins; views are in preference order and filtered by `isOffered`. */
const VIEWS_BY_MEDIA_TYPE: readonly (readonly [pattern: string, views: readonly View[]])[] = [
  ["application/problem+json", ["problem", ...JSON_VIEWS]],
  ["application/json", JSON_VIEWS],
  ["*/*+json", JSON_VIEWS],
  ["text/html", ["html-as-text", "download"]],
  ["image/*", ["image", "download"]],
  ["application/pdf", ["pdf", "download"]],
  ["text/*", TEXT_VIEWS],
  ["application/xml", TEXT_VIEWS],
  ["*/*+xml", TEXT_VIEWS],
  ["application/javascript", TEXT_VIEWS],
  ["application/x-ndjson", TEXT_VIEWS],
  ["application/x-www-form-urlencoded", TEXT_VIEWS],
  ["*/*", ["download"]],
];

/**
 * Keys under which list endpoints put their records (`{count, results: [...]}` and the like);
 * JobNimbus's legacy API lists activities under `activity` and files under `files` (§5g).
 */
const RECORD_LIST_KEYS = ["results", "activity", "files", "data", "items", "records", "rows", "hits", "entries", "list"];

function isRecordList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every(isRecord);
}

function findRecords(value: unknown, wrappersLeft: number): Record<string, unknown>[] | null {
  if (isRecordList(value)) return value;
  if (!isRecord(value) || wrappersLeft === 0) return null;
  for (const key of RECORD_LIST_KEYS) {
    const found = Object.hasOwn(value, key) ? findRecords(value[key], wrappersLeft - 1) : null;
    if (found) return found;
  }
  return null;
}

/**
 * The records a table can show: the body itself when it is an array of objects, or such an array
 * under a list key, at most two wrappers deep (`{data: {items: [...]}}`); null when there is none.
 */
export function recordsOf(value: unknown): Record<string, unknown>[] | null {
  return findRecords(value, 2);
}

/** "application/vnd.foo+json; charset=utf-8" → "application/vnd.foo+json"; null when missing or not type/subtype. */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? mediaType : null;
}

function matches(pattern: string, mediaType: string): boolean {
  if (pattern === "*/*") return true;
  if (pattern.startsWith("*/*+")) return mediaType.endsWith(pattern.slice(3));
  if (pattern.endsWith("/*")) return mediaType.startsWith(pattern.slice(0, -1));
  return pattern === mediaType;
}

type Body = { sizeBytes: number; parsed: unknown };

/** Whether a listed view can show this particular body. */
function isOffered(view: View, body: Body): boolean {
  switch (view) {
    case "problem":
      return isRecord(body.parsed);
    case "table":
      return (recordsOf(body.parsed)?.length ?? 0) > 0;
    case "json":
    case "tree":
      return body.parsed !== undefined && body.sizeBytes <= PRETTY_LIMIT_BYTES;
    default:
      return true;
  }
}

/**
 * The views for a response, best first; never empty. Pass `parsed` (the JSON.parse result) only when
 * the body is valid JSON: without it JSON falls back to raw, and a body with no content type is sniffed by it.
 */
export function viewsFor(contentType: string | null, sizeBytes: number, parsed?: unknown): View[] {
  const mediaType = mediaTypeOf(contentType) ?? (parsed === undefined ? "text/plain" : "application/json");
  const listed = VIEWS_BY_MEDIA_TYPE.find(([pattern]) => matches(pattern, mediaType))?.[1] ?? ["download"];
  const views = listed.filter((view) => isOffered(view, { sizeBytes, parsed }));
  // Oversized text opens raw (and offers the file) before anything that has to walk it.
  if (sizeBytes > PRETTY_LIMIT_BYTES && views.includes("raw")) {
    const first: View[] = ["raw", "download"];
    return [...first.filter((view) => views.includes(view)), ...views.filter((view) => !first.includes(view))];
  }
  return views;
}

/** The view the viewer opens first. */
export function defaultView(contentType: string | null, sizeBytes: number, parsed?: unknown): View {
  return viewsFor(contentType, sizeBytes, parsed)[0] ?? "download";
}
