// No path, encoding or header trick sends a request (or the key) anywhere but the configured
// upstream origin. Requests go out raw (node:http with an unnormalised path, or a bare socket),
// so what the console receives is exactly what an attacker could send.
import { expect, test } from "@playwright/test";
import { PORTS } from "../support/users.mjs";
import {
  API_HOST,
  canary,
  CANARY_HOST,
  CANARY_URL,
  ConsoleClient,
  expectNoKeyIn,
  expectProblem,
  rawRequest,
  resetRecords,
  signedIn,
  upstream,
  type Reply,
} from "../support/api-client";

/**
 * What must happen to a trick:
 *  - "invalid-path": the console refuses it with a 400 /problems/invalid-path problem;
 *  - { proxied }: it reaches the test upstream (never another host) at exactly this path;
 *  - { problem }: another console problem, before any upstream call;
 *  - "next-refused": Next.js or Node refuses or normalises it before any route runs
 *    (outside the Problem Details promise, see design.md), and nothing is sent anywhere.
 */
type Expectation = "invalid-path" | "next-refused" | { proxied: string } | { problem: string; status: number };

type Trick = {
  name: string;
  send: (client: ConsoleClient) => Promise<Reply>;
  expect: Expectation;
  /**
   * Next.js answers an absolute-form target ("GET http://host/… HTTP/1.1") with a 308 whose
   * Location repeats that target, before any console code runs. Browsers never send such a
   * target to an origin server and nothing carries the key, so it is recorded, not refused.
   */
  nextEchoesTarget?: true;
};

const C = CANARY_HOST; // 127.0.0.1:<canary port>
const viaPath = (path: string, headers: Record<string, string> = {}) => (client: ConsoleClient) =>
  client.send("GET", `/api/proxy/${path}`, { headers });
const viaSocket = (target: string, host = API_HOST) => (client: ConsoleClient) =>
  rawRequest([`GET ${target} HTTP/1.1`, `Host: ${host}`, `Cookie: ${client.cookieHeader()}`, "X-CSRF: 1"].join("\r\n"));

