// Which headers cross the proxy, each way. Allowlists: a header not named here is not passed.
import "server-only";
import type { IncomingHttpHeaders } from "node:http";

/** Client → upstream. Everything else (Authorization, Cookie, Host, X-Forwarded-*, hop-by-hop, X-Console-*) stays behind. */
const REQUEST_ALLOW = [
  "accept",
  "accept-language",
  "content-type",
  "if-match",
  "if-none-match",
  "if-modified-since",
  "if-unmodified-since",
];

/** Upstream → client. Set-Cookie, Server, Location and the rest stay behind. */
const RESPONSE_ALLOW = new Set([
  "content-type",
  "content-length",
  "content-disposition",
  "content-language",
  "etag",
  "last-modified",
  "retry-after",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "ratelimit",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
  "ratelimit-policy",
  // A deprecated JobNimbus endpoint says so with these three (RFC 9745, RFC 8594); the console shows the sunset date.
  "deprecation",
  "sunset",
  "link",
]);

export function requestHeadersForUpstream(incoming: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  // Headers the client named in Connection are hop-by-hop for this request (RFC 9110 §7.6.1), even allowlisted ones.
  const hopByHop = new Set((incoming.get("connection") ?? "").split(",").map((name) => name.trim().toLowerCase()));
  for (const name of REQUEST_ALLOW) {
    if (hopByHop.has(name)) continue;
    const value = incoming.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/**
 * What an upstream request id may look like to be passed on: letters, digits and . _ : - only. Header
 * values arrive with the key masked by asterisks (lib/proxy/5-upstream.ts), so an id that held a form
 * of the key fails this too.
 */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function responseHeadersFromUpstream(raw: IncomingHttpHeaders, upstreamRequestId?: string): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (!RESPONSE_ALLOW.has(name) || value === undefined) continue;
    out.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  if (upstreamRequestId && REQUEST_ID.test(upstreamRequestId)) out.set("x-upstream-request-id", upstreamRequestId);
  out.set("cache-control", "no-store");
  return out;
}
