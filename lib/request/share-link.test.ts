import { describe, expect, it } from "vitest";
import { newRow, type RequestDraft } from "./request-model";
import { SHARE_LINK_LIMIT, decodeShareLink, encodeShareLink } from "./share-link";

const ORIGIN = "https://console.example.com";

function draft(overrides: Partial<RequestDraft> = {}): RequestDraft {
  return { upstream: "platform", method: "GET", path: "example/v1/contacts", pathParams: {}, query: [], headers: [], body: "", ...overrides };
}

/** Row ids are per form; a decoded draft gets fresh ones. */
const withoutIds = (d: RequestDraft | null) => {
  const strip = (rows: RequestDraft["query"]) => rows.map((row) => ({ name: row.name, value: row.value, enabled: row.enabled }));
  return d && { ...d, query: strip(d.query), headers: strip(d.headers) };
};

function paramOf(url: string): string {
  const parsed = new URL(url);
  expect(parsed.origin).toBe(ORIGIN);
  expect(parsed.pathname).toBe("/");
  return parsed.searchParams.get("r") ?? "";
}

function encode(d: RequestDraft): string {
  const result = encodeShareLink(d, ORIGIN);
  if (!result.ok) throw new Error(result.reason);
  return result.url;
}

describe("encodeShareLink and decodeShareLink", () => {
  it("makes an /?r= link on the origin with a base64url parameter", () => {
    const url = encode(draft());
    expect(url.startsWith(`${ORIGIN}/?r=`)).toBe(true);
    expect(paramOf(url)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeShareLink(draft(), `${ORIGIN}/`)).toEqual({ ok: true, url });
  });

  it("round-trips a full draft, unicode and tricky characters included", () => {
    const d = draft({
      upstream: "legacy",
      method: "PUT",
      path: "contacts/{id}",
      pathParams: { id: "a/b c" },
      query: [newRow("filter", '{"must":[{"term":{"name":"Zoë"}}]}'), newRow("off", "1", false)],
      headers: [newRow("If-Match", '"v1"'), newRow("Accept", "text/csv", false)],
      body: `{"note":"it's \\"quoted\\"\\n🏠 + / = ?&#"}`,
    });
    expect(withoutIds(decodeShareLink(paramOf(encode(d))))).toEqual(withoutIds(d));
  });

  it("gives decoded rows fresh ids", () => {
    const decoded = decodeShareLink(paramOf(encode(draft({ query: [newRow("a", "1"), newRow("b", "2")] }))));
    const ids = decoded?.query.map((row) => row.id) ?? [];
    expect(new Set(ids).size).toBe(2);
  });

  it("never puts refused headers such as Authorization or Cookie in a link", () => {
    const d = draft({ headers: [newRow("Authorization", "Bearer secret-key"), newRow("Cookie", "sid=1"), newRow("X-Forwarded-For", "1.2.3.4"), newRow("Accept", "application/json")] });
    const param = paramOf(encode(d));
    const json = Buffer.from(param, "base64url").toString("utf8");
    expect(json).not.toContain("secret-key");
    expect(json).not.toMatch(/authorization|cookie|forwarded/i);
    expect(decodeShareLink(param)?.headers.map((h) => h.name)).toEqual(["Accept"]);
  });

  it("drops refused headers from a hand-made link", () => {
    const forged = Buffer.from(JSON.stringify({ v: 1, u: "platform", m: "GET", p: "x", h: [["Authorization", "Bearer x"], ["Accept", "a"]] })).toString("base64url");
    expect(decodeShareLink(forged)?.headers.map((h) => h.name)).toEqual(["Accept"]);
  });

  it("stays under the limit and reports a body too big to share", () => {
    const result = encodeShareLink(draft({ method: "POST", body: "x".repeat(SHARE_LINK_LIMIT) }), ORIGIN);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^The body is too big to share as a link \(\d+ KB; links can be at most 8 KB\)/);
  });

  it("reports a request too big to share when the body is not the cause", () => {
    const query = Array.from({ length: 150 }, (_, i) => newRow(`field${i}`, "y".repeat(50)));
    const result = encodeShareLink(draft({ query, body: "{}" }), ORIGIN);
    expect(!result.ok && result.reason).toMatch(/^This request is too big to share as a link/);
  });

  it("accepts a link right at the limit", () => {
    const base = encode(draft({ method: "POST", body: "" })).length;
    // Each 3 body characters add 4 base64 characters; the JSON wrapper `,"b":""` adds a few more.
    let body = "x".repeat(Math.floor(((SHARE_LINK_LIMIT - base) * 3) / 4) - 100);
    while (encodeShareLink(draft({ method: "POST", body: `${body}x` }), ORIGIN).ok) body += "x";
    const result = encodeShareLink(draft({ method: "POST", body }), ORIGIN);
    expect(result.ok && result.url.length).toBeLessThanOrEqual(SHARE_LINK_LIMIT);
    expect(result.ok && result.url.length).toBeGreaterThan(SHARE_LINK_LIMIT - 4);
  });

  it("reads anything that is not a valid link as null, never a throw", () => {
    const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
    const bad = [
      null,
      undefined,
      "",
      "!!!",
      "a+b/c=",
      b64("not json"),
      b64([1, 2]),
      b64({ v: 2, u: "platform", m: "GET", p: "x" }),
      b64({ v: 1, u: "elsewhere", m: "GET", p: "x" }),
      b64({ v: 1, u: "platform", m: "TRACE", p: "x" }),
      b64({ v: 1, u: "platform", m: "GET", p: "x", q: [["a"]] }),
      b64({ v: 1, u: "platform", m: "GET", p: "x", q: [["a", "b", 1]] }),
      Buffer.from([0xff, 0xfe, 0x7b]).toString("base64url"),
      "A".repeat(SHARE_LINK_LIMIT + 1),
    ];
    for (const param of bad) expect(decodeShareLink(param), String(param)).toBeNull();
  });
});
