// The proxy's path check: plain JobNimbus paths pass with their query byte for byte;
// every path, encoding or host trick is refused; accepted paths never leave the base.
import { describe, expect, it } from "vitest";
import { buildUpstreamUrl, parseProxyTarget, PROXY_PREFIX } from "./2-target";

const CONSOLE = "http://localhost:3000";
const proxied = (rest: string) => `${CONSOLE}${PROXY_PREFIX}${rest}`;

const BASES = [
  "https://api.jobnimbus.com",
  "https://app.jobnimbus.com/api1",
  "http://127.0.0.1:4010",
  "http://127.0.0.1:4010/api1",
  "http://127.0.0.1:4010/api1/",
  "http://[::1]:4010/nested/base",
];

const FILTER = encodeURIComponent(JSON.stringify({ must: [{ term: { status_name: "Lead" } }, { range: { date_created: { gte: 1700000000 } } }] }));

/** [what follows /api/proxy/, expected path, expected query] */
const ACCEPTED: [string, string, string][] = [
  ["example/v1/contacts", "example/v1/contacts", ""],
  ["contacts/abc123", "contacts/abc123", ""],
  ["contacts", "contacts", ""],
  ["example/v1/contacts?size=10&from=20", "example/v1/contacts", "?size=10&from=20"],
  ["contacts?q=John%20Smith", "contacts", "?q=John%20Smith"],
  [`contacts?filter=${FILTER}`, "contacts", `?filter=${FILTER}`],
  ["contacts?filter=%7B%22must%22%3A%5B%5D%7D&size=1", "contacts", "?filter=%7B%22must%22%3A%5B%5D%7D&size=1"],
  ["jobs?sort=-date_created&fields=jnid,name", "jobs", "?sort=-date_created&fields=jnid,name"],
  ["contacts?q=a+b&empty=&flag", "contacts", "?q=a+b&empty=&flag"],
  ["contacts?redirect=http%3A%2F%2Fevil.com%2F..%2F", "contacts", "?redirect=http%3A%2F%2Fevil.com%2F..%2F"],
  ["contacts?path=/a/../b&at=@x:y", "contacts", "?path=/a/../b&at=@x:y"],
  ["contacts?", "contacts", ""],
  ["files/report.v2.pdf", "files/report.v2.pdf", ""],
  ["example/v1/contacts/ab-cd_ef~gh", "example/v1/contacts/ab-cd_ef~gh", ""],
  ["contacts/abc%2Ddef", "contacts/abc-def", ""],
  ["things/a+b", "things/a%2Bb", ""],
  ["things/k=v,w", "things/k%3Dv%2Cw", ""],
  ["things/...", "things/...", ""],
  ["contacts#fragment", "contacts", ""],
  ["a".repeat(2048), "a".repeat(2048), ""],
  [`contacts?${"q".repeat(8191)}`, "contacts", `?${"q".repeat(8191)}`],
];

