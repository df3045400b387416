// The last requests sent, newest first, in localStorage: what was asked and how it went, so it can be
// searched and sent again. Never a key, never a response body, never a refused header such as Authorization.
import { newStoredId, readStoredJson, removeStored, writeStoredJson, type StorageLike } from "./browser-storage";
import { requestDraftFields } from "@/lib/request/draft-schema";
import { queryString, resolvePath, withoutRefusedHeaders, type RequestDraft } from "@/lib/request/request-model";
import * as z from "@/lib/zod-mini";

export const HISTORY_KEY = "jnc.history";
export const HISTORY_MAX_ENTRIES = 200;
/** Roughly 1 MB of the ~5 MB localStorage quota browsers give an origin (counted in UTF-16 code units). */
export const HISTORY_MAX_CHARS = 1_000_000;
export const HISTORY_BODY_LIMIT_BYTES = 64 * 1024;

export type HistoryEntry = RequestDraft & {
  id: string;
  /** ISO time it was sent. */
  at: string;
  /** True when `body` is only the first HISTORY_BODY_LIMIT_BYTES of what was sent. */
  bodyTruncated?: boolean;
  /** 0 when no answer arrived (network error, cancelled). */
  status: number;
  durationMs: number;
};

const historyEntrySchema: z.ZodMiniType<HistoryEntry> = z.object({
  ...requestDraftFields,
  id: z.string().check(z.minLength(1)),
  at: z.string(),
  bodyTruncated: z.optional(z.boolean()),
  status: z.int().check(z.minimum(0), z.maximum(999)),
  durationMs: z.number().check(z.minimum(0)),
});

/** What a sent request turned into, for `historyEntryFor`. */
export type RequestOutcome = { status: number; durationMs: number };

/** A history entry for a draft that was just sent. */
export function historyEntryFor(draft: RequestDraft, outcome: RequestOutcome, at: Date = new Date()): HistoryEntry {
  const { upstream, method, path, pathParams, query, headers, body } = draft;
  return { id: newStoredId(), at: at.toISOString(), upstream, method, path, pathParams, query, headers, body, status: outcome.status, durationMs: outcome.durationMs };
}

/** The draft to put back in the composer when someone re-opens an entry. */
export function draftOf(entry: HistoryEntry): RequestDraft {
  const { upstream, method, path, pathParams, query, headers, body } = entry;
  return { upstream, method, path, pathParams, query, headers, body };
}

/** The first `limitBytes` of `text` as UTF-8, cut at a character boundary. */
function truncateUtf8(text: string, limitBytes: number): { text: string; truncated: boolean } {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= limitBytes) return { text, truncated: false };
  let end = limitBytes;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1; // step back off a continuation byte
  return { text: new TextDecoder().decode(bytes.subarray(0, end)), truncated: true };
}

/** The entry as it may be stored: refused headers gone, a long body cut short and flagged. */
function storable(entry: HistoryEntry): HistoryEntry {
  const body = truncateUtf8(entry.body, HISTORY_BODY_LIMIT_BYTES);
  // Field by field, so nothing else a caller attached (a response body, say) is ever written.
  const { id, at, upstream, method, path, pathParams, query, headers, status, durationMs } = entry;
  const stored: HistoryEntry = { id, at, upstream, method, path, pathParams, query, headers: withoutRefusedHeaders(headers), body: body.text, status, durationMs };
  if (body.truncated || entry.bodyTruncated) stored.bodyTruncated = true;
  return stored;
}

/** Newest first; drops the oldest entries beyond the count and size limits. */
function withinLimits(entries: HistoryEntry[]): HistoryEntry[] {
  const kept = entries.slice(0, HISTORY_MAX_ENTRIES);
  let size = kept.reduce((total, entry) => total + JSON.stringify(entry).length + 1, 2);
  while (kept.length > 1 && size > HISTORY_MAX_CHARS) size -= JSON.stringify(kept.pop()).length + 1;
  return kept;
}

/** The stored history, newest first; entries that do not validate are skipped, never thrown. */
export function loadHistory(storage: StorageLike): HistoryEntry[] {
  const stored = readStoredJson(storage, HISTORY_KEY);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = historyEntrySchema.safeParse(item);
    return parsed.success ? [storable(parsed.data)] : [];
  });
}

/** Puts `entry` first, trims to the limits and stores it; returns the history as it now stands. */
export function addToHistory(storage: StorageLike, entry: HistoryEntry): HistoryEntry[] {
  let entries = withinLimits([storable(entry), ...loadHistory(storage).filter((old) => old.id !== entry.id)]);
  // A full quota (other sites' data, other tabs) costs old entries, never the request just sent.
  while (!writeStoredJson(storage, HISTORY_KEY, entries) && entries.length > 1) entries = entries.slice(0, Math.ceil(entries.length / 2));
  return entries;
}

export function clearHistory(storage: StorageLike): void {
  removeStored(storage, HISTORY_KEY);
}

/** The text a search looks through: method, path as typed and as sent, query, status. */
function searchableText(entry: HistoryEntry): string {
  const resolved = resolvePath(entry);
  return [entry.method, entry.path, resolved.ok ? resolved.path : "", decodeURIComponentSafe(queryString(entry.query)), String(entry.status), `${Math.floor(entry.status / 100)}xx`]
    .join(" ")
    .toLowerCase();
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Entries matching every word of `text` (case-insensitive; "4xx" matches any 4xx status); all of them for blank text. */
export function searchHistory(entries: readonly HistoryEntry[], text: string): HistoryEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    const haystack = searchableText(entry);
    return words.every((word) => haystack.includes(word));
  });
}
