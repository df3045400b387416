// What crosses the proxy: the vault key as the only credential, the path and query as sent,
// an allowlist of request headers one way and of response headers the other.
import { expect, test } from "@playwright/test";
import { API_HOST, consoleLogEntries, expectProblem, json, resetRecords, signedIn, sleep, upstream, UPSTREAM_URL } from "../support/api-client";
import { KEYS } from "../support/users.mjs";

const FILTER = JSON.stringify({ must: [{ eq: { status_name: "Open Lead" } }, { range: { date_created: { gte: 1700000000 } } }] });

test("JobNimbus receives exactly Authorization: Bearer <vault key>, the path and the query", async () => {
  const editor = await signedIn("editor");
  await resetRecords();
  // Encoded exactly as URLSearchParams (the browser's forms and the console UI) encodes it.
  const query = new URLSearchParams({ filter: FILTER, size: "25", fields: "jnid,display_name" }).toString();
  const reply = await editor.proxy("GET", `echo/example/v1/contacts/J-1_a.b~c?${query}`, { headers: { accept: "application/json" } });
  expect(reply.status, reply.text).toBe(200);

  const [received, ...more] = await upstream.requests();
  expect(more).toEqual([]);
  expect(received!.method).toBe("GET");
  expect(received!.url).toBe(`/echo/example/v1/contacts/J-1_a.b~c?${query}`);
  expect(new URLSearchParams(received!.query).get("filter")).toBe(FILTER);
  const authorizations = received!.rawHeaders.filter(([name]) => name.toLowerCase() === "authorization");
  expect(authorizations).toEqual([["authorization", `Bearer ${KEYS.editor}`]]);
  expect(received!.headers.host).toBe(new URL(UPSTREAM_URL).host);

  // The legacy API lives under /api1 on its own base.
  await resetRecords();
  const legacy = await editor.proxy("GET", "contacts?size=2&from=10", { headers: { "x-console-upstream": "legacy" } });
  expect(legacy.status).toBe(200);
  expect((await upstream.requests()).map((r) => r.url)).toEqual(["/api1/contacts?size=2&from=10"]);

  // Each method, with its body byte for byte.
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    await resetRecords();
    const body = method === "DELETE" ? undefined : JSON.stringify({ display_name: "Zoë & Co", method });
    const sent = await editor.proxy(method, "echo/example/v1/contacts/42?notify=false", { body, headers: { "content-type": "application/json; charset=utf-8" } });
    expect(sent.status).toBe(200);
    const [got] = await upstream.requests();
    expect(got).toMatchObject({ method, url: "/echo/example/v1/contacts/42?notify=false", body: body ?? "" });
    if (body) expect(got!.headers["content-type"]).toBe("application/json; charset=utf-8");
  }
});

/** A query's meaning: every key with its values in order (what any server decodes it to). */
function decodedQuery(query: string): [string, string[]][] {
  const params = new URLSearchParams(query);
  return [...new Set(params.keys())].sort().map((key) => [key, params.getAll(key)]);
}

test("the query reaches JobNimbus with exactly the same parameters and values", async () => {
  // Next 16 re-serialises a dynamic route's query before the handler sees it (%20 may become +,
  // repeated keys are grouped), so the promise is on what the query means, not on its bytes.
  // docs/security.md records this.
  const editor = await signedIn("editor");
  const raw = [
    `filter=${encodeURIComponent(FILTER)}`,
    "q=Open%20Lead",
    "tag=a&size=10&tag=b",
    "size=25&from=50",
    "q=O%27Brien%20%26%20Sons&note=caf%C3%A9%2B%2F%3F",
  ];
  for (const query of raw) {
    await resetRecords();
    expect((await editor.proxy("GET", `echo/contacts?${query}`)).status).toBe(200);
    const received = (await upstream.requests()).map((r) => r.query);
    expect(received).toHaveLength(1);
    expect(decodedQuery(received[0]!)).toEqual(decodedQuery(query));
  }
});

test("client Authorization, Cookie, Host, X-Forwarded-*, Connection-listed and X-Console-* headers are not forwarded; Accept and Content-Type are", async () => {
  const editor = await signedIn("editor");
  await resetRecords();
  const reply = await editor.proxy("POST", "echo/example/v1/contacts", {
    body: '{"display_name":"Headers"}',
    headers: {
      host: "jobnimbus.evil.example",
      authorization: "Bearer client-supplied-credential",
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=203.0.113.9;host=evil.example",
      connection: "keep-alive, X-Hop-Secret, Accept-Language",
      "x-hop-secret": "hop-by-hop",
      "accept-language": "de-DE",
      "keep-alive": "timeout=5",
      te: "trailers",
      upgrade: "websocket",
      "proxy-authorization": "Basic cHJveHk6cHJveHk=",
      "x-console-upstream": "platform",
      "x-console-debug": "1",
      "x-console-key-id": "",
      "x-real-ip": "203.0.113.9",
      "x-csrf": "1",
      origin: `http://${API_HOST}`,
      referer: `http://${API_HOST}/`,
      "user-agent": "Mozilla/5.0 (client)",
      accept: "application/json, text/plain;q=0.5",
      "content-type": "application/json",
      "if-none-match": '"abc"',
    },
  });
  expect(reply.status, reply.text).toBe(200);

  const [received] = await upstream.requests();
  const names = received!.rawHeaders.map(([name]) => name.toLowerCase());
  expect(received!.headers.authorization).toBe(`Bearer ${KEYS.editor}`);
  expect(names.filter((name) => name === "authorization")).toHaveLength(1);
  expect(received!.headers.host).toBe(new URL(UPSTREAM_URL).host);
  for (const dropped of [
    "cookie",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-proto",
    "x-forwarded-port",
    "forwarded",
    "x-hop-secret",
    "accept-language", // listed in Connection, so hop-by-hop for this request
    "keep-alive",
    "te",
    "upgrade",
    "proxy-authorization",
    "x-console-upstream",
    "x-console-debug",
    "x-console-key-id",
    "x-real-ip",
    "x-csrf",
    "origin",
    "referer",
  ]) {
    expect(names, `${dropped} must not be forwarded`).not.toContain(dropped);
  }
  expect(received!.headers["user-agent"]).not.toContain("client");
  expect(received!.headers.accept).toBe("application/json, text/plain;q=0.5");
  expect(received!.headers["content-type"]).toBe("application/json");
  expect(received!.headers["if-none-match"]).toBe('"abc"');
  expect(received!.body).toBe('{"display_name":"Headers"}');
  // Nothing the client sent as a credential shows up anywhere in what JobNimbus got.
  expect(JSON.stringify(received)).not.toContain("client-supplied-credential");
  expect(JSON.stringify(received)).not.toContain("session-token");
});

