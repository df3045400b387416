// The key cookie against everything a browser (or a thief) can do to it: tampered, truncated,
// expired, sealed under a retired secret, rotated, and replayed after signing out. Runs its own
// console, restarted with different secrets, so the test knows NEXTAUTH_SECRET and VAULT_SECRET.
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sealData } from "iron-session";
import { decode, encode } from "next-auth/jwt";
import { consoleEnv } from "../../scripts/console-env.mjs";
import {
  ConsoleClient,
  expectProblem,
  freePort,
  json,
  resetRecords,
  sleep,
  startOwnConsole,
  upstream,
  UPSTREAM_URL,
  type OwnConsole,
  type Reply,
} from "../support/api-client";
import { KEYS, USERS } from "../support/users.mjs";

const NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
const OLD = `old-${randomBytes(24).toString("base64url")}`;
const NEW = `new-${randomBytes(24).toString("base64url")}`;
const TTL_SECONDS = 12 * 3600; // VAULT_TTL_SECONDS' default, which this console keeps

test.describe.configure({ mode: "serial" });

let own: OwnConsole | undefined;
let port = 0;

/** (Re)starts this spec's console with the given VAULT_SECRET; the sign-in secret stays, so sessions survive. */
async function startWith(vaultSecret: string): Promise<OwnConsole> {
  await own?.stop();
  port ||= await freePort(5250, 5299);
  const env = await consoleEnv({
    port,
    host: "127.0.0.1",
    upstream: UPSTREAM_URL,
    users: [USERS.editor, USERS.other],
    extra: { NEXTAUTH_SECRET, VAULT_SECRET: vaultSecret },
  });
  own = await startOwnConsole({ name: "console-cookies", port, env });
  return own;
}

test.afterAll(async () => {
  await own?.stop();
});

// ---- reading seals and sessions the way the console does ----

/** lib/vault/3-vault.ts names each secret by the first 8 hex digits of its SHA-256, so rotation keeps the names. */
const passwordId = (secret: string) => Number.parseInt(createHash("sha256").update(secret).digest("hex").slice(0, 8), 16);

/** Iron seals read "Fe26.2*{passwordId}*salt*iv*data*{expiry ms}*hmacSalt*hmac~2". */
function sealParts(seal: string): { passwordId: number; expiresAt: number } {
  const parts = seal.split("~")[0]!.split("*");
  return { passwordId: Number(parts[1]), expiresAt: Number(parts[5]) };
}

/** The signed-in person's vault owner ("email#sid"), read from their next-auth JWT with the secret this console was given. */
async function ownerOf(client: ConsoleClient): Promise<string> {
  const token = await decode({ token: client.sessionCookie()!, secret: NEXTAUTH_SECRET });
  expect(token?.sid, "a sid in the session JWT").toEqual(expect.any(String));
  return `${token!.email}#${String(token!.sid)}`;
}

/**
 * A vault sealed as the console would have sealed it at `sealedAt` (iron reads the clock once,
 * synchronously, at the start of sealing; that read is moved back in time, nothing else).
 */
function craftVault(owner: string, secret: string, sealedAt: number): Promise<string> {
  const vault = {
    owner,
    keys: [{ id: "crafted1", label: "Crafted", key: KEYS.editor, createdAt: new Date(sealedAt).toISOString(), active: true }],
    sealedAt,
  };
  const realNow = Date.now;
  Date.now = () => sealedAt;
  try {
    return sealData(vault, { password: { [passwordId(secret)]: secret }, ttl: TTL_SECONDS });
  } finally {
    Date.now = realNow;
  }
}

function vaultFrom(reply: Reply): string {
  const line = reply.setCookies.find((cookie) => cookie.startsWith("jnc-vault="));
  expect(line, `a jnc-vault Set-Cookie on ${reply.status}`).toBeTruthy();
  return line!.slice("jnc-vault=".length, line!.indexOf(";"));
}

/** One proxied call with exactly these two cookies. */
function callWith(client: ConsoleClient, session: string | undefined, vault: string | undefined, method = "GET") {
  const cookie = [session && `jnc.session-token=${session}`, vault && `jnc-vault=${vault}`].filter(Boolean).join("; ");
  return client.proxy(method, "echo/cookie-check", { cookie });
}

