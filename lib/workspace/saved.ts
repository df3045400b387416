// Named requests kept in localStorage, plus export to and import from a JSON file so a team can share them.
// Refused headers (Authorization, Cookie, ...) are never stored, exported or imported.
import { newStoredId, readStoredJson, writeStoredJson, type StorageLike } from "./browser-storage";
import { requestDraftSchema } from "@/lib/request/draft-schema";
import { refusedHeaderReason, withoutRefusedHeaders, type RequestDraft } from "@/lib/request/request-model";
import * as z from "@/lib/zod-mini";
import { describeIssues, PLAIN_MESSAGES } from "@/lib/zod-mini";

export const SAVED_KEY = "jnc.saved";
export const SAVED_FILE_FORMAT = "jobnimbus-console.saved-requests";
export const SAVED_FILE_VERSION = 1;
export const MAX_NAME_LENGTH = 200;
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

export type SavedRequest = { id: string; name: string; savedAt: string; draft: RequestDraft };

const savedRequestSchema: z.ZodMiniType<SavedRequest> = z.object({
  id: z._default(z.string().check(z.minLength(1), z.maxLength(100)), newStoredId),
  name: z.string().check(z.trim(), z.minLength(1, "empty; every request needs a name"), z.maxLength(MAX_NAME_LENGTH)),
  savedAt: z._default(z.string(), () => new Date().toISOString()),
  draft: requestDraftSchema,
});

export type SaveResult = { ok: true; saved: SavedRequest; list: SavedRequest[] } | { ok: false; error: string };
export type ImportResult = { ok: true; requests: SavedRequest[]; warnings: string[] } | { ok: false; error: string };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function withoutRefused(request: SavedRequest): SavedRequest {
  return { ...request, draft: { ...request.draft, headers: withoutRefusedHeaders(request.draft.headers) } };
}

/** Saved requests by name, A to Z; anything that does not validate is skipped. */
export function listSaved(storage: StorageLike): SavedRequest[] {
  const stored = readStoredJson(storage, SAVED_KEY);
  if (!Array.isArray(stored)) return [];
  return stored
    .flatMap((item) => {
      const parsed = savedRequestSchema.safeParse(item);
      return parsed.success ? [withoutRefused(parsed.data)] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
}

function store(storage: StorageLike, list: SavedRequest[]): SavedRequest[] | null {
  return writeStoredJson(storage, SAVED_KEY, list) ? listSaved(storage) : null;
}

/** Adds `requests` to `list`; one with the name of an existing request (ignoring case) replaces it and keeps its id. */
function mergeByName(list: SavedRequest[], requests: SavedRequest[]): SavedRequest[] {
  const merged = [...list];
  for (const request of requests) {
    const at = merged.findIndex((old) => sameName(old.name, request.name));
    if (at === -1) merged.push({ ...request, id: newStoredId() });
    else merged[at] = { ...request, id: merged[at]!.id };
  }
  return merged.map(withoutRefused);
}

/** Saves `draft` as `name`; a request already saved under that name (ignoring case) is overwritten. */
export function saveRequest(storage: StorageLike, name: string, draft: RequestDraft, now: Date = new Date()): SaveResult {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, error: "Give the request a name." };
  if (trimmed.length > MAX_NAME_LENGTH) return { ok: false, error: `Names can be at most ${MAX_NAME_LENGTH} characters.` };
  const request: SavedRequest = { id: newStoredId(), name: trimmed, savedAt: now.toISOString(), draft };
  const list = store(storage, mergeByName(listSaved(storage), [request]));
  const saved = list?.find((item) => sameName(item.name, trimmed));
  if (!list || !saved) return { ok: false, error: "The browser's storage is full or turned off, so the request was not saved." };
  return { ok: true, saved, list };
}

/** Stores imported requests beside the saved ones (same name overwrites); null when storage refused. */
export function mergeSaved(storage: StorageLike, requests: SavedRequest[]): SavedRequest[] | null {
  return store(storage, mergeByName(listSaved(storage), requests));
}

export function deleteSaved(storage: StorageLike, id: string): SavedRequest[] {
  const list = listSaved(storage);
  const kept = list.filter((request) => request.id !== id);
  return store(storage, kept) ?? list;
}

/** A file to share: pretty JSON in a versioned envelope, without refused headers. */
export function exportSaved(list: readonly SavedRequest[]): string {
  return JSON.stringify({ format: SAVED_FILE_FORMAT, version: SAVED_FILE_VERSION, requests: list.map(withoutRefused) }, null, 2);
}

function entryLabel(index: number, item: unknown): string {
  const name = typeof item === "object" && item !== null && "name" in item && typeof item.name === "string" ? ` ("${item.name.slice(0, 60)}")` : "";
  return `Request ${index + 1}${name}`;
}

/** Reads an exported file; errors say what is wrong and where, refused headers are left out with a warning. */
export function importSaved(text: string): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: `This file is too big to import (over ${MAX_IMPORT_CHARS / 1024 / 1024} MB).` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not JSON (${error instanceof Error ? error.message : "it could not be read"}).` };
  }
  const envelope = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (!envelope || envelope.format !== SAVED_FILE_FORMAT) {
    return { ok: false, error: `This is not a JobNimbus Console saved-requests file: its "format" should be "${SAVED_FILE_FORMAT}".` };
  }
  if (envelope.version !== SAVED_FILE_VERSION) {
    return { ok: false, error: `This file is version ${JSON.stringify(envelope.version) ?? "(none)"}; this console reads version ${SAVED_FILE_VERSION}.` };
  }
  if (!Array.isArray(envelope.requests)) return { ok: false, error: `This file's "requests" should be a list.` };

  const requests: SavedRequest[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  envelope.requests.forEach((item: unknown, index) => {
    const parsed = savedRequestSchema.safeParse(item, PLAIN_MESSAGES);
    if (!parsed.success) {
      // "draft.headers.0.name: missing" style: the field's path and what is wrong, for the entry's first problems.
      problems.push(`${entryLabel(index, item)}: ${describeIssues(parsed.error.issues)}`);
      return;
    }
    for (const row of parsed.data.draft.headers) {
      const reason = refusedHeaderReason(row.name);
      if (reason) warnings.push(`${entryLabel(index, item)}: left out the ${row.name} header. ${reason}`);
    }
    requests.push(withoutRefused(parsed.data));
  });
  if (problems.length) {
    const more = problems.length > 5 ? `\n…and ${problems.length - 5} more.` : "";
    return { ok: false, error: `${problems.slice(0, 5).join("\n")}${more}` };
  }
  return { ok: true, requests, warnings };
}
