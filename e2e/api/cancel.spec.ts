// Cancel (or a closed tab) stops the upstream call too: when the browser hangs up, the console
// hangs up on JobNimbus, before the answer's headers and in the middle of its body. The audit
// line, written once the answer is over, says how each call ended.
// Its own console, with a two-minute upstream limit: nothing but the hang-up can end these calls
// while the test watches (the shared api console gives up on a silent upstream after 1.5 s).
import http from "node:http";
import { expect, test } from "@playwright/test";
import { consoleEnv } from "../../scripts/console-env.mjs";
import { KEYS, USERS } from "../support/users.mjs";
import { ConsoleClient, freePort, resetRecords, startOwnConsole, tolerantRequest, upstream, UPSTREAM_URL, type OwnConsole, type Recorded } from "../support/api-client";

let own: OwnConsole | undefined;

test.beforeAll(async () => {
  const port = await freePort();
  const env = await consoleEnv({ port, host: "127.0.0.1", upstream: UPSTREAM_URL, users: [USERS.editor], extra: { UPSTREAM_TIMEOUT_MS: "120000" } });
  own = await startOwnConsole({ name: "console-cancel", port, env });
});

test.afterAll(async () => {
  await own?.stop();
});

async function signedIn(): Promise<ConsoleClient> {
  const client = new ConsoleClient(own!.url);
  await client.signIn("editor");
  await client.saveKey(KEYS.editor);
  return client;
}

/** The console's audit lines for `path`. */
function auditOutcomes(path: string): unknown[] {
  return own!
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes('"event":"proxy"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.path === path)
    .map((line) => line.outcome);
}

/** Starts a proxied GET and hands back the request (to destroy) and a promise of the first body bytes. */
function startCall(client: ConsoleClient, path: string) {
  const url = new URL(client.base);
  let firstBytes: (bytes: number) => void = () => {};
  const gotBytes = new Promise<number>((resolve) => (firstBytes = resolve));
  const req = http.request({
    host: url.hostname,
    port: url.port,
    method: "GET",
    path: `/api/proxy/${path}`,
    headers: { cookie: client.cookieHeader(), "x-csrf": "1" },
    agent: false,
  });
  req.on("response", (res) => res.once("data", (chunk: Buffer) => firstBytes(chunk.length)));
  req.on("error", () => {}); // destroyed on purpose
  req.end();
  return { req, gotBytes };
}

async function upstreamEntry(path: string): Promise<Recorded | undefined> {
  return (await upstream.requests()).find((entry) => entry.path === path);
}

test("a caller hanging up before JobNimbus answers ends the upstream call, and the audit line says aborted", async () => {
  const editor = await signedIn();
  await resetRecords();
  const { req } = startCall(editor, "fault/hang-head");
  await expect.poll(async () => (await upstreamEntry("/fault/hang-head"))?.path, { timeout: 10_000 }).toBe("/fault/hang-head");
  expect((await upstreamEntry("/fault/hang-head"))?.ended).toBeUndefined();

  req.destroy();
  await expect.poll(async () => (await upstreamEntry("/fault/hang-head"))?.ended, { timeout: 10_000 }).toBe("cut");
  await expect.poll(() => auditOutcomes("/fault/hang-head"), { timeout: 10_000 }).toEqual(["aborted"]);
});

test("a caller hanging up in the middle of a 200 MB answer ends the upstream transfer", async () => {
  const editor = await signedIn();
  await resetRecords();
  const { req, gotBytes } = startCall(editor, "big?mb=200");
  expect(await gotBytes).toBeGreaterThan(0);
  expect((await upstreamEntry("/big"))?.ended).toBeUndefined();

  req.destroy();
  // Had the console kept reading, the upstream would send all 200 MB and record "finished";
  // had it stopped reading without hanging up, the exchange would stay open.
  await expect.poll(async () => (await upstreamEntry("/big"))?.ended, { timeout: 10_000 }).toBe("cut");
  await expect.poll(() => auditOutcomes("/big"), { timeout: 10_000 }).toEqual(["aborted"]);
});

test("an answer JobNimbus breaks off is logged as cut-off, one that arrives whole as response", async () => {
  const editor = await signedIn();
  const broken = await tolerantRequest(own!.url, "GET", "/api/proxy/fault/reset-body", { cookie: editor.cookieHeader(), "x-csrf": "1" });
  expect(broken.status).toBe(200);
  expect(broken.complete).toBe(false);
  await expect.poll(() => auditOutcomes("/fault/reset-body"), { timeout: 10_000 }).toEqual(["cut-off"]);
  expect((await editor.proxy("GET", "echo/whole")).status).toBe(200);
  await expect.poll(() => auditOutcomes("/echo/whole"), { timeout: 10_000 }).toEqual(["response"]);
});