/** The console's new vault.ignored log lines since `mark` (its output arrives through a pipe: wait a little). */
async function ignoredSince(server: OwnConsole, mark: number, count = 1): Promise<Record<string, unknown>[]> {
  let lines: Record<string, unknown>[] = [];
  for (let i = 0; i < 40; i += 1) {
    lines = server
      .output()
      .slice(mark)
      .split("\n")
      .filter((line) => line.includes('"vault.ignored"'))
      .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as Record<string, unknown>);
    if (lines.length >= count) break;
    await sleep(50);
  }
  return lines;
}

/** Refused as no key: 428 no-api-key, JobNimbus not called, one log line with the reason and nothing of the cookie. */
async function expectRefused(server: OwnConsole, client: ConsoleClient, session: string, vault: string, reason: string) {
  await resetRecords();
  const mark = server.output().length;
  const reply = await callWith(client, session, vault);
  expectProblem(reply, "no-api-key", 428);
  expect(await upstream.requests(), "no key, no call").toEqual([]);
  const lines = await ignoredSince(server, mark);
  expect(lines.map((line) => line.reason)).toEqual([reason]);
  const logged = server.output().slice(mark);
  // Neither the cookie (nor any 16-character piece of it) nor the key is logged.
  for (let at = 0; at + 16 <= vault.length; at += 8) expect(logged.includes(vault.slice(at, at + 16)), "a piece of the cookie in the log").toBe(false);
  expect(logged).not.toContain(KEYS.editor);
}

