// Share links: a draft packed into the console's URL (`/?r=<base64url JSON>`) so a colleague opens the
// same request. A link never carries a key or a refused header, and is capped so chat apps and servers keep it whole.
import { MAX_PATH_LENGTH } from "./draft-schema";
import { METHODS, newRow, withoutRefusedHeaders, type RequestDraft, type Row } from "./request-model";
import * as z from "@/lib/zod-mini";

export const SHARE_PARAM = "r";
/** Longest link we hand out; many servers and proxies refuse URLs past 8 KB. */
export const SHARE_LINK_LIMIT = 8 * 1024;

export type ShareLinkResult = { ok: true; url: string } | { ok: false; reason: string };

/** A row as [name, value], with a trailing 0 when it is switched off. */
const sharedRowSchema = z.union([z.tuple([z.string(), z.string()]), z.tuple([z.string(), z.string(), z.literal(0)])]);
type SharedRow = z.output<typeof sharedRowSchema>;

/** The compact form inside a link: short keys, no row ids, empty parts left out. */
const sharedRowsSchema = z.optional(z.array(sharedRowSchema).check(z.maxLength(200)));
const sharedDraftSchema = z.object({
  v: z.literal(1),
  u: z.enum(["platform", "legacy"]),
  m: z.enum(METHODS),
  p: z.string().check(z.maxLength(MAX_PATH_LENGTH)),
  a: z.optional(z.record(z.string(), z.string().check(z.maxLength(MAX_PATH_LENGTH)))),
  q: sharedRowsSchema,
  h: sharedRowsSchema,
  b: z.optional(z.string()),
});
type SharedDraft = z.output<typeof sharedDraftSchema>;

const toSharedRow = (row: Row): SharedRow => (row.enabled ? [row.name, row.value] : [row.name, row.value, 0]);
const fromSharedRow = ([name, value, off]: SharedRow): Row => newRow(name, value, off !== 0);

function compact(draft: RequestDraft, withBody: boolean): SharedDraft {
  const headers = withoutRefusedHeaders(draft.headers);
  return {
    v: 1,
    u: draft.upstream,
    m: draft.method,
    p: draft.path,
    ...(Object.keys(draft.pathParams).length ? { a: draft.pathParams } : {}),
    ...(draft.query.length ? { q: draft.query.map(toSharedRow) } : {}),
    ...(headers.length ? { h: headers.map(toSharedRow) } : {}),
    ...(withBody && draft.body ? { b: draft.body } : {}),
  };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The UTF-8 text behind base64url; null when it is not base64url or not UTF-8. */
function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(encoded.length / 4) * 4, "="));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    return null;
  }
}

function linkFor(shared: SharedDraft, origin: string): string {
  return `${origin.replace(/\/+$/, "")}/?${SHARE_PARAM}=${toBase64Url(JSON.stringify(shared))}`;
}

/** A link that opens this draft in the console at `origin`; refused headers are left out. */
export function encodeShareLink(draft: RequestDraft, origin: string): ShareLinkResult {
  const url = linkFor(compact(draft, true), origin);
  if (url.length <= SHARE_LINK_LIMIT) return { ok: true, url };
  const size = `${Math.ceil(url.length / 1024)} KB; links can be at most ${SHARE_LINK_LIMIT / 1024} KB`;
  if (draft.body && linkFor(compact(draft, false), origin).length <= SHARE_LINK_LIMIT) {
    return { ok: false, reason: `The body is too big to share as a link (${size}). Save the request and export it instead.` };
  }
  return { ok: false, reason: `This request is too big to share as a link (${size}). Save the request and export it instead.` };
}

/** The draft inside a link's `r` parameter; null for anything that is not a valid share link. */
export function decodeShareLink(searchParam: string | null | undefined): RequestDraft | null {
  if (!searchParam || searchParam.length > SHARE_LINK_LIMIT) return null;
  const text = fromBase64Url(searchParam);
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = sharedDraftSchema.safeParse(data);
  if (!parsed.success) return null;
  const shared = parsed.data;
  return {
    upstream: shared.u,
    method: shared.m,
    path: shared.p,
    pathParams: shared.a ?? {},
    query: (shared.q ?? []).map(fromSharedRow),
    // Someone could hand-craft a link with Authorization in it; it never reaches the form.
    headers: withoutRefusedHeaders((shared.h ?? []).map(fromSharedRow)),
    body: shared.b ?? "",
  };
}
