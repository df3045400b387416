// readSession against tokens made by next-auth's own `encode`: it must accept what next-auth's
// `decode` accepts and refuse what it refuses, also when the answer comes from its cache.
import { EncryptJWT } from "jose";
import { decode, encode, type JWT } from "next-auth/jwt";
import { createSecretKey, hkdfSync } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv, type Env } from "@/lib/config/env";
import { readSession, rememberedSessions, SESSION_CACHE_SIZE, SIGN_IN_LIFETIME_S, signInCurrent, vaultOwner } from "./6-session";

const SECRET = "tWZDJVIMIRDkbb5tlLbShPWolJ1OFZc92iP/gB92iN4=";
const NOW_S = () => Math.floor(Date.now() / 1000);
const claims = (signedInAt = NOW_S()) => ({ email: "alice@example.com", role: "editor" as const, sid: "sid-0123456789abcdef", signedInAt, provider: "credentials", name: "Alice" });
let CLAIMS = claims();

function makeEnv(secret = SECRET): Env {
  return parseEnv({
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: "http://localhost:3000",
    VAULT_SECRET: "k54czylEQZqIQWHvG8HPYG2XNHezpKOtQmlMAVYjUrw=",
    CONSOLE_USERS: JSON.stringify([{ email: "alice@example.com", role: "editor", passwordHash: "scrypt:32768:8:1:c2FsdA:aGFzaA" }]),
  });
}

function requestWith(token: string): Request {
  return new Request("http://localhost:3000/api/proxy/x", { headers: { cookie: `other=1; jnc.session-token=${token}` } });
}

afterEach(() => {
  vi.useRealTimers();
  CLAIMS = claims();
});

describe("readSession", () => {
  it("reads a next-auth session token, the same claims next-auth's decode reads", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const session = await readSession(requestWith(token), makeEnv());
    expect(session).toEqual(CLAIMS);
    expect(await decode({ token, secret: SECRET })).toMatchObject(CLAIMS);
    expect(vaultOwner(session!)).toBe("alice@example.com#sid-0123456789abcdef");
  });

  it("answers the same from its cache, and the cached session cannot be changed by a caller", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const first = await readSession(requestWith(token), makeEnv());
    const second = await readSession(requestWith(token), makeEnv());
    expect(second).toEqual(CLAIMS);
    expect(() => {
      (second as { role: string }).role = "viewer";
    }).toThrow();
    expect(first?.role).toBe("editor");
  });

  it("refuses a token with no cookie, another secret, or one character changed", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    expect(await readSession(new Request("http://localhost:3000/"), makeEnv())).toBeNull();
    expect(await readSession(requestWith(token), makeEnv("qMW531HT/hZHkFp2S4A40mWIJUxlfsxF/oKEFmbZGLs="))).toBeNull();
    const at = Math.floor(token.length / 2);
    const changed = `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
    expect(await readSession(requestWith(changed), makeEnv())).toBeNull();
  });

  it("refuses claims that are not a console session (no sid, unknown role)", async () => {
    const noSid = await encode({ token: { email: "a@example.com", role: "editor" }, secret: SECRET });
    const badRole = await encode({ token: { ...CLAIMS, role: "owner" } as unknown as JWT, secret: SECRET });
    expect(await readSession(requestWith(noSid), makeEnv())).toBeNull();
    expect(await readSession(requestWith(badRole), makeEnv())).toBeNull();
  });

  it("refuses an expired token after next-auth's 15 s tolerance, also once it is cached", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-27T12:00:00Z"));
    CLAIMS = claims();
    const token = await encode({ token: CLAIMS, secret: SECRET, maxAge: 60 });
    expect(await readSession(requestWith(token), makeEnv())).toEqual(CLAIMS);
    vi.setSystemTime(new Date("2026-11-27T12:01:10Z"));
    expect(await readSession(requestWith(token), makeEnv())).toEqual(CLAIMS);
    vi.setSystemTime(new Date("2026-11-27T12:01:16Z"));
    expect(await readSession(requestWith(token), makeEnv())).toBeNull();
    expect(await decode({ token, secret: SECRET }).catch(() => null)).toBeNull();
  });

  it("refuses a renewed token (fresh exp) once its sign-in is older than SIGN_IN_LIFETIME_S, also once it is cached", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-27T08:00:00Z"));
    CLAIMS = claims();
    vi.setSystemTime(new Date(Date.now() + (SIGN_IN_LIFETIME_S - 60) * 1000));
    // As next-auth re-issues it when /api/auth/session is read: same claims, a fresh 12 h expiry.
    const renewed = await encode({ token: CLAIMS, secret: SECRET });
    expect(await readSession(requestWith(renewed), makeEnv())).toEqual(CLAIMS);
    vi.setSystemTime(new Date(Date.now() + 60_000));
    expect(await readSession(requestWith(renewed), makeEnv())).toBeNull();
    const renewedAgain = await encode({ token: CLAIMS, secret: SECRET });
    expect(await readSession(requestWith(renewedAgain), makeEnv())).toBeNull();
  });

  it("refuses a token without signedInAt, or signed in in the future", async () => {
    const withoutSignIn = { ...claims(), signedInAt: undefined };
    expect(await readSession(requestWith(await encode({ token: withoutSignIn, secret: SECRET })), makeEnv())).toBeNull();
    expect(await readSession(requestWith(await encode({ token: claims(NOW_S() + 3600), secret: SECRET })), makeEnv())).toBeNull();
  });

  it("signInCurrent: on from the sign-in until SIGN_IN_LIFETIME_S later", () => {
    expect(signInCurrent(1_000, 1_000)).toBe(true);
    expect(signInCurrent(1_000, 1_000 + SIGN_IN_LIFETIME_S - 1)).toBe(true);
    expect(signInCurrent(1_000, 1_000 + SIGN_IN_LIFETIME_S)).toBe(false);
    expect(signInCurrent(undefined, 1_000)).toBe(false);
    expect(signInCurrent("1000", 1_000)).toBe(false);
  });

  it("refuses a token sealed with the right key but another content algorithm", async () => {
    const key = createSecretKey(Buffer.from(hkdfSync("sha256", SECRET, "", "NextAuth.js Generated Encryption Key", 32)));
    const cbc = await new EncryptJWT(CLAIMS)
      .setProtectedHeader({ alg: "dir", enc: "A128CBC-HS256" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(await readSession(requestWith(cbc), makeEnv())).toBeNull();
  });

  it(`remembers at most ${SESSION_CACHE_SIZE} tokens`, async () => {
    const env = makeEnv("A7841x/RWQ5TgjZiDMJHZTZN4+Cru70cvflct2wgAD8=");
    for (let i = 0; i < SESSION_CACHE_SIZE + 20; i += 1) {
      const token = await encode({ token: { ...CLAIMS, sid: `sid-${String(i).padStart(16, "0")}` }, secret: env.NEXTAUTH_SECRET });
      expect((await readSession(requestWith(token), env))?.sid).toBe(`sid-${String(i).padStart(16, "0")}`);
    }
    expect(rememberedSessions()).toBe(SESSION_CACHE_SIZE);
  });
});
