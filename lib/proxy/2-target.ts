// Turns the part of a request URL after /api/proxy/ into a path and query that can
// only ever be appended to the fixed upstream origin. Anything doubtful is refused.
import "server-only";

export const PROXY_PREFIX = "/api/proxy/";
const MAX_PATH = 2048;
const MAX_QUERY = 8192;
/** Characters a decoded JobNimbus path segment may hold; everything else is refused. */
const SEGMENT = /^[A-Za-z0-9._~\-+,=]+$/;
const RAW_QUERY = /^[\x21-\x7e]*$/;

export type ProxyTarget = { ok: true; path: string; query: string } | { ok: false; reason: string };

/** `rawUrl` is the request URL as received (absolute or origin-relative), not a decoded route param. */
export function parseProxyTarget(rawUrl: string): ProxyTarget {
  const withoutOrigin = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  if (!withoutOrigin.startsWith(PROXY_PREFIX)) return { ok: false, reason: "The address must start with /api/proxy/." };
  const rest = withoutOrigin.slice(PROXY_PREFIX.length);
  const hashAt = rest.indexOf("#");
  const beforeHash = hashAt === -1 ? rest : rest.slice(0, hashAt);
  const queryAt = beforeHash.indexOf("?");
  const rawPath = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? "" : beforeHash.slice(queryAt + 1);

  if (!rawPath) return { ok: false, reason: "No API path was given after /api/proxy/." };
  if (rawPath.length > MAX_PATH) return { ok: false, reason: `The path is longer than ${MAX_PATH} characters.` };
  if (rawQuery.length > MAX_QUERY) return { ok: false, reason: `The query string is longer than ${MAX_QUERY} characters.` };
  if (!RAW_QUERY.test(rawQuery)) return { ok: false, reason: "The query string contains spaces or control characters; encode them." };

  const segments: string[] = [];
  for (const raw of rawPath.split("/")) {
    const checked = checkSegment(raw);
    if (typeof checked !== "string") return { ok: false, reason: checked.reason };
    segments.push(checked);
  }
  return { ok: true, path: segments.join("/"), query: rawQuery ? `?${rawQuery}` : "" };
}

function checkSegment(raw: string): string | { reason: string } {
  if (raw === "") return { reason: "The path has an empty segment ('//')." };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { reason: "The path has broken percent-encoding." };
  }
  if (decoded === "." || decoded === "..") return { reason: "The path may not contain '.' or '..' segments." };
  if (!SEGMENT.test(decoded)) {
    return {
      reason:
        "The path may only contain letters, digits and . _ ~ - + , = (no slashes, backslashes, '@', ':', '%', spaces or control characters, encoded or not).",
    };
  }
  return encodeURIComponent(decoded);
}

/** Joins a checked path onto a configured base (origin plus optional base path) and proves the origin held. */
export function buildUpstreamUrl(base: string, target: { path: string; query: string }): URL {
  const baseUrl = new URL(base);
  const basePath = baseUrl.pathname.replace(/\/+$/, "");
  const url = new URL(`${baseUrl.origin}${basePath}/${target.path}${target.query}`);
  if (url.origin !== baseUrl.origin || !url.pathname.startsWith(`${basePath}/`)) {
    throw new Error("upstream URL escaped its base");
  }
  return url;
}
