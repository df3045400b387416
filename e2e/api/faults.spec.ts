// A broken JobNimbus, one fault at a time and then a thousand at once: every fault gets a clear
// answer (a problem document, JobNimbus's own answer relayed, or a visibly cut-off stream), the key
// never shows, the console keeps serving, and its memory stays flat.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { consoleEnv } from "../../scripts/console-env.mjs";
import {
  API_LOG,
  ConsoleClient,
  expectNoKeyIn,
  expectProblem,
  freePort,
  INTERNALS,
  json,
  keyLeaks,
  mapLimit,
  must,
  rssKb,
  signedIn,
  sleep,
  startOwnConsole,
  tolerantRequest,
  upstream,
  UPSTREAM_URL,
  type OwnConsole,
  type PartialReply,
} from "../support/api-client";
import { API_URL, KEYS, USERS } from "../support/users.mjs";

/** The api console and the one this spec starts both give up on JobNimbus after 1.5 s. */
const TIMEOUT_MS = 1500;

/** Nothing about the key in an answer: not the key, not a tell-tale part of it, not the header that carries it. */
function expectNothingAboutTheKey(reply: Pick<PartialReply, "text" | "rawHead">, where: string) {
  expectNoKeyIn(reply, where);
  for (const key of Object.values(KEYS)) {
    expect(reply.text, `${where}: the key's tail`).not.toContain(key.slice(-10));
    expect(reply.rawHead, `${where}: the key's tail`).not.toContain(key.slice(-10));
  }
  expect(reply.text, `${where}: an Authorization header`).not.toMatch(/bearer|authorization/i);
  expect(reply.rawHead.toLowerCase(), `${where}: an Authorization header`).not.toContain("authorization");
}

function proxyCall(client: ConsoleClient, path: string, headers: Record<string, string> = {}, base = API_URL): Promise<PartialReply> {
  return tolerantRequest(base, "GET", `/api/proxy/${path}`, { "x-csrf": "1", cookie: client.cookieHeader(), ...headers });
}

async function expectStillServing(client: ConsoleClient, base = API_URL) {
  const health = await tolerantRequest(base, "GET", "/api/health");
  expect(health.status).toBe(200);
  const next = await proxyCall(client, "echo/after-fault", {}, base);
  expect(next.status, next.text.slice(0, 300)).toBe(200);
  expect(json(next)).toMatchObject({ path: "/echo/after-fault" });
}

/** An answer that broke off after its headers: JobNimbus's status, then a body the client can tell is incomplete. */
function expectCutOff(reply: PartialReply, where: string) {
  expect(reply.status, `${where}: headers arrived`).toBe(200);
  expect(reply.complete, `${where}: the body must not look complete`).toBe(false);
  expect(reply.error, `${where}: the client sees the break`).toBeTruthy();
  expect(() => JSON.parse(reply.text), `${where}: what arrived is a fragment`).toThrow();
}