/** Every one must be refused; grouped loosely by trick. */
const REFUSED: [string, string][] = [
  ["dot-dot", "../admin"],
  ["dot-dot in the middle", "crm/../admin"],
  ["trailing dot-dot", "example/v1/.."],
  ["single dot", "crm/./v1"],
  ["only a dot", "."],
  ["encoded dot-dot", "crm/%2e%2e/admin"],
  ["encoded dot-dot, upper case", "crm/%2E%2E/admin"],
  ["half-encoded dot-dot", "crm/.%2e/admin"],
  ["half-encoded dot-dot, other half", "crm/%2e./admin"],
  ["encoded single dot", "crm/%2e/v1"],
  ["double-encoded dot-dot", "crm/%252e%252e/admin"],
  ["double-encoded slash", "crm%252fadmin"],
  ["encoded slash", "crm%2fadmin"],
  ["encoded slash, upper case", "crm%2Fv1%2Fcontacts"],
  ["encoded slash and dot-dot", "crm%2f..%2fadmin"],
  ["encoded backslash", "crm%5c..%5cadmin"],
  ["raw backslash", "crm\\..\\admin"],
  ["leading backslash", "\\evil.com"],
  ["protocol-relative //host", "/evil.com/contacts"],
  ["encoded //host", "%2f%2fevil.com/contacts"],
  ["@host", "@evil.com/contacts"],
  ["user@host", "user@evil.com"],
  ["encoded @", "crm%40evil.com"],
  ["absolute URL", "http://evil.com/contacts"],
  ["absolute https URL", "https://evil.com"],
  ["scheme with encoded slashes", "https:%2f%2fevil.com"],
  ["colon (port)", "evil.com:443/contacts"],
  ["colon in a segment", "example/v1:contacts"],
  ["NUL", "crm%00/v1"],
  ["encoded LF", "crm%0a/v1"],
  ["encoded CRLF header injection", "crm%0d%0aHost:%20evil.com"],
  ["raw tab", "example/v1\tcontacts"],
  ["raw space", "example/v1 contacts"],
  ["encoded space", "example/v1%20contacts"],
  ["DEL", "crm/%7f"],
  ["fullwidth dots", "crm/%EF%BC%8E%EF%BC%8E/admin"],
  ["raw fullwidth dots", "crm/\uff0e\uff0e/admin"],
  ["one-dot leader and two-dot leader", "crm/%E2%80%A4%E2%80%A4/%E2%80%A5"],
  ["overlong UTF-8 dot", "crm/%C0%AE%C0%AE/admin"],
  ["fullwidth solidus", "crm%EF%BC%8Fadmin"],
  ["non-ASCII letter", "crm/caf%C3%A9"],
  ["empty path", ""],
  ["only a query", "?q=1"],
  ["empty segment", "crm//v1"],
  ["trailing slash", "example/v1/"],
  ["overlong path", "a".repeat(2049)],
  ["overlong query", `contacts?${"q".repeat(8193)}`],
  ["broken %-encoding", "crm/%zz"],
  ["truncated %-encoding", "crm/%2"],
  ["lone percent", "crm/%"],
  ["%u encoding", "crm/%u002e%u002e"],
  ["encoded question mark", "crm%3fx=1"],
  ["encoded hash", "crm%23x"],
  ["semicolon path parameter", "crm/..;/admin"],
  ["semicolon", "crm;jsessionid=1"],
  ["raw space in query", "contacts?q=a b"],
  ["raw LF in query", "contacts?q=a\nHost: evil.com"],
  ["NUL in query", "contacts?q=\u0000"],
  ["non-ASCII in query", "contacts?q=caf\u00e9"],
];

describe("parseProxyTarget accepts plain JobNimbus paths", () => {
  it.each(ACCEPTED)("%j", (rest, path, query) => {
    expect(parseProxyTarget(proxied(rest))).toEqual({ ok: true, path, query });
  });

  it("reads origin-relative URLs the same way as absolute ones", () => {
    expect(parseProxyTarget(`${PROXY_PREFIX}example/v1/contacts?size=5`)).toEqual({ ok: true, path: "example/v1/contacts", query: "?size=5" });
  });

  it("keeps the query byte for byte (no decoding, no re-encoding, order kept)", () => {
    const query = "b=2&a=1&a=%2B&x=%7B%22k%22%3A%22v%20w%22%7D&y=%252e&z=%E2%82%AC";
    const parsed = parseProxyTarget(proxied(`contacts?${query}`));
    expect(parsed).toEqual({ ok: true, path: "contacts", query: `?${query}` });
  });

  it("accepts a request URL as the WHATWG parser hands it over", () => {
    const url = new URL(`${CONSOLE}/api/proxy/contacts?filter={"must":[]}&q=a b`);
    const parsed = parseProxyTarget(url.href);
    expect(parsed).toEqual({ ok: true, path: "contacts", query: url.search });
  });
});

describe("parseProxyTarget refuses tricks", () => {
  it("has a long list of tricks", () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(25);
  });

  it.each(REFUSED)("%s: %j", (_name, rest) => {
    const parsed = parseProxyTarget(proxied(rest));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(10);
  });

  it.each([
    `${CONSOLE}/api/proxyx/contacts`,
    `${CONSOLE}/api/other/contacts`,
    `${CONSOLE}/api/proxy`,
    `${CONSOLE}/API/PROXY/contacts`,
    "contacts",
    "",
  ])("refuses a URL outside /api/proxy/: %j", (rawUrl) => {
    expect(parseProxyTarget(rawUrl).ok).toBe(false);
  });
});