const TRICKS: Trick[] = [
  // Dot segments, encoded every which way.
  { name: "encoded slashes: ..%2f..%2f", send: viaPath("echo/..%2f..%2f__control/requests"), expect: "invalid-path" },
  { name: "upper-case %2F with dots", send: viaPath("echo%2F..%2F..%2Fx"), expect: "invalid-path" },
  { name: "%2e%2e segments (normalised by the URL parser before routing)", send: viaPath("echo/%2e%2e/%2e%2e/x"), expect: { problem: "not-found", status: 404 } },
  { name: "%2e%2e/ at the start", send: viaPath("%2e%2e/%2e%2e/x"), expect: "next-refused" },
  { name: "%2e%2e%2f in one segment", send: viaPath("%2e%2e%2f%2e%2e%2fx"), expect: "invalid-path" },
  { name: "double-encoded dots %252e%252e", send: viaPath("echo/%252e%252e/%252e%252e/x"), expect: "invalid-path" },
  { name: "double-encoded slash %252f", send: viaPath("echo%252f..%252fx"), expect: "invalid-path" },
  { name: "plain ../ in a raw request line", send: viaSocket("/api/proxy/echo/../../../x"), expect: "next-refused" },
  { name: "unicode one-dot leaders ‥ (encoded)", send: viaPath("echo/%E2%80%A5/x"), expect: "invalid-path" },
  { name: "fullwidth full stops ．． (encoded)", send: viaPath("echo/%EF%BC%8E%EF%BC%8E/x"), expect: "invalid-path" },
  { name: "fullwidth solidus ／ (encoded)", send: viaPath("echo%EF%BC%8F..%EF%BC%8Fx"), expect: "invalid-path" },
  { name: "broken percent-encoding %zz (Next cannot decode the route params)", send: viaPath("echo/%zz/x"), expect: "next-refused" },
  { name: "a lone % in a raw request line", send: viaSocket("/api/proxy/echo/%/x"), expect: "next-refused" },
  { name: "raw UTF-8 bytes in the request line", send: viaSocket("/api/proxy/echo/\u00e2\u0080\u00a5/x"), expect: "next-refused" },
  // Other hosts, as authority-looking paths.
  { name: "//host:port in the path", send: viaPath(`/${C}/x`), expect: "next-refused" },
  { name: "host:port as the first segment", send: viaPath(`${C}/x`), expect: "invalid-path" },
  { name: "@host userinfo trick", send: viaPath(`@${C}/x`), expect: "invalid-path" },
  { name: "encoded @ and : (%40, %3A)", send: viaPath(`echo%40127.0.0.1%3A${PORTS.canary}`), expect: "invalid-path" },
  { name: "http:// URL as the path", send: viaPath(`${CANARY_URL}/x`), expect: "next-refused" },
  { name: "http:%2f%2f URL as one segment", send: viaPath(`http:%2f%2f${C}%2fx`), expect: "invalid-path" },
  // Backslashes.
  { name: "raw backslashes", send: viaPath("echo\\..\\..\\x"), expect: "next-refused" },
  { name: "encoded backslashes %5c", send: viaPath(`echo%5c..%5c${C}`), expect: "invalid-path" },
  { name: "backslash host \\\\host", send: viaPath(`%5c%5c${C}%5cx`), expect: "invalid-path" },
  // Control characters.
  { name: "CRLF header injection %0d%0a", send: viaPath(`echo%0d%0aHost:%20${C}%0d%0a`), expect: "invalid-path" },
  { name: "NUL byte %00", send: viaPath("echo%00.json"), expect: "invalid-path" },
  { name: "tab %09", send: viaPath("echo%09x"), expect: "invalid-path" },
  { name: "raw space in the request line", send: viaSocket("/api/proxy/echo/a b"), expect: "next-refused" },
  // Matrix parameters, query and fragment tricks.
  { name: "; segment with ..", send: viaPath("echo;/../landed"), expect: { proxied: "/landed" } },
  { name: "; with @host", send: viaPath(`echo;@${C}`), expect: "invalid-path" },
  { name: "encoded ? in the path (%3F)", send: viaPath(`echo%3F@${C}`), expect: "invalid-path" },
  { name: "encoded # in the path (%23)", send: viaPath(`echo%23@${C}`), expect: "invalid-path" },
  { name: "? injection with # and @host", send: viaPath(`echo/q?x=1#@${C}/`), expect: { proxied: "/echo/q" } },
  { name: "a URL in the query", send: viaPath(`echo/q?next=${CANARY_URL}/x&url=//${C}`), expect: { proxied: "/echo/q" } },
  { name: "control characters in the query", send: viaPath("echo/q?a=%0d%0aHost:x"), expect: { proxied: "/echo/q" } },
  // Size.
  { name: "overlong path (3000 characters)", send: viaPath(`echo/${"a".repeat(3000)}`), expect: "invalid-path" },
  { name: "overlong query (9000 characters)", send: viaPath(`echo/q?x=${"b".repeat(9000)}`), expect: "invalid-path" },
  { name: "empty path (trailing slash redirected by Next)", send: viaPath(""), expect: "next-refused" },
  // Headers that name another host.
  { name: "Host header set to the canary", send: viaSocket("/api/proxy/echo/host-header", C), expect: { proxied: "/echo/host-header" } },
  { name: "X-Forwarded-Host set to the canary", send: viaPath("echo/xfh", { "x-forwarded-host": C, "x-forwarded-proto": "http" }), expect: { proxied: "/echo/xfh" } },
  { name: "Forwarded: host= the canary", send: viaPath("echo/fwd", { forwarded: `host=${C};proto=http` }), expect: { proxied: "/echo/fwd" } },
  { name: "X-Console-Upstream as a URL", send: viaPath("echo/xcu", { "x-console-upstream": CANARY_URL }), expect: { problem: "invalid-request", status: 400 } },
  { name: "X-Console-Upstream: Legacy (wrong case)", send: viaPath("echo/xcu", { "x-console-upstream": "Legacy" }), expect: { problem: "invalid-request", status: 400 } },
  { name: "X-Console-Upstream: a list", send: viaPath("echo/xcu", { "x-console-upstream": "platform, legacy" }), expect: { problem: "invalid-request", status: 400 } },
  { name: "X-Console-Upstream: canary host", send: viaPath("echo/xcu", { "x-console-upstream": C }), expect: { problem: "invalid-request", status: 400 } },
  // The legacy base has a path (/api1); nothing climbs out of it.
  { name: "legacy: ..%2f out of /api1", send: viaPath("..%2fecho", { "x-console-upstream": "legacy" }), expect: "invalid-path" },
  { name: "legacy: ; and .. out of /api1", send: viaPath("contacts;/../jobs", { "x-console-upstream": "legacy" }), expect: { proxied: "/api1/jobs" } },
  // Absolute-form request targets (what a client sends to a forward proxy).
  { name: "absolute-form target naming the canary", send: viaSocket(`${CANARY_URL}/`), expect: "next-refused", nextEchoesTarget: true },
  { name: "absolute-form target with the proxy path on the canary", send: viaSocket(`${CANARY_URL}/api/proxy/echo/x`), expect: "next-refused", nextEchoesTarget: true },
  { name: "absolute-form target with userinfo", send: viaSocket(`http://user@${C}/api/proxy/echo/x`), expect: "next-refused", nextEchoesTarget: true },
  { name: "scheme-relative target //canary/…", send: viaSocket(`//${C}/api/proxy/echo/x`), expect: "next-refused" },
];