test("each fault of JobNimbus gets a clear answer without anything about the key, and the next call works", async () => {
  const editor = await signedIn("editor");
  const outcomes: string[] = [];
  const note = (name: string, reply: PartialReply) =>
    outcomes.push(`${name}: ${reply.status} ${reply.headers["content-type"] ?? ""} ${reply.error ? `(cut off: ${reply.error})` : ""}`);

  await test.step("refused connection: 502 upstream-unreachable", async () => {
    await upstream.refuse(1200);
    await sleep(150);
    const reply = await proxyCall(editor, "echo/while-down");
    note("refused", reply);
    expectNothingAboutTheKey(reply, "refused");
    expect(expectProblem(reply, "upstream-unreachable", 502).detail).toContain("ECONNREFUSED");
    for (let i = 0; i < 50; i += 1) {
      if (await upstream.requests().then(() => true, () => false)) break;
      await sleep(100);
    }
    await expectStillServing(editor);
  });

  await test.step("no headers ever: 504 upstream-timeout at the console's limit", async () => {
    const started = Date.now();
    const reply = await proxyCall(editor, "fault/hang-head");
    const waited = Date.now() - started;
    note("hang before headers", reply);
    expectNothingAboutTheKey(reply, "hang-head");
    const problem = expectProblem(reply, "upstream-timeout", 504);
    expect(problem.detail).toContain("1.5 seconds");
    expect(problem.requestId).toBe(reply.headers["x-request-id"]);
    expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(waited).toBeLessThan(TIMEOUT_MS + 2000);
    await expectStillServing(editor);
  });

  await test.step("headers, then the body stalls: cut off once idle for the limit", async () => {
    const started = Date.now();
    const reply = await proxyCall(editor, "fault/hang-body");
    note("hang after headers", reply);
    expectNothingAboutTheKey(reply, "hang-body");
    expectCutOff(reply, "hang-body");
    expect(reply.text.startsWith('{"records":[')).toBe(true);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 3000);
    await expectStillServing(editor);
  });

  for (const [name, path] of [
    ["reset mid-body (chunked)", "fault/reset-body"],
    ["reset mid-body (Content-Length)", "fault/reset-body?cl=1"],
    ["closed early (Content-Length larger than the body)", "fault/close-early"],
  ] as const) {
    await test.step(`${name}: the stream visibly breaks off`, async () => {
      const reply = await proxyCall(editor, path);
      note(name, reply);
      expectNothingAboutTheKey(reply, name);
      expectCutOff(reply, name);
      expect(reply.text.length).toBeGreaterThan(0);
      await expectStillServing(editor);
    });
  }

  await test.step("500 with an HTML page: relayed as JobNimbus's answer, marked no-store, nothing of the key", async () => {
    const reply = await proxyCall(editor, "fault/html-500");
    note("500 HTML", reply);
    expectNothingAboutTheKey(reply, "html-500");
    expect(reply.status).toBe(500);
    expect(reply.complete).toBe(true);
    expect(reply.headers["content-type"]).toMatch(/^text\/html/);
    expect(reply.headers["cache-control"]).toBe("no-store");
    // API answers can never run as a page on the console's origin.
    expect(reply.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.text).toContain("Internal Server Error");
    await expectStillServing(editor);
  });

  await test.step("invalid JSON with a JSON content type: relayed byte for byte (the viewer says it is not JSON)", async () => {
    const reply = await proxyCall(editor, "fault/bad-json");
    note("invalid JSON", reply);
    expectNothingAboutTheKey(reply, "bad-json");
    expect(reply.status).toBe(200);
    expect(reply.complete).toBe(true);
    expect(reply.headers["content-type"]).toMatch(/^application\/json/);
    expect(reply.text).toBe('{"records": [{"jnid": "1", "display_name": "Half\n');
    await expectStillServing(editor);
  });

  await test.step("429 with Retry-After: JobNimbus's problem and Retry-After reach the person", async () => {
    const reply = await proxyCall(editor, "fault/rate-limit");
    note("429", reply);
    expectNothingAboutTheKey(reply, "rate-limit");
    expect(reply.status).toBe(429);
    expect(reply.headers["retry-after"]).toBe("3");
    expect(reply.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(json(reply)).toMatchObject({ type: "https://api.jobnimbus.com/problems/rate-limited", status: 429 });
    await expectStillServing(editor);
  });

  await test.step("64 KB of response headers: a clear 502 problem, not a crash; 8 KB still passes", async () => {
    const reply = await proxyCall(editor, "fault/huge-headers?kb=64");
    note("64 KB of headers", reply);
    expectNothingAboutTheKey(reply, "huge-headers");
    const problem = expectProblem(reply, "upstream-unreachable", 502);
    expect(problem.detail).toMatch(/headers larger than/);
    expect(problem.detail).not.toMatch(INTERNALS);
    const fits = await proxyCall(editor, "fault/huge-headers?kb=8");
    expect(fits.status).toBe(200);
    expect(Object.keys(fits.headers).filter((name) => name.startsWith("x-filler")), "unlisted headers are dropped").toEqual([]);
    await expectStillServing(editor);
  });

  await test.info().attach("fault outcomes", { body: outcomes.join("\n"), contentType: "text/plain" });
  // The console's own log of all this holds no key either (the leak scan repeats this for every log).
  const log = readFileSync(API_LOG, "utf8");
  for (const key of Object.values(KEYS)) expect(log.includes(key), "a key in console-api.log").toBe(false);
});

// ---- a thousand at once ----

/** A kind of fault and its check, a plain one (see `must`): it returns, or throws saying what was wrong. */
type Kind = { name: string; weight: number; path: string; headers?: Record<string, string>; check: (reply: PartialReply) => void };

function aboutTheKey(reply: PartialReply): string[] {
  const found = keyLeaks(reply);
  for (const key of Object.values(KEYS)) if (reply.text.includes(key.slice(-10)) || reply.rawHead.includes(key.slice(-10))) found.push("the key's tail");
  if (/bearer|authorization/i.test(reply.text) || /authorization/i.test(reply.rawHead)) found.push("an Authorization header");
  return found;
}

const problem = (slug: string, status: number) => (reply: PartialReply) => {
  must(reply.status === status, `status ${reply.status}, expected ${status}`);
  must(/^application\/problem\+json/.test(reply.headers["content-type"] ?? ""), `content-type ${reply.headers["content-type"]}`);
  const body = JSON.parse(reply.text) as { type?: string; status?: number; detail?: string };
  must(body.type?.endsWith(`/problems/${slug}`), `type ${body.type}`);
  must(body.status === status && typeof body.detail === "string", "status and detail in the problem");
  must(!INTERNALS.test(reply.text), "internals in the problem");
};
const cutOff = (reply: PartialReply) => {
  must(reply.status === 200, `status ${reply.status}`);
  must(!reply.complete && reply.error, "the body must visibly break off");
};
const relayed = (status: number) => (reply: PartialReply) => {
  must(reply.status === status && reply.complete, `status ${reply.status}, complete ${reply.complete}`);
  must(reply.headers["cache-control"] === "no-store", "no-store");
};