describe("buildUpstreamUrl keeps the configured origin and base path", () => {
  function expectInsideBase(base: string, target: { path: string; query: string }) {
    const baseUrl = new URL(base);
    const basePath = baseUrl.pathname.replace(/\/+$/, "");
    const url = buildUpstreamUrl(base, target);
    expect(url.origin).toBe(baseUrl.origin);
    expect(url.username).toBe("");
    expect(url.password).toBe("");
    expect(url.pathname).toBe(`${basePath}/${target.path}`);
    expect(url.hash).toBe("");
    return url;
  }

  it("appends to a base path: /api1 + contacts is /api1/contacts", () => {
    const url = buildUpstreamUrl("http://127.0.0.1:4010/api1", { path: "contacts", query: "" });
    expect(url.href).toBe("http://127.0.0.1:4010/api1/contacts");
    expect(buildUpstreamUrl("https://api.jobnimbus.com", { path: "example/v1/contacts", query: "?size=1" }).href).toBe(
      "https://api.jobnimbus.com/example/v1/contacts?size=1",
    );
    expect(buildUpstreamUrl("https://app.jobnimbus.com/api1/", { path: "jobs", query: "" }).href).toBe("https://app.jobnimbus.com/api1/jobs");
  });

  it.each(BASES)("every accepted case stays inside %s", (base) => {
    for (const [rest] of ACCEPTED) {
      const parsed = parseProxyTarget(proxied(rest));
      if (!parsed.ok) throw new Error(`expected ${rest} to be accepted`);
      const url = expectInsideBase(base, parsed);
      if (!/[\s"<>'`{}]/.test(parsed.query)) expect(url.search).toBe(parsed.query);
    }
  });

  it("throws rather than build a URL that escapes the base path", () => {
    expect(() => buildUpstreamUrl("http://127.0.0.1:4010/api1", { path: "../admin", query: "" })).toThrow(/escaped/);
    expect(() => buildUpstreamUrl("http://127.0.0.1:4010/api1", { path: "%2e%2e/admin", query: "" })).toThrow(/escaped/);
  });
});

describe("property: generated paths never leave the base", () => {
  /** mulberry32: a seeded generator, so a failure reproduces. */
  function random(seed: number) {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~-+,=";
  const NASTY = [".", "..", "/", "\\", "@", ":", "?", "#", "%", " ", "\t", "\n", "\r", "\u0000", "\uff0e", "\u2025", "é", ";", "//", "%2e", "%2f", "%5c", "%25", "%00"];

  function segment(next: () => number): string {
    const length = 1 + Math.floor(next() * 12);
    let out = "";
    for (let i = 0; i < length; i += 1) {
      const roll = next();
      if (roll < 0.8) out += SAFE[Math.floor(next() * SAFE.length)];
      else out += NASTY[Math.floor(next() * NASTY.length)];
    }
    return out;
  }

  /** Writes a segment raw, fully percent-encoded, or double-encoded. */
  function spell(value: string, next: () => number): string {
    const roll = next();
    if (roll < 0.5) return value;
    const encoded = [...new TextEncoder().encode(value)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
    return roll < 0.85 ? encoded : encoded.replace(/%/g, "%25");
  }

  it("accepts the safe ones with their segments intact, and keeps every accepted one inside the base", () => {
    const next = random(20260301);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i += 1) {
      const count = 1 + Math.floor(next() * 5);
      const segments = Array.from({ length: count }, () => segment(next));
      const rest = segments.map((s) => spell(s, next)).join("/");
      const query = next() < 0.3 ? `?q=${encodeURIComponent(segment(next))}` : "";
      const parsed = parseProxyTarget(proxied(rest + query));
      const allSafe = segments.every((s) => /^[A-Za-z0-9._~\-+,=]+$/.test(s) && s !== "." && s !== "..");
      if (!parsed.ok) {
        refused += 1;
        continue;
      }
      accepted += 1;
      // An accepted path decodes to exactly the safe segments that were asked for.
      const decoded = parsed.path.split("/").map(decodeURIComponent);
      for (const part of decoded) {
        expect(part).toMatch(/^[A-Za-z0-9._~\-+,=]+$/);
        expect(part === "." || part === "..").toBe(false);
      }
      if (allSafe && !rest.includes("%25")) expect(decoded).toEqual(segments);
      for (const base of BASES) {
        const baseUrl = new URL(base);
        const basePath = baseUrl.pathname.replace(/\/+$/, "");
        const url = buildUpstreamUrl(base, parsed);
        expect(url.origin).toBe(baseUrl.origin);
        expect(url.pathname.startsWith(`${basePath}/`)).toBe(true);
        expect(url.pathname.split("/").length).toBe(basePath.split("/").length + decoded.length);
      }
    }
    // Both sides were exercised.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it("accepts every generated safe path and maps it one to one", () => {
    const next = random(7);
    for (let i = 0; i < 1000; i += 1) {
      const segments = Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
        let s = "";
        const length = 1 + Math.floor(next() * 16);
        for (let j = 0; j < length; j += 1) s += SAFE[Math.floor(next() * SAFE.length)];
        return s === "." || s === ".." ? "x" : s;
      });
      const parsed = parseProxyTarget(proxied(segments.join("/")));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.path.split("/").map(decodeURIComponent)).toEqual(segments);
      const url = buildUpstreamUrl("http://127.0.0.1:4010/api1", parsed);
      expect(url.origin).toBe("http://127.0.0.1:4010");
      expect(url.pathname.split("/").slice(2).map(decodeURIComponent)).toEqual(segments);
    }
  });
});