async function expectAccepted(client: ConsoleClient, session: string, vault: string) {
  await resetRecords();
  const reply = await callWith(client, session, vault);
  expect(reply.status, reply.text.slice(0, 300)).toBe(200);
  const received = await upstream.requests();
  expect(received.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEYS.editor}`]);
}

test("tampered, truncated, expired and foreign vault cookies read as no key, JobNimbus is not called, and the reason is logged", async () => {
  const server = await startWith(OLD);
  const editor = new ConsoleClient(server.url);
  await editor.signIn("editor");
  await editor.saveKey(KEYS.editor);
  const session = editor.sessionCookie()!;
  const vault = editor.vaultCookie()!;
  await expectAccepted(editor, session, vault);

  const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;
  const parts = vault.split("*");
  const dataAt = parts.slice(0, 4).join("*").length + 1 + Math.floor(parts[4]!.length / 2);
  const owner = await ownerOf(editor);
  const now = Date.now();

  const other = new ConsoleClient(server.url);
  await other.signIn("other");
  await other.saveKey(KEYS.other);

  const cases: [string, string, string][] = [
    ["one character of the encrypted data flipped", flip(vault, dataAt), "tampered"],
    ["one character of the HMAC flipped", flip(vault, vault.indexOf("~") - 5), "tampered"],
    ["the expiry field moved a day on", vault.replace(`*${sealParts(vault).expiresAt}*`, `*${sealParts(vault).expiresAt + 86_400_000}*`), "tampered"],
    ["truncated to half", vault.slice(0, Math.floor(vault.length / 2)), "malformed"],
    ["the last characters cut off", vault.slice(0, -6), "tampered"],
    ["not a seal at all", "bm90LWEtc2VhbA", "malformed"],
    ["expired an hour ago (sealed 13 h ago with a 12 h ttl)", await craftVault(owner, OLD, now - 13 * 3600_000), "expired"],
    ["expired 30 s ago, inside iron's 60 s clock-skew allowance", await craftVault(owner, OLD, now - TTL_SECONDS * 1000 - 30_000), "expired"],
    ["sealed with a secret this console never had", await craftVault(owner, `unknown-${randomBytes(24).toString("base64url")}`, now), "unknown-password"],
    ["another person's vault", other.vaultCookie()!, "other-user"],
  ];
  for (const [name, cookie, reason] of cases) {
    await test.step(`${name} → ${reason}`, () => expectRefused(server, editor, session, cookie, reason));
  }

  // The crafting is faithful: the same vault sealed six hours ago is read, and used.
  await test.step("control: a crafted vault that is still within its ttl works", async () => {
    await expectAccepted(editor, session, await craftVault(owner, OLD, now - 6 * 3600_000));
  });
  // And the real cookie still works after all of that.
  await expectAccepted(editor, session, vault);
});

test("writing to a vault keeps its end: re-saving cannot stretch a cookie's life past VAULT_TTL_SECONDS", async () => {
  const server = await startWith(OLD);
  const editor = new ConsoleClient(server.url);
  await editor.signIn("editor");
  const sixHoursAgo = Date.now() - 6 * 3600_000;
  const vault = await craftVault(await ownerOf(editor), OLD, sixHoursAgo);
  editor.cookies.set("jnc-vault", vault);

  const listed = await editor.listKeys();
  expect(listed.map((k) => [k.id, k.active])).toEqual([["crafted1", true]]);
  expect(Date.parse(listed[0]!.expiresAt!)).toBe(sixHoursAgo + TTL_SECONDS * 1000);

  const patched = await editor.sendJson("PATCH", "/api/keys/crafted1", { active: true });
  expect(patched.status, patched.text).toBe(200);
  const resealed = vaultFrom(patched);
  expect(resealed).not.toBe(vault);
  const end = sixHoursAgo + TTL_SECONDS * 1000;
  expect(Math.abs(sealParts(resealed).expiresAt - end), "the new seal ends when the old one did").toBeLessThan(2000);
  const maxAge = Number(/max-age=(\d+)/i.exec(patched.setCookies.find((c) => c.startsWith("jnc-vault="))!)?.[1]);
  expect(Math.abs(maxAge - 6 * 3600), "Max-Age counts down to that same end").toBeLessThanOrEqual(2);
  expect(Date.parse(json<{ expiresAt: string }>(patched).expiresAt)).toBe(end);
  await expectAccepted(editor, editor.sessionCookie()!, resealed);
});

test("rotation: a cookie sealed under 'old' works with 'new,old', the next write reseals it under 'new', which works with 'new' alone; 'old' is then retired", async () => {
  let server = await startWith(OLD);
  const editor = new ConsoleClient(server.url);
  await editor.signIn("editor");
  const saved = await editor.saveKey(KEYS.editor);
  const session = editor.sessionCookie()!;
  const underOld = editor.vaultCookie()!;
  expect(sealParts(underOld).passwordId).toBe(passwordId(OLD));

  server = await startWith(`${NEW},${OLD}`);
  await test.step("VAULT_SECRET=new,old still reads the old cookie", async () => {
    await expectAccepted(editor, session, underOld);
    expect((await editor.listKeys()).map((k) => k.id)).toEqual([saved.id]);
  });

  const patched = await editor.sendJson("PATCH", `/api/keys/${saved.id}`, { active: true });
  expect(patched.status, patched.text).toBe(200);
  const underNew = vaultFrom(patched);
  await test.step("the next write reseals with the first secret, 'new'", () => {
    expect(sealParts(underNew).passwordId).toBe(passwordId(NEW));
    // Rotation changes the secret, not the vault's life.
    expect(Math.abs(sealParts(underNew).expiresAt - sealParts(underOld).expiresAt)).toBeLessThan(2000);
  });

  server = await startWith(NEW);
  await test.step("VAULT_SECRET=new alone reads the resealed cookie", () => expectAccepted(editor, session, underNew));
  await test.step("a cookie sealed under the retired 'old' reads as no key: unknown-password", () =>
    expectRefused(server, editor, session, underOld, "unknown-password"));
});

test("replay after sign-out: an old vault cookie with a new sign-in is refused; copies of the session and vault cookies are refused once signed out, by the API, next-auth and the pages", async () => {
  const server = await startWith(NEW);
  const editor = new ConsoleClient(server.url);
  await editor.signIn("editor");
  await editor.saveKey(KEYS.editor);
  const oldSession = editor.sessionCookie()!;
  const oldVault = editor.vaultCookie()!;
  const oldEnd = sealParts(oldVault).expiresAt;
  const copies = `jnc.session-token=${oldSession}; jnc-vault=${oldVault}`;

  await test.step("while signed in, next-auth renews a copied session cookie on /api/auth/session, keeping its sign-in time", async () => {
    const session = await editor.get("/api/auth/session", { csrf: false, cookie: `jnc.session-token=${oldSession}` });
    expect(session.status).toBe(200);
    expect(json<{ user?: { email?: string } }>(session).user?.email).toBe(USERS.editor.email);
    const renewed = session.setCookies.find((c) => c.startsWith("jnc.session-token="));
    expect(renewed, "a renewed session cookie").toBeTruthy();
    const before = await decode({ token: oldSession, secret: NEXTAUTH_SECRET });
    const after = await decode({ token: renewed!.slice(renewed!.indexOf("=") + 1, renewed!.indexOf(";")), secret: NEXTAUTH_SECRET });
    expect(after?.signedInAt).toBe(before?.signedInAt);
    expect(after?.sid).toBe(before?.sid);
  });

  await test.step("while signed in, a write with the copies cannot move the vault's end", async () => {
    const id = json<{ keys: { id: string }[] }>(await editor.get("/api/keys", { cookie: copies })).keys[0]!.id;
    await sleep(1100);
    const patched = await editor.sendJson("PATCH", `/api/keys/${id}`, { active: true }, { cookie: copies });
    expect(patched.status, patched.text).toBe(200);
    expect(Math.abs(sealParts(vaultFrom(patched)).expiresAt - oldEnd)).toBeLessThan(1000);
  });

  await test.step("a sign-out next-auth refuses (no CSRF token, as from another site's form) clears nothing", async () => {
    const forged = await editor.send("POST", "/api/auth/signout", {
      csrf: false,
      body: new URLSearchParams({ callbackUrl: server.url, json: "true" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      cookie: copies,
    });
    expect(forged.setCookies.filter((c) => c.startsWith("jnc-vault=") || c.startsWith("jnc.session-token=")), "no cookie cleared").toEqual([]);
    await expectAccepted(editor, oldSession, oldVault);
  });

  const signOut = await editor.signOut();
  await test.step("signing out tells the browser to drop both cookies", () => {
    expect(signOut.setCookies.find((c) => c.startsWith("jnc-vault="))).toMatch(/Max-Age=0/i);
    expect(signOut.setCookies.some((c) => c.startsWith("jnc.session-token=") && /max-age=0|expires=thu, 01 jan 1970/i.test(c))).toBe(true);
    expect(editor.vaultCookie()).toBeUndefined();
    expect(editor.sessionCookie()).toBeUndefined();
  });

  await test.step("the old session and vault cookies together, after sign-out: refused (401, signed-out), JobNimbus not called", async () => {
    await resetRecords();
    const mark = server.output().length;
    expectProblem(await callWith(editor, oldSession, oldVault), "unauthenticated", 401);
    expectProblem(await editor.get("/api/keys", { cookie: copies }), "unauthenticated", 401);
    expect(await upstream.requests()).toEqual([]);
    await expect.poll(() => server.output().slice(mark).includes('"reason":"signed-out"')).toBe(true);
  });

  await test.step("…and next-auth's own session and the pages end it too", async () => {
    const session = await editor.get("/api/auth/session", { csrf: false, cookie: `jnc.session-token=${oldSession}` });
    expect(json<{ user?: unknown }>(session).user).toBeUndefined();
    const page = await editor.get("/", { csrf: false, cookie: copies });
    expect([302, 303, 307]).toContain(page.status);
    expect(page.headers.location ?? "").toContain("/signin");
  });

  await editor.signIn("editor");
  const newSession = editor.sessionCookie()!;
  expect(newSession).not.toBe(oldSession);
  await test.step("the old vault cookie with the new sign-in: refused (other-user), JobNimbus not called", () =>
    expectRefused(server, editor, newSession, oldVault, "other-user"));

  await test.step("a sign-in not signed out still ends a working day after it was made: the console refuses it and next-auth drops it", async () => {
    // A copy as renewed 12 h after its sign-in: a fresh expiry, the same sign-in time.
    const claims = await decode({ token: newSession, secret: NEXTAUTH_SECRET });
    const stale = await encode({ token: { ...claims, signedInAt: Math.floor(Date.now() / 1000) - TTL_SECONDS - 60 }, secret: NEXTAUTH_SECRET });
    await resetRecords();
    const refused = await callWith(editor, stale, editor.vaultCookie());
    expectProblem(refused, "unauthenticated", 401);
    expect(await upstream.requests()).toEqual([]);
    const session = await editor.get("/api/auth/session", { csrf: false, cookie: `jnc.session-token=${stale}` });
    expect(json<{ user?: unknown }>(session).user).toBeUndefined();
    expect(session.setCookies.some((c) => c.startsWith("jnc.session-token=") && /max-age=0|expires=thu, 01 jan 1970/i.test(c)), "the cookie cleared").toBe(true);
    const page = await editor.get("/", { csrf: false, cookie: `jnc.session-token=${stale}` });
    expect([302, 303, 307], "the console page sends a stale sign-in to /signin").toContain(page.status);
    expect(page.headers.location ?? "").toContain("/signin");
  });
});
