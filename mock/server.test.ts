// @vitest-environment node
// Tests for the bundled mock JobNimbus API's plumbing (mock/server.mjs): start-up, keys, simulations,
// the per-key rate limit and its lifecycle, over real HTTP on a loopback port. What JobNimbus
// documents is checked by mock/contract.test.ts.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_KEY, DEMO_READONLY_KEY, startMockUpstream } from "./server.mjs";

// Response bodies are checked field by field below, so a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
type Server = Awaited<ReturnType<typeof startMockUpstream>>;

let server: Server;
// A fresh test- key per test, so the real 50-per-second limit never trips an unrelated test.
let KEY = "test-user1-abcd";
let keyCounter = 0;
beforeEach(() => {
  keyCounter += 1;
  KEY = `test-user${keyCounter}-abcd`;
});

function call(path: string, init: RequestInit & { key?: string | null } = {}) {
  const { key = KEY, headers, ...rest } = init;
  const h = new Headers(headers);
  if (key !== null) h.set("Authorization", `Bearer ${key}`);
  return fetch(server.url + path, { ...rest, headers: h });
}

async function json(path: string, init: RequestInit & { key?: string | null } = {}) {
  const res = await call(path, init);
  return { res, body: (await res.json()) as Json };
}

/** The legacy API's error shape (jobnimbus-api.md §6). */
function expectLegacyError(res: Response, body: Json, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(body.status).toBe(status);
  expect(typeof body.body).toBe("string");
  expect(body.body.length).toBeGreaterThan(0);
}

beforeAll(async () => {
  server = await startMockUpstream({ port: 0 });
});

afterAll(async () => {
  await server?.close();
});

describe("start-up and plumbing", () => {
  it("listens on a loopback URL with the chosen port", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("answers /health without a key", async () => {
    const { res, body } = await json("/health", { key: null });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(body).toEqual({ ok: true });
  });

  it("sets X-Request-Id, never Set-Cookie, and no rate-limit headers (JobNimbus shows none)", async () => {
    const res = await call("/api1/contacts?size=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/\S{8,}/);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    await res.arrayBuffer();
  });
});

describe("keys", () => {
  it("401 for an unknown key and for a non-Bearer scheme, without echoing the key", async () => {
    const wrong = await call("/api1/jobs", { key: "nope-0123456789" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("nope-0123456789");
    const basic = await call("/api1/jobs", { key: null, headers: { Authorization: `Basic ${DEMO_KEY}` } });
    expect(basic.status).toBe(401);
    await basic.arrayBuffer();
  });

  it("accepts the demo keys and any test- key for reading", async () => {
    for (const key of [DEMO_KEY, DEMO_READONLY_KEY, "test-someone-else-9999"]) {
      const res = await call("/api1/jobs?size=1", { key });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });
});

describe("simulations and rate limits", () => {
  it("simulations come after authentication", async () => {
    const res = await call("/api1/contacts?simulate=rate-limit", { key: null });
    expect(res.status).toBe(401);
    await res.arrayBuffer();
  });

  it("simulate=server-error gives a 500 in the legacy API's shape", async () => {
    const { res, body } = await json("/api1/jobs?simulate=server-error");
    expectLegacyError(res, body, 500);
  });

  it("simulate=html-error gives a 502 HTML page", async () => {
    const res = await call("/api1/jobs?simulate=html-error");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("<html>");
  });

  it("simulate=slow waits, then answers normally", async () => {
    const started = Date.now();
    const { res, body } = await json("/api1/jobs?size=2&simulate=slow&ms=300");
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(body.results).toHaveLength(2);
  });

  it("unknown simulate values are a 400 naming the known ones", async () => {
    const { res, body } = await json("/api1/jobs?simulate=explode");
    expectLegacyError(res, body, 400);
    expect(body.body).toContain("rate-limit");
    expect(body.body).toContain("deprecated");
  });

  it("more than 50 requests a second for one key gives 429 with Retry-After 1; other keys are unaffected", async () => {
    const key = "test-burst-0000";
    const responses = await Promise.all(Array.from({ length: 120 }, () => call("/api1/nothing-here", { key })));
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("retry-after")).toBe("1");
    const body = (await limited[0]!.json()) as Json;
    expectLegacyError(limited[0]!, body, 429);
    await Promise.all(responses.map((r) => (r.bodyUsed ? null : r.arrayBuffer())));
    const other = await call("/api1/contacts?size=1");
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });
});

describe("lifecycle and determinism", () => {
  it("generates the same data on every start", async () => {
    const a = await startMockUpstream({ port: 0 });
    const b = await startMockUpstream({ port: 0 });
    try {
      for (const path of ["/api1/contacts?size=200&sort_field=jnid", "/api1/tasks?size=200&from=200", "/api1/activities?size=1000", "/api1/files?size=1000"]) {
        const [ra = "", rb = ""] = await Promise.all([a, b].map((s) => fetch(s.url + path, { headers: { Authorization: `Bearer ${KEY}` } }).then((r) => r.text())));
        expect(ra.length).toBeGreaterThan(1000);
        expect(ra).toBe(rb);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("close() ends promptly even with a slow request in flight", async () => {
    const s = await startMockUpstream({ port: 0 });
    const pending = fetch(`${s.url}/api1/jobs?simulate=slow&ms=60000`, { headers: { Authorization: `Bearer ${KEY}` } }).then(
      (r) => r.status,
      () => "closed",
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await pending).toBe("closed");
  });

  it("refuses a bad port", async () => {
    await expect(startMockUpstream({ port: 70000 })).rejects.toThrow(/port/);
  });
});