test("JobNimbus's Set-Cookie and Server are dropped, Cache-Control: no-store is set, Content-Type, Retry-After and X-RateLimit-* pass", async () => {
  const editor = await signedIn("editor");

  const cookie = await editor.proxy("GET", "set-cookie");
  expect(cookie.status).toBe(200);
  expect(cookie.setCookies, "no Set-Cookie from JobNimbus reaches the browser").toEqual([]);
  expect(cookie.rawHead.toLowerCase()).not.toContain("upstream=1");
  expect(cookie.headers.server ?? "").not.toContain("test-upstream");
  expect(cookie.headers["x-powered-by"]).toBeUndefined();
  expect(cookie.headers["cache-control"]).toBe("no-store");
  expect(cookie.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(cookie.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const limited = await editor.proxy("GET", "rate-limit");
  expect(limited.status).toBe(429);
  expect(limited.headers["content-type"]).toBe("application/problem+json");
  expect(limited.headers["retry-after"]).toBe("7");
  expect(limited.headers["x-ratelimit-remaining"]).toBe("0");
  expect(limited.headers["x-ratelimit-limit"]).toBe("50");
  expect(limited.headers["cache-control"]).toBe("no-store");
  // JobNimbus's own problem arrives untouched, told apart from the console's by its type.
  expect(json(limited)).toMatchObject({ type: "https://api.jobnimbus.com/problems/rate-limited", status: 429 });

  for (const status of [401, 403, 422]) {
    const problem = await editor.proxy("GET", `problem/${status}`);
    expect(problem.status).toBe(status);
    expect(problem.headers["content-type"]).toBe("application/problem+json");
    expect(json<{ type: string }>(problem).type).toBe(`https://api.jobnimbus.com/problems/${status}`);
  }
});

test("response bodies are streamed through, also above Vercel's 4.5 MB buffered limit", async () => {
  const editor = await signedIn("editor");
  const reply = await editor.proxy("GET", "big?mb=6");
  expect(reply.status).toBe(200);
  expect(reply.headers["content-type"]).toBe("application/octet-stream");
  expect(Buffer.byteLength(reply.text)).toBe(6 * 1024 * 1024);
});

test("each proxied call writes one JSON audit line with time, user, method, path, upstream, status, durationMs and requestId", async () => {
  const editor = await signedIn("editor");
  const calls = [
    await editor.proxy("GET", "echo/audit/one?secret-query=customer-data"),
    await editor.proxy("POST", "echo/audit/two", { body: '{"note":"body-must-not-be-logged"}', headers: { "content-type": "application/json" } }),
    await editor.proxy("GET", "audit-legacy", { headers: { "x-console-upstream": "legacy" } }),
    await editor.proxy("GET", "problem/403"),
  ];
  const expected = [
    { method: "GET", path: "/echo/audit/one", upstream: "platform", status: 200, outcome: "response" },
    { method: "POST", path: "/echo/audit/two", upstream: "platform", status: 200, outcome: "response" },
    { method: "GET", path: "/api1/audit-legacy", upstream: "legacy", status: 200, outcome: "response" },
    { method: "GET", path: "/problem/403", upstream: "platform", status: 403, outcome: "response" },
  ];

  let lines: Record<string, unknown>[] = [];
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const ids = new Set(calls.map((c) => c.headers["x-request-id"]));
    lines = consoleLogEntries().filter((entry) => entry.event === "proxy" && ids.has(entry.requestId as string));
    if (lines.length >= calls.length) break;
    await sleep(100);
  }
  calls.forEach((call, i) => {
    const mine = lines.filter((entry) => entry.requestId === call.headers["x-request-id"]);
    expect(mine, `one audit line for call ${i}`).toHaveLength(1);
    const line = mine[0]!;
    expect(line).toMatchObject({ event: "proxy", user: "editor@test.local", ...expected[i] });
    expect(Number.isNaN(Date.parse(line.time as string))).toBe(false);
    expect(typeof line.durationMs).toBe("number");
    expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(line);
    expect(text).not.toContain(KEYS.editor);
    expect(text).not.toContain("customer-data");
    expect(text).not.toContain("body-must-not-be-logged");
  });

  // A call refused before JobNimbus (here: CSRF) is not a proxied call and writes no proxy line.
  const before = consoleLogEntries().filter((entry) => entry.event === "proxy").length;
  expectProblem(await editor.proxy("GET", "echo/audit/refused", { csrf: false }), "csrf-rejected", 403);
  await sleep(300);
  expect(consoleLogEntries().filter((entry) => entry.event === "proxy")).toHaveLength(before);
});
