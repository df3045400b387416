// Which headers cross the proxy: client credentials, routing and hop-by-hop headers stay
// behind on the way up; cookies and server details stay behind on the way down.
import { describe, expect, it } from "vitest";
import { requestHeadersForUpstream, responseHeadersFromUpstream } from "./4-headers";

describe("requestHeadersForUpstream", () => {
  const incoming = new Headers({
    accept: "application/json",
    "accept-language": "en-US",
    "content-type": "application/json; charset=utf-8",
    "if-none-match": '"etag-1"',
    authorization: "Bearer client-supplied-token",
    cookie: "jnc-vault=sealed; jnc.session-token=jwt",
    host: "evil.example.com",
    "x-forwarded-for": "1.2.3.4",
    "x-forwarded-host": "evil.example.com",
    "x-forwarded-proto": "http",
    forwarded: "for=1.2.3.4;host=evil.example.com",
    "x-real-ip": "1.2.3.4",
    connection: "keep-alive, x-secret",
    "keep-alive": "timeout=5",
    "proxy-authorization": "Basic abc",
    te: "trailers",
    upgrade: "websocket",
    "transfer-encoding": "chunked",
    "x-console-upstream": "legacy",
    "x-console-key-id": "abcd1234",
    "x-csrf": "1",
    origin: "http://localhost:3000",
    referer: "http://localhost:3000/",
    "sec-fetch-site": "same-origin",
    "user-agent": "Mozilla/5.0",
    "x-http-method-override": "DELETE",
  });

  const out = requestHeadersForUpstream(incoming);

  it("keeps accept, content-type and the conditional headers", () => {
    expect(out).toMatchObject({
      accept: "application/json",
      "accept-language": "en-US",
      "content-type": "application/json; charset=utf-8",
      "if-none-match": '"etag-1"',
    });
  });

  it.each([
    "authorization",
    "cookie",
    "host",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-proto",
    "forwarded",
    "x-real-ip",
    "connection",
    "keep-alive",
    "proxy-authorization",
    "te",
    "upgrade",
    "transfer-encoding",
    "x-console-upstream",
    "x-console-key-id",
    "x-csrf",
    "origin",
    "referer",
    "sec-fetch-site",
    "x-http-method-override",
  ])("drops %s", (name) => {
    expect(Object.keys(out).map((key) => key.toLowerCase())).not.toContain(name);
  });

  it("passes nothing that carries the client's credentials", () => {
    const text = JSON.stringify(out);
    expect(text).not.toContain("client-supplied-token");
    expect(text).not.toContain("sealed");
    expect(text).not.toContain("evil.example.com");
  });

  it("gives an empty object for no headers", () => {
    expect(requestHeadersForUpstream(new Headers())).toEqual({});
  });
});

describe("responseHeadersFromUpstream", () => {
  const out = responseHeadersFromUpstream(
    {
      "content-type": "application/problem+json",
      "content-disposition": 'attachment; filename="report.pdf"',
      "retry-after": "12",
      "x-ratelimit-limit": "50",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": "1700000000",
      etag: '"v1"',
      "set-cookie": ["upstream=1; Path=/", "tracking=2"],
      server: "nginx/1.25",
      "x-powered-by": "Express",
      location: "https://evil.example.com/",
      "access-control-allow-origin": "*",
      "strict-transport-security": "max-age=0",
      "content-security-policy": "default-src *",
      connection: "close",
      "transfer-encoding": "chunked",
      "cache-control": "public, max-age=86400",
      "www-authenticate": 'Bearer realm="jn"',
    },
    "upstream-req-7",
  );

  it("keeps content-type, retry-after, x-ratelimit-*, content-disposition and etag", () => {
    expect(out.get("content-type")).toBe("application/problem+json");
    expect(out.get("retry-after")).toBe("12");
    expect(out.get("x-ratelimit-limit")).toBe("50");
    expect(out.get("x-ratelimit-remaining")).toBe("0");
    expect(out.get("x-ratelimit-reset")).toBe("1700000000");
    expect(out.get("content-disposition")).toBe('attachment; filename="report.pdf"');
    expect(out.get("etag")).toBe('"v1"');
  });

  it("keeps a deprecated endpoint's Deprecation, Sunset and Link, as JobNimbus documents them", () => {
    const deprecated = responseHeadersFromUpstream({
      deprecation: "@1738367999",
      sunset: "Mon, 30 Jun 2025 23:59:59 UTC",
      link: '<https://api.jobnimbus.com/deprecation>; rel="deprecation"; type="text/html"',
    });
    expect([...deprecated.entries()].filter(([name]) => name !== "cache-control")).toEqual([
      ["deprecation", "@1738367999"],
      ["link", '<https://api.jobnimbus.com/deprecation>; rel="deprecation"; type="text/html"'],
      ["sunset", "Mon, 30 Jun 2025 23:59:59 UTC"],
    ]);
  });

  it.each([
    "set-cookie",
    "server",
    "x-powered-by",
    "location",
    "access-control-allow-origin",
    "strict-transport-security",
    "content-security-policy",
    "connection",
    "transfer-encoding",
  ])("drops %s", (name) => {
    expect(out.has(name)).toBe(false);
  });

  it("adds cache-control no-store, replacing the upstream's", () => {
    expect(out.get("cache-control")).toBe("no-store");
    expect(responseHeadersFromUpstream({}).get("cache-control")).toBe("no-store");
  });

  it("names the upstream's request id when given", () => {
    expect(out.get("x-upstream-request-id")).toBe("upstream-req-7");
    expect(responseHeadersFromUpstream({}).has("x-upstream-request-id")).toBe(false);
  });

  it.each(["7f3a9c2d-41b8-4c1e-9d0a-5b6c7d8e9f01", "jn.req_42:7", "A"])("passes a request id that looks like one: %s", (id) => {
    expect(responseHeadersFromUpstream({}, id).get("x-upstream-request-id")).toBe(id);
  });

  it.each([
    ["a masked key", "*".repeat(28)],
    ["part masked", `req-${"*".repeat(20)}`],
    ["a Bearer header", "Bearer abc"],
    ["a URL", "https://evil.example/x"],
    ["base64 padding", "YWJjZA=="],
    ["a list", "a, b"],
    ["too long", "x".repeat(129)],
    ["empty", ""],
  ])("drops a request id that does not look like one: %s", (_name, id) => {
    expect(responseHeadersFromUpstream({}, id).has("x-upstream-request-id")).toBe(false);
  });
});