/** The mix: every fault, hangs rarer because each costs the full 1.5 s. Legacy calls go to a port nobody listens on. */
const KINDS: Kind[] = [
  { name: "refused", weight: 3, path: "contacts", headers: { "x-console-upstream": "legacy" }, check: problem("upstream-unreachable", 502) },
  { name: "reset", weight: 2, path: "reset", check: problem("upstream-unreachable", 502) },
  { name: "hang-head", weight: 1, path: "fault/hang-head", check: problem("upstream-timeout", 504) },
  { name: "hang-body", weight: 1, path: "fault/hang-body", check: cutOff },
  { name: "reset-body", weight: 3, path: "fault/reset-body", check: cutOff },
  { name: "reset-body-cl", weight: 2, path: "fault/reset-body?cl=1", check: cutOff },
  { name: "close-early", weight: 3, path: "fault/close-early", check: cutOff },
  { name: "html-500", weight: 3, path: "fault/html-500", check: relayed(500) },
  { name: "bad-json", weight: 3, path: "fault/bad-json", check: relayed(200) },
  { name: "rate-limit", weight: 3, path: "fault/rate-limit", check: relayed(429) },
  { name: "huge-headers", weight: 3, path: "fault/huge-headers?kb=64", check: problem("upstream-unreachable", 502) },
  { name: "redirect", weight: 2, path: "redirect", check: problem("upstream-redirect", 502) },
];

/** A fixed, seeded sequence of kinds (mulberry32), so every run sends the same mix. */
function mix(count: number, seed: number): Kind[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const total = KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  return Array.from({ length: count }, () => {
    let pick = random() * total;
    for (const kind of KINDS) {
      pick -= kind.weight;
      if (pick < 0) return kind;
    }
    return KINDS[0]!;
  });
}

test.describe("a thousand mixed faulty calls", () => {
  let own: OwnConsole | undefined;

  test.afterAll(async () => {
    await own?.stop();
  });

  test("leave the console healthy, serving and with flat memory", async () => {
    test.setTimeout(120_000);
    const port = await freePort(5200, 5249);
    const deadPort = await freePort(port + 1, 5249);
    const env = await consoleEnv({
      port,
      host: "127.0.0.1",
      upstream: UPSTREAM_URL,
      users: [USERS.editor],
      extra: { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), JOBNIMBUS_LEGACY_BASE_URL: `http://127.0.0.1:${deadPort}/api1` },
    });
    own = await startOwnConsole({ name: "console-faults", port, env });
    const editor = new ConsoleClient(own.url);
    await editor.signIn("editor");
    await editor.saveKey(KEYS.editor);

    const tally = new Map<string, number>();
    const run = async (calls: Kind[]) =>
      mapLimit(calls, 10, async (kind, i) => {
        const reply = await proxyCall(editor, kind.path, kind.headers, own!.url);
        tally.set(kind.name, (tally.get(kind.name) ?? 0) + 1);
        try {
          const leaks = aboutTheKey(reply);
          must(leaks.length === 0, `something about the key in the answer: ${leaks.join(", ")}`);
          kind.check(reply);
        } catch (error) {
          throw new Error(`${kind.name} #${i}: ${reply.status} ${reply.error ?? ""} ${reply.text.slice(0, 300)}\n${String(error)}`);
        }
      });

    // Warm-up: code paths compiled, pools and caches filled, before the baseline is read.
    await run(mix(300, 7));
    await sleep(500);
    const before = rssKb(own.pid);

    const started = Date.now();
    await run(mix(1000, 20251127));
    const seconds = (Date.now() - started) / 1000;
    await sleep(1000);
    const after = rssKb(own.pid);

    // Still healthy and serving normal calls, from the same process.
    await expectStillServing(editor, own.url);
    expect(rssKb(own.pid)).toBeGreaterThan(0);
    const growthMb = (after - before) / 1024;
    const summary = [
      `1000 calls in ${seconds.toFixed(1)} s, 10 in flight`,
      `RSS before ${(before / 1024).toFixed(1)} MB, after ${(after / 1024).toFixed(1)} MB, growth ${growthMb.toFixed(1)} MB (bound 64 MB)`,
      ...[...tally].map(([name, count]) => `${name}: ${count}`),
    ].join("\n");
    console.log(summary);
    await test.info().attach("mixed faults", { body: summary, contentType: "text/plain" });
    expect(growthMb, summary).toBeLessThanOrEqual(64);

    const output = own.output();
    for (const key of Object.values(KEYS)) expect(output.includes(key), "a key in the console's output").toBe(false);
    expect(output).not.toMatch(/uncaught|unhandled rejection|FATAL|out of memory/i);
  });
});
