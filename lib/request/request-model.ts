// One request as the composer holds it, and the pure functions that turn it into URLs.
// Shared by the composer, history, saved requests, share links and code snippets.

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
export type Upstream = "platform" | "legacy";

/** A query parameter or header row; `enabled: false` keeps it in the form but out of the request. */
export type Row = { id: string; name: string; value: string; enabled: boolean };

export type RequestDraft = {
  upstream: Upstream;
  method: Method;
  /** Path template without a leading slash, e.g. "contacts/{jnid}". */
  path: string;
  pathParams: Record<string, string>;
  query: Row[];
  headers: Row[];
  body: string;
};

export type UpstreamBases = { platform: string; legacy: string };

let rowCounter = 0;
export function newRow(name = "", value = "", enabled = true): Row {
  rowCounter += 1;
  return { id: `r${Date.now().toString(36)}${rowCounter}`, name, value, enabled };
}

/** What the composer opens with: ten contacts from the legacy API, the documented one. */
export function emptyDraft(): RequestDraft {
  return { upstream: "legacy", method: "GET", path: "contacts", pathParams: {}, query: [newRow("size", "10")], headers: [], body: "" };
}

export const hasBody = (method: Method) => method === "POST" || method === "PUT" || method === "PATCH";

/** "{id}" style parameters in a path template, in order, without repeats. */
export function pathParamNames(path: string): string[] {
  return [...new Set([...path.matchAll(/\{([A-Za-z_][\w-]*)\}/g)].map((m) => m[1]!))];
}

/** Splits what someone typed or pasted into the path field ("contacts?size=5") into path and rows. */
export function splitPathInput(input: string): { path: string; query: Row[] | null } {
  const trimmed = input.trim().replace(/^https?:\/\/[^/]+/i, "").replace(/^\/+/, "").replace(/^api\/proxy\//, "");
  const at = trimmed.indexOf("?");
  if (at === -1) return { path: trimmed, query: null };
  return { path: trimmed.slice(0, at), query: parseQuery(trimmed.slice(at + 1)) };
}

export function parseQuery(raw: string): Row[] {
  return raw
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf("=");
      const decode = (s: string) => {
        try {
          return decodeURIComponent(s.replace(/\+/g, " "));
        } catch {
          return s;
        }
      };
      return eq === -1 ? newRow(decode(pair), "") : newRow(decode(pair.slice(0, eq)), decode(pair.slice(eq + 1)));
    });
}

export function queryString(rows: Row[]): string {
  const parts = rows.filter((r) => r.enabled && r.name).map((r) => `${encodeURIComponent(r.name)}=${encodeURIComponent(r.value)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

export type ResolvedPath = { ok: true; path: string } | { ok: false; missing: string[] };

/** Fills "{id}" parameters (each encoded as one segment); names the ones still empty. */
export function resolvePath(draft: Pick<RequestDraft, "path" | "pathParams">): ResolvedPath {
  const missing = pathParamNames(draft.path).filter((name) => !draft.pathParams[name]?.trim());
  if (missing.length) return { ok: false, missing };
  const path = draft.path.replace(/\{([A-Za-z_][\w-]*)\}/g, (_, name: string) => encodeURIComponent(draft.pathParams[name]!.trim()));
  return { ok: true, path: path.replace(/^\/+/, "") };
}

/** What the path field shows: the template plus the live query string. */
export function displayPath(draft: RequestDraft): string {
  return `${draft.path}${queryString(draft.query)}`;
}

/** The console's own proxy URL for this draft (what the browser calls). */
export function proxyUrl(draft: RequestDraft): ResolvedPath {
  const resolved = resolvePath(draft);
  return resolved.ok ? { ok: true, path: `/api/proxy/${resolved.path}${queryString(draft.query)}` } : resolved;
}

/** The real JobNimbus URL for this draft (what a script would call), for code snippets. */
export function upstreamUrl(draft: RequestDraft, bases: UpstreamBases): string {
  const resolved = resolvePath(draft);
  const path = resolved.ok ? resolved.path : draft.path;
  return `${bases[draft.upstream].replace(/\/+$/, "")}/${path}${queryString(draft.query)}`;
}

const REFUSED_HEADERS: [RegExp, string][] = [
  [/^authorization$/i, "The console adds Authorization itself from your saved key."],
  [/^cookie$/i, "Cookies are never sent to JobNimbus."],
  [/^host$/i, "The host is fixed to JobNimbus."],
  [/^x-forwarded-/i, "Forwarding headers are set by the hosting platform, not by you."],
  [/^(connection|keep-alive|proxy-.*|te|trailer|transfer-encoding|upgrade|content-length)$/i, "This is a connection header; the console manages it."],
  [/^x-console-/i, "X-Console-* headers control the console; use the API and key pickers instead."],
  [/^x-csrf$/i, "The console adds X-CSRF itself."],
];

/** Which headers the proxy passes to JobNimbus; others are refused with a reason in the form. */
export const FORWARDED_HEADERS = ["accept", "accept-language", "content-type", "if-match", "if-none-match", "if-modified-since", "if-unmodified-since"];

/** Null when the header can be sent; otherwise the one-line reason it cannot. */
export function refusedHeaderReason(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(trimmed)) return "Header names may only hold letters, digits and - _ . characters.";
  for (const [pattern, reason] of REFUSED_HEADERS) if (pattern.test(trimmed)) return reason;
  if (!FORWARDED_HEADERS.includes(trimmed.toLowerCase())) {
    return `The console only passes ${FORWARDED_HEADERS.join(", ")} to JobNimbus.`;
  }
  return null;
}

/** Header rows without the ones the proxy refuses, so Authorization, Cookie and the like are never stored or shared. */
export function withoutRefusedHeaders(rows: Row[]): Row[] {
  return rows.filter((row) => refusedHeaderReason(row.name) === null);
}

/** True when the draft sends a body: a body method and something typed in the editor. */
export const sendsBody = (draft: Pick<RequestDraft, "method" | "body">) => hasBody(draft.method) && draft.body.length > 0;

/**
 * The headers the proxy would pass to JobNimbus, in row order; a later row with the same name wins
 * (as Headers.set does), and a body without a Content-Type row is sent as JSON.
 */
export function forwardedHeaders(draft: Pick<RequestDraft, "method" | "body" | "headers">): [name: string, value: string][] {
  const byName = new Map<string, [string, string]>();
  for (const row of draft.headers) {
    const name = row.name.trim();
    if (row.enabled && name && refusedHeaderReason(name) === null) byName.set(name.toLowerCase(), [name, row.value]);
  }
  if (sendsBody(draft) && !byName.has("content-type")) byName.set("content-type", ["Content-Type", "application/json"]);
  return [...byName.values()];
}
