// The proxy's limits: redirects are not followed, big bodies are refused before JobNimbus,
// a slow or broken JobNimbus becomes a problem document, and the console keeps serving.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { API_URL } from "../support/users.mjs";
import {
  canary,
  CANARY_URL,
  ConsoleClient,
  expectNoKeyIn,
  expectProblem,
  json,
  resetRecords,
  signedIn,
  sleep,
  upstream,
  type Reply,
} from "../support/api-client";

const SIX_MB = 6 * 1024 * 1024;

const LIMIT = 5 * 1024 * 1024;

/**
 * Streams `total` bytes as the request body; resolves with the answer even if the server stops reading early.
 * `waitBeforeBody` sends only the headers until the server answers (a console that refuses on
 * Content-Length alone answers before any body byte), and `open` leaves the body unfinished until the
 * answer: either way the server is never left with unread bytes when it closes, so the kernel has no
 * reason to reset the connection and lose the answer (EPIPE/ECONNRESET before it is read).
 */
function sendLargeBody(
  client: ConsoleClient,
  total: number,
  mode: "content-length" | "chunked",
  { waitBeforeBody = false, open = false }: { waitBeforeBody?: boolean; open?: boolean } = {},
): Promise<Reply> {
  const url = new URL(API_URL);
  const headers: Record<string, string> = { "x-csrf": "1", cookie: client.cookieHeader(), "content-type": "application/json" };
  if (mode === "content-length") headers["content-length"] = String(total);
  else headers["transfer-encoding"] = "chunked";
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ host: url.hostname, port: url.port, method: "POST", path: "/api/proxy/echo/upload", headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const head: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") head[name] = value;
        const reply: Reply = { status: res.statusCode ?? 0, headers: head, setCookies: [], text: Buffer.concat(chunks).toString("utf8"), rawHead: res.rawHeaders.join("\n") };
        expectNoKeyIn(reply);
        resolve(reply);
        req.destroy();
      });
    });
    // Once the server has answered (and may have stopped reading), write errors are expected.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < total && !req.destroyed && !answered) {
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        if (!req.write(chunk.subarray(0, size))) return void req.once("drain", pump);
      }
      if (!req.destroyed && !open) req.end();
    };
    if (!waitBeforeBody) return pump();
    req.flushHeaders();
    // Only a console that waits for the body gets it, after a pause long enough to show it did not answer.
    setTimeout(() => answered || pump(), 3_000);
  });
}

/**
 * sendLargeBody, again when the answer was lost anyway: a last resort for a reset that still reaches
 * the client before the answer is read. That is the transport, not the console; every answer that
 * arrives is checked.
 */
async function sendLargeBodyAnswered(client: ConsoleClient, total: number, mode: "content-length" | "chunked", options: { waitBeforeBody?: boolean; open?: boolean }): Promise<Reply> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendLargeBody(client, total, mode, options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== "EPIPE" && code !== "ECONNRESET")) throw error;
    }
  }
}

test("an upstream redirect is not followed: 502 upstream-redirect naming the Location, and the canary is never hit", async () => {
  const editor = await signedIn("editor");
  await resetRecords();
  const reply = await editor.proxy("GET", "redirect");
  const problem = expectProblem(reply, "upstream-redirect", 502);
  expect(problem.detail).toContain(`${CANARY_URL}/stolen`);
  expect(problem.location).toBe(`${CANARY_URL}/stolen`);
  expect(reply.headers.location, "the redirect is not passed on either").toBeUndefined();
  expect((await upstream.requests()).map((r) => r.path)).toEqual(["/redirect"]);
  await sleep(200);
  expect(await canary.hits()).toEqual([]);
});

test("a request body over 5 MB gets 413, with Content-Length and chunked alike, and JobNimbus is not called", async () => {
  const editor = await signedIn("editor");
  await resetRecords();
  // Declared too big: refused on the header alone. Chunked: refused on the byte past the limit.
  const declared = await sendLargeBodyAnswered(editor, SIX_MB, "content-length", { waitBeforeBody: true });
  await test.step("content-length", () => {
    expectProblem(declared, "payload-too-large", 413);
  });
  const chunked = await sendLargeBodyAnswered(editor, LIMIT + 1, "chunked", { open: true });
  await test.step("chunked", () => {
    expectProblem(chunked, "payload-too-large", 413);
  });
  expect(await upstream.requests()).toEqual([]);

  // Just under the limit is sent, whole.
  const fits = await sendLargeBody(editor, LIMIT - 1024, "chunked");
  expect(fits.status, fits.text.slice(0, 300)).toBe(200);
  const [received] = await upstream.requests();
  expect(received!.body.length).toBe(LIMIT - 1024);
});

test("a slow JobNimbus gets 504 upstream-timeout, a reset connection 502 upstream-unreachable, and the console keeps serving", async () => {
  const editor = await signedIn("editor");
  await resetRecords();

  const started = Date.now();
  const slow = await editor.proxy("GET", "slow?ms=4000");
  const waited = Date.now() - started;
  const timeout = expectProblem(slow, "upstream-timeout", 504);
  expect(timeout.detail).toContain("127.0.0.1");
  expect(waited, "answered at the console's 1.5 s limit, not JobNimbus's pace").toBeGreaterThanOrEqual(1400);
  expect(waited).toBeLessThan(3500);
  expect((await editor.proxy("GET", "echo/after-timeout")).status).toBe(200);

  const reset = await editor.proxy("GET", "reset");
  const unreachable = expectProblem(reset, "upstream-unreachable", 502);
  expect(unreachable.detail).toMatch(/ECONNRESET|socket hang up/i);
  const after = await editor.proxy("GET", "echo/after-reset");
  expect(after.status).toBe(200);
  expect(json(after)).toMatchObject({ path: "/echo/after-reset" });

  // Several at once: one hanging call does not hold up the others.
  const [hung, ...quick] = await Promise.all([
    editor.proxy("GET", "slow?ms=3000"),
    ...Array.from({ length: 5 }, (_, i) => editor.proxy("GET", `echo/parallel/${i}`)),
  ]);
  expect(hung!.status).toBe(504);
  expect(quick.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
});

test("a refused connection (JobNimbus not listening) gets 502 upstream-unreachable, and calls work again once it is back", async () => {
  const editor = await signedIn("editor");
  expect((await editor.proxy("GET", "echo/before")).status).toBe(200);

  await upstream.refuse(1500);
  await sleep(150);
  const refused = await editor.proxy("GET", "echo/while-down");
  const problem = expectProblem(refused, "upstream-unreachable", 502);
  expect(problem.detail).toContain("ECONNREFUSED");

  // The test upstream listens again after 1.5 s.
  let back = false;
  for (let i = 0; i < 50 && !back; i += 1) {
    await sleep(100);
    back = await upstream.requests().then(() => true, () => false);
  }
  expect(back).toBe(true);
  expect((await editor.proxy("GET", "echo/after")).status).toBe(200);
});

test("a body that stalls after the headers is cut off at the limit, and the console keeps serving", async () => {
  const editor = await signedIn("editor");
  const started = Date.now();
  const outcome = await editor.proxy("GET", "hang-body").then(
    (reply) => ({ status: reply.status, text: reply.text }),
    (error: Error) => ({ status: 0, text: error.message }),
  );
  expect(Date.now() - started).toBeLessThan(10_000);
  // Headers were already sent, so the status is JobNimbus's; the body ends incomplete.
  if (outcome.status !== 0) {
    expect(outcome.status).toBe(200);
    expect(() => JSON.parse(outcome.text)).toThrow();
  }
  expect((await editor.proxy("GET", "echo/after-stall")).status).toBe(200);
});
