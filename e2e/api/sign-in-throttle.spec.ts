// Password sign-in under attack, over HTTP against a production console of this spec's own:
// guesses sent at once are counted before any password is checked, a forwarded address is believed
// only behind a configured proxy, a success of one's own does not reset what guessing used up, and a
// flood of guesses at unknown emails does not hold up a real sign-in.
import { expect, test } from "@playwright/test";
import { consoleEnv } from "../../scripts/console-env.mjs";
import { ConsoleClient, freePort, httpRequest, json, startOwnConsole, UPSTREAM_URL, type OwnConsole } from "../support/api-client";
import { attemptSignIn, retryAtOf } from "../support/sign-in-attempt";
import { USERS } from "../support/users.mjs";

test.describe.configure({ mode: "serial" });

let own: OwnConsole | undefined;
let port = 0;

async function startWith(extra: Record<string, string>): Promise<OwnConsole> {
  await own?.stop();
  port ||= await freePort(5200, 5299);
  const env = await consoleEnv({ port, host: "127.0.0.1", upstream: UPSTREAM_URL, users: [USERS.editor, USERS.viewer, USERS.other], extra });
  own = await startOwnConsole({ name: "console-throttle", port, env });
  return own;
}

test.afterAll(async () => {
  await own?.stop();
});

/** A CSRF token and its cookie, then `count` sign-in posts sent at once; the `error` each answer names. */
async function signInsAtOnce(server: OwnConsole, forms: { email: string; password: string; address?: string }[]): Promise<(string | null)[]> {
  const client = new ConsoleClient(server.url);
  const { csrfToken } = json<{ csrfToken: string }>(await client.get("/api/auth/csrf", { csrf: false }));
  const cookie = client.cookieHeader();
  const replies = await Promise.all(
    forms.map(({ email, password, address }) =>
      httpRequest(
        server.url,
        "POST",
        "/api/auth/callback/credentials",
        { "content-type": "application/x-www-form-urlencoded", cookie, ...(address ? { "x-forwarded-for": address } : {}) },
        new URLSearchParams({ email, password, csrfToken, callbackUrl: server.url, json: "true" }).toString(),
      ),
    ),
  );
  return replies.map((reply) => {
    expect(reply.status, reply.text.slice(0, 200)).toBeLessThan(500);
    return new URL(json<{ url: string }>(reply).url, server.url).searchParams.get("error");
  });
}

test("guesses sent at once are counted before any password is checked: of 20, LOGIN_MAX_FAILURES are checked, the rest refused unchecked, then even the right password until the time named", async () => {
  const server = await startWith({ LOGIN_MAX_FAILURES: "3" });
  const { email, password } = USERS.viewer;
  const errors = await signInsAtOnce(server, Array.from({ length: 20 }, (_, i) => ({ email, password: `guess-${i}` })));
  expect(errors.filter((e) => e === "CredentialsSignin"), "checked and wrong").toHaveLength(3);
  expect(errors.filter((e) => e?.startsWith("TooManyAttempts:")), "refused without a check").toHaveLength(17);
  const right = await attemptSignIn(new ConsoleClient(server.url), email, password);
  expect(right.ok).toBe(false);
  const retryAt = retryAtOf(right.error);
  expect(retryAt).toBeGreaterThan(Date.now() + 14 * 60_000);
  expect(retryAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
});

test("on a bare next start X-Forwarded-For is not believed: a new made-up address for each guess buys no more guesses", async () => {
  const server = own!;
  const { email, password } = USERS.other;
  for (let i = 0; i < 3; i += 1) {
    expect((await attemptSignIn(new ConsoleClient(server.url), email, `guess-${i}`, { "x-forwarded-for": `203.0.113.${i + 1}` })).error).toBe("CredentialsSignin");
  }
  const fresh = await attemptSignIn(new ConsoleClient(server.url), email, password, { "x-forwarded-for": "198.51.100.77" });
  expect(fresh.error).toMatch(/^TooManyAttempts:/);
});

test("behind a trusted proxy each address counts apart, and a successful sign-in of one's own from an address does not give back what guesses from there used up", async () => {
  // One failure per (email, address); ten per address across emails.
  const server = await startWith({ LOGIN_MAX_FAILURES: "1", TRUSTED_PROXY_HOPS: "1" });
  const from = (address: string) => ({ "x-forwarded-for": `10.9.9.9, ${address}` });
  for (let i = 0; i < 9; i += 1) {
    expect((await attemptSignIn(new ConsoleClient(server.url), `nobody-${i}@test.local`, "guess", from("203.0.113.10"))).error).toBe("CredentialsSignin");
  }
  const own = await attemptSignIn(new ConsoleClient(server.url), USERS.editor.email, USERS.editor.password, from("203.0.113.10"));
  expect(own.ok, "the guesser's own sign-in works").toBe(true);
  expect((await attemptSignIn(new ConsoleClient(server.url), "nobody-9@test.local", "guess", from("203.0.113.10"))).error, "the one attempt left").toBe("CredentialsSignin");
  expect((await attemptSignIn(new ConsoleClient(server.url), "nobody-10@test.local", "guess", from("203.0.113.10"))).error).toMatch(/^TooManyAttempts:/);
  // Only the trusted proxy's entry counts: the client's own first entry changes nothing, another address is apart.
  expect((await attemptSignIn(new ConsoleClient(server.url), "nobody-11@test.local", "guess", { "x-forwarded-for": "1.2.3.4, 203.0.113.10" })).error).toMatch(/^TooManyAttempts:/);
  expect((await attemptSignIn(new ConsoleClient(server.url), USERS.viewer.email, USERS.viewer.password, from("203.0.113.11"))).ok).toBe(true);
});

test("a flood of 300 wrong sign-ins for unknown emails does not hold up a real sign-in: it succeeds while the flood is answered", async () => {
  const server = await startWith({ LOGIN_MAX_FAILURES: "3" });
  const started = Date.now();
  const flood = signInsAtOnce(
    server,
    Array.from({ length: 300 }, (_, i) => ({ email: `flood-${i}@nowhere.test`, password: "guess" })),
  );
  // Let the flood arrive first, then sign in for real.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const realStarted = Date.now();
  const real = await attemptSignIn(new ConsoleClient(server.url), USERS.editor.email, USERS.editor.password);
  const realMs = Date.now() - realStarted;
  const errors = await flood;
  expect(real.ok, `the real sign-in: ${real.error}`).toBe(true);
  expect(errors.every((e) => e === "CredentialsSignin" || e === "SignInBusy"), [...new Set(errors)].join(", ")).toBe(true);
  // Speed is the bench's business; the times are reported, not asserted.
  test.info().annotations.push({ type: "timing", description: `real sign-in ${realMs} ms during a 300-guess flood answered in ${Date.now() - started} ms` });
  console.log(`sign-in under flood: real sign-in ${realMs} ms; flood of 300 answered in ${Date.now() - started} ms`);
});
