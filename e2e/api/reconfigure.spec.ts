// Who may enter, and with which role, is read from the configuration on every call, not fixed into
// the sign-in: a console restarted with a person demoted or removed (same secrets, so their cookies
// are still valid) gives the new role's rights, or 401, at their very next request, API and pages.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { consoleEnv } from "../../scripts/console-env.mjs";
import { ConsoleClient, expectProblem, freePort, json, resetRecords, startOwnConsole, upstream, UPSTREAM_URL, type OwnConsole } from "../support/api-client";
import { KEYS, USERS } from "../support/users.mjs";

test.describe.configure({ mode: "serial" });

const NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
const VAULT_SECRET = randomBytes(32).toString("base64url");
let own: OwnConsole | undefined;
let port = 0;

/** (Re)starts this spec's console with these users and settings; the secrets stay, so cookies stay valid. */
async function startWith(users: { email: string; password: string; role: string }[], extra: Record<string, string> = {}): Promise<OwnConsole> {
  await own?.stop();
  port ||= await freePort(5200, 5299);
  const env = await consoleEnv({ port, host: "127.0.0.1", upstream: UPSTREAM_URL, users, extra: { NEXTAUTH_SECRET, VAULT_SECRET, ...extra } });
  own = await startOwnConsole({ name: "console-reconfigure", port, env });
  return own;
}

test.afterAll(async () => {
  await own?.stop();
});

/** A write, a read, next-auth's session and the console page, with the cookies a person kept. */
async function whatTheyMayDo(server: OwnConsole, cookie: string) {
  const client = new ConsoleClient(server.url);
  const write = await client.proxy("POST", "echo/reconfigure", { cookie, body: "{}", headers: { "content-type": "application/json" } });
  const read = await client.proxy("GET", "echo/reconfigure", { cookie });
  const session = json<{ user?: { role?: string } }>(await client.get("/api/auth/session", { csrf: false, cookie }));
  const page = await client.get("/", { csrf: false, cookie });
  return { write, read, session, page };
}

test("a password user demoted in CONSOLE_USERS gets a viewer's rights at their next request, and one removed gets 401 and the sign-in page", async () => {
  const editor = { ...USERS.editor, role: "editor" };
  let server = await startWith([editor, USERS.viewer]);
  const client = new ConsoleClient(server.url);
  await client.signIn("editor");
  await client.saveKey(KEYS.editor);
  const cookie = client.cookieHeader();
  const before = await whatTheyMayDo(server, cookie);
  expect(before.write.status, before.write.text).toBe(200);
  expect(before.session.user?.role).toBe("editor");

  server = await startWith([{ ...editor, role: "viewer" }, USERS.viewer]);
  await test.step("demoted to viewer: writes refused (403 role-forbidden, JobNimbus not called), reads work, the page says viewer", async () => {
    await resetRecords();
    const now = await whatTheyMayDo(server, cookie);
    expectProblem(now.write, "role-forbidden", 403);
    expect(now.read.status).toBe(200);
    expect((await upstream.requests()).map((r) => r.method)).toEqual(["GET"]);
    expect(now.session.user?.role).toBe("viewer");
    expect(now.page.status).toBe(200);
    expect(now.page.text).toMatch(/data-testid="role">viewer</);
  });

  server = await startWith([USERS.viewer]);
  await test.step("removed: every API call 401 (reason not-allowed in the audit line), no next-auth session, the page sends them to /signin", async () => {
    await resetRecords();
    const now = await whatTheyMayDo(server, cookie);
    expectProblem(now.write, "unauthenticated", 401);
    expectProblem(now.read, "unauthenticated", 401);
    expectProblem(await new ConsoleClient(server.url).get("/api/keys", { cookie }), "unauthenticated", 401);
    expect(await upstream.requests()).toEqual([]);
    expect(now.session.user).toBeUndefined();
    expect([302, 303, 307]).toContain(now.page.status);
    expect(now.page.headers.location ?? "").toContain("/signin");
    await expect
      .poll(() => server.output().split("\n").filter((line) => line.includes('"reason":"not-allowed"') && line.includes(USERS.editor.email)).length)
      .toBeGreaterThanOrEqual(3);
  });
});

test("an SSO user answers to ALLOWED_EMAIL_DOMAINS and CONSOLE_ROLES as they are now", async () => {
  // The console's own sign-in, as next-auth would have made it after an OIDC sign-in (the test knows the secret).
  const sso = { OIDC_ISSUER: "http://127.0.0.1:9", OIDC_CLIENT_ID: "reconfigure", OIDC_CLIENT_SECRET: randomBytes(16).toString("hex") };
  const email = "sam@corp.test";
  const token = await encode({
    token: { email, role: "editor", provider: "oidc", sid: randomBytes(16).toString("base64url"), signedInAt: Math.floor(Date.now() / 1000) },
    secret: NEXTAUTH_SECRET,
  });
  let server = await startWith([USERS.viewer], { ...sso, ALLOWED_EMAIL_DOMAINS: "corp.test", CONSOLE_ROLES: `${email}=editor` });
  const client = new ConsoleClient(server.url);
  client.cookies.set("jnc.session-token", token);
  await client.saveKey(KEYS.editor);
  const cookie = client.cookieHeader();
  expect((await whatTheyMayDo(server, cookie)).write.status).toBe(200);

  server = await startWith([USERS.viewer], { ...sso, ALLOWED_EMAIL_DOMAINS: "corp.test" });
  const demoted = await whatTheyMayDo(server, cookie);
  expectProblem(demoted.write, "role-forbidden", 403);
  expect(demoted.read.status).toBe(200);

  server = await startWith([USERS.viewer], { ...sso, ALLOWED_EMAIL_DOMAINS: "other.test" });
  expectProblem((await whatTheyMayDo(server, cookie)).read, "unauthenticated", 401);

  // A person of the same email in CONSOLE_USERS does not keep an SSO sign-in alive with SSO turned off.
  server = await startWith([{ email, password: "sam-pass-123", role: "editor" }]);
  expectProblem((await whatTheyMayDo(server, cookie)).read, "unauthenticated", 401);
});
