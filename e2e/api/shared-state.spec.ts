// Two production consoles sharing one Redis (Debian's redis-server on loopback, started here): a
// sign-in count and a sign-out made on one are seen by the other; with Redis stopped, sign-in is
// refused with a clear message while people already signed in keep working, and /api/health says so.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { consoleEnv } from "../../scripts/console-env.mjs";
import { ConsoleClient, expectProblem, freePort, json, resetRecords, sleep, startOwnConsole, upstream, UPSTREAM_URL, type OwnConsole } from "../support/api-client";
import { NO_REDIS, REDIS_SERVER, startRedis } from "../support/redis.mjs";
import { attemptSignIn, retryAtOf } from "../support/sign-in-attempt";
import { KEYS, LOG_DIR, USERS } from "../support/users.mjs";

test.describe.configure({ mode: "serial" });
test.skip(!REDIS_SERVER, NO_REDIS);

/** lib/store/redis-store.ts's NOT_REVOKED_CACHE_MS, and a little more. */
const CACHE_WINDOW_MS = 1000 + 300;
const MAX_FAILURES = 3;
const NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
const VAULT_SECRET = randomBytes(32).toString("base64url");

let redis: Awaited<ReturnType<typeof startRedis>>;
let a: OwnConsole;
let b: OwnConsole;

async function startConsole(name: string): Promise<OwnConsole> {
  const port = await freePort(5200, 5299);
  const env = await consoleEnv({
    port,
    host: "127.0.0.1",
    upstream: UPSTREAM_URL,
    users: [USERS.editor, USERS.viewer, USERS.other],
    extra: { NEXTAUTH_SECRET, VAULT_SECRET, REDIS_URL: redis.url, LOGIN_MAX_FAILURES: String(MAX_FAILURES) },
  });
  return startOwnConsole({ name, port, env });
}

test.beforeAll(async () => {
  redis = await startRedis({ dir: `${LOG_DIR}redis-shared-state` });
  a = await startConsole("console-shared-a");
  b = await startConsole("console-shared-b");
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

type Health = { ok: boolean; store: { kind: string; answers: boolean } };
const health = async (server: OwnConsole) => json<Health>(await new ConsoleClient(server.url).get("/api/health", { csrf: false }));

/** The console's audit lines of refusals since `mark`. */
function refusals(server: OwnConsole, mark = 0): Record<string, unknown>[] {
  return server
    .output()
    .slice(mark)
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes('"event":"refused"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("/api/health on each instance says the Redis store is in use and answers", async () => {
  expect(await health(a)).toEqual({ ok: true, store: { kind: "redis", answers: true } });
  expect(await health(b)).toEqual({ ok: true, store: { kind: "redis", answers: true } });
});

test("a sign-in count made on one instance is seen by the other: after LOGIN_MAX_FAILURES wrong passwords there, the right one is refused here too, saying when to try again", async () => {
  const { email, password } = USERS.viewer;
  for (let i = 0; i < MAX_FAILURES; i += 1) {
    const wrong = await attemptSignIn(new ConsoleClient(a.url), email, `not-${password}`);
    expect(wrong.error).toBe("CredentialsSignin");
  }
  const mark = b.output().length;
  const right = await attemptSignIn(new ConsoleClient(b.url), email, password);
  expect(right.ok).toBe(false);
  const retryAt = retryAtOf(right.error);
  expect(retryAt).toBeGreaterThan(Date.now());
  expect(retryAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  await expect.poll(() => refusals(b, mark).map((line) => [line.user, line.reason])).toEqual([[email, "too-many-attempts"]]);
  // Counted per email: another person signs in on either instance as usual.
  expect((await attemptSignIn(new ConsoleClient(b.url), USERS.other.email, USERS.other.password)).ok).toBe(true);
});

test("signing out on one instance ends that sign-in on every instance: copies of its session and vault cookies are refused", async () => {
  const editor = new ConsoleClient(a.url);
  await editor.signIn("editor");
  await editor.saveKey(KEYS.editor);
  const copies = `jnc.session-token=${editor.sessionCookie()}; jnc-vault=${editor.vaultCookie()}`;
  const onB = new ConsoleClient(b.url);
  await resetRecords();
  const before = await onB.proxy("GET", "echo/shared-before", { cookie: copies });
  expect(before.status, "the same cookies work on the other instance").toBe(200);

  await editor.signOut();
  await sleep(CACHE_WINDOW_MS);
  const mark = b.output().length;
  for (const server of [a, b]) {
    const replay = await new ConsoleClient(server.url).proxy("GET", "echo/shared-after", { cookie: copies });
    expectProblem(replay, "unauthenticated", 401);
    const keys = await new ConsoleClient(server.url).get("/api/keys", { cookie: copies });
    expectProblem(keys, "unauthenticated", 401);
    const session = await new ConsoleClient(server.url).get("/api/auth/session", { csrf: false, cookie: copies });
    expect(json<{ user?: unknown }>(session).user, "next-auth's own session ends too").toBeUndefined();
  }
  expect((await upstream.requests()).map((r) => r.path)).toEqual(["/echo/shared-before"]);
  await expect.poll(() => refusals(b, mark).some((line) => line.reason === "signed-out" && line.user === USERS.editor.email)).toBe(true);
});

test("Redis stopped: sign-in is refused with a clear message, people already signed in keep working, /api/health says Redis does not answer", async () => {
  const editor = new ConsoleClient(a.url);
  await editor.signIn("editor");
  await editor.saveKey(KEYS.editor);
  const cookies = editor.cookieHeader();

  await redis.stop();
  try {
    await expect.poll(async () => (await health(a)).store, { timeout: 10_000 }).toEqual({ kind: "redis", answers: false });
    expect((await health(b)).ok, "the console itself still serves").toBe(true);

    const refused = await attemptSignIn(new ConsoleClient(b.url), USERS.other.email, USERS.other.password);
    expect(refused.error).toBe("SignInUnavailable");
    expect(refused.reply.status).toBe(401);

    await resetRecords();
    for (const server of [a, b]) {
      const call = await new ConsoleClient(server.url).proxy("GET", "echo/while-redis-is-down", { cookie: cookies });
      expect(call.status, call.text.slice(0, 300)).toBe(200);
    }
    expect(await upstream.requests()).toHaveLength(2);
  } finally {
    await redis.restart();
  }
  await expect.poll(async () => (await health(b)).store, { timeout: 15_000 }).toEqual({ kind: "redis", answers: true });
  await expect.poll(async () => (await attemptSignIn(new ConsoleClient(b.url), USERS.other.email, USERS.other.password)).ok, { timeout: 15_000 }).toBe(true);
});