test(`${TRICKS.length} path, encoding and header tricks reach no host but the upstream, and only under its base`, async () => {
  expect(TRICKS.length).toBeGreaterThanOrEqual(20);
  const editor = await signedIn("editor");
  await resetRecords();
  const outcomes: string[] = [];

  for (const trick of TRICKS) {
    await resetRecords();
    const reply = await trick.send(editor);
    const received = await upstream.requests();
    const hits = await canary.hits();
    outcomes.push(`${reply.status} ${trick.name}`);

    await test.step(trick.name, () => {
      expectNoKeyIn(reply, trick.name);
      expect(hits, `${trick.name}: the canary was reached`).toEqual([]);
      for (const request of received) {
        expect(request.headers.host, `${trick.name}: Host sent upstream`).toBe(`127.0.0.1:${PORTS.testUpstream}`);
      }
      const { expect: expected } = trick;
      if (expected === "invalid-path") {
        expectProblem(reply, "invalid-path", 400);
        expect(received, `${trick.name}: refused, so nothing is sent`).toEqual([]);
      } else if (expected === "next-refused") {
        expect(received, `${trick.name}: refused, so nothing is sent`).toEqual([]);
        expect(reply.status, `${trick.name}: ${reply.text.slice(0, 200)}`).toBeGreaterThanOrEqual(300);
        const location = reply.headers.location;
        if (location !== undefined && !trick.nextEchoesTarget) {
          // Next's slash normalisation redirects to a path on the console itself, never to another host.
          expect(location, `${trick.name}: Location`).toMatch(/^\/(?![/\\])/);
        }
      } else if ("proxied" in expected) {
        expect(reply.status, `${trick.name}: ${reply.text.slice(0, 200)}`).toBe(200);
        expect(received.map((r) => r.path)).toEqual([expected.proxied]);
      } else {
        expectProblem(reply, expected.problem, expected.status);
        expect(received, `${trick.name}: refused, so nothing is sent`).toEqual([]);
      }
    });
  }
  await test.info().attach("outcomes (status and trick)", { body: outcomes.join("\n"), contentType: "text/plain" });
  // Still serving normally afterwards.
  await resetRecords();
  expect((await editor.proxy("GET", "echo/after-tricks")).status).toBe(200);
  expect(await canary.hits()).toEqual([]);
});
