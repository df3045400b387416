// next-auth's jwt callback: each sign-in gets its own sid and sign-in time; a token is renewed only
// while its sign-in is under a working day old, not signed out, and its person still allowed (with the
// role the configuration gives now). Otherwise it throws, and next-auth clears the cookie.
import type { Account, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "./1-sign-in";
import { parseEnv } from "@/lib/config/env";
import { getStore } from "@/lib/store/store";
import { SIGN_IN_LIFETIME_S } from "./6-session";

const base = {
  NEXTAUTH_SECRET: "tWZDJVIMIRDkbb5tlLbShPWolJ1OFZc92iP/gB92iN4=",
  NEXTAUTH_URL: "http://localhost:3000",
  VAULT_SECRET: "k54czylEQZqIQWHvG8HPYG2XNHezpKOtQmlMAVYjUrw=",
};
const hash = "scrypt:32768:8:1:c2FsdA:aGFzaA";
const env = parseEnv({ ...base, CONSOLE_USERS: JSON.stringify([{ email: "alice@example.com", role: "editor", passwordHash: hash }]) });

type JwtCallback = (params: { token: JWT; user?: User; account?: Account | null }) => Promise<JWT> | JWT;
const jwt = authOptions(env).callbacks!.jwt as unknown as JwtCallback;
const user = { id: "alice@example.com", email: "Alice@Example.com", role: "editor" } as User;
const account = { provider: "credentials", type: "credentials", providerAccountId: "alice" } as Account;

describe("jwt callback", () => {
  it("on sign-in: lower-cased email, role, a fresh sid and the sign-in time", async () => {
    const before = Math.floor(Date.now() / 1000);
    const first = await jwt({ token: {}, user, account });
    const second = await jwt({ token: {}, user, account });
    expect(first).toMatchObject({ email: "alice@example.com", role: "editor", provider: "credentials" });
    expect(first.sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second.sid).not.toBe(first.sid);
    expect(first.signedInAt).toBeGreaterThanOrEqual(before);
    expect(first.signedInAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it("on renewal: keeps a current sign-in as it is", async () => {
    const token = { email: "alice@example.com", role: "editor" as const, provider: "credentials", sid: "s".repeat(22), signedInAt: Math.floor(Date.now() / 1000) - 3600 };
    expect(await jwt({ token: { ...token } })).toEqual(token);
  });

  it("on renewal: takes the role from the configuration in force, and refuses a person it no longer has", async () => {
    const token = { email: "alice@example.com", role: "editor" as const, provider: "credentials", sid: "d".repeat(22), signedInAt: Math.floor(Date.now() / 1000) - 60 };
    const demoted = parseEnv({ ...base, CONSOLE_USERS: JSON.stringify([{ email: "alice@example.com", role: "viewer", passwordHash: hash }]) });
    const jwtDemoted = authOptions(demoted).callbacks!.jwt as unknown as JwtCallback;
    expect(await jwtDemoted({ token: { ...token } })).toMatchObject({ role: "viewer" });
    const removed = parseEnv({ ...base, CONSOLE_USERS: JSON.stringify([{ email: "bob@example.com", role: "editor", passwordHash: hash }]) });
    const jwtRemoved = authOptions(removed).callbacks!.jwt as unknown as JwtCallback;
    await expect(async () => jwtRemoved({ token: { ...token } })).rejects.toThrow(/no longer allowed/);
    // A token from before sign-ins recorded their provider answers to no configuration.
    await expect(async () => jwt({ token: { ...token, provider: undefined } })).rejects.toThrow(/no longer allowed/);
  });

  it("on renewal: refuses a sign-in that was signed out", async () => {
    const token = { email: "alice@example.com", role: "editor" as const, provider: "credentials", sid: "r".repeat(22), signedInAt: Math.floor(Date.now() / 1000) - 60 };
    expect(await jwt({ token: { ...token } })).toMatchObject({ sid: token.sid });
    await getStore(env).revokeSignIn(token.sid, token.signedInAt + SIGN_IN_LIFETIME_S);
    await expect(async () => jwt({ token: { ...token } })).rejects.toThrow(/signed out/);
  });

  it("on renewal: refuses a sign-in older than SIGN_IN_LIFETIME_S, or one without a sign-in time", async () => {
    const old = { email: "alice@example.com", role: "editor" as const, sid: "s".repeat(22), signedInAt: Math.floor(Date.now() / 1000) - SIGN_IN_LIFETIME_S - 1 };
    await expect(async () => jwt({ token: old })).rejects.toThrow(/older than a working day/);
    const unknown: JWT = { ...old, signedInAt: undefined };
    await expect(async () => jwt({ token: unknown })).rejects.toThrow(/older than a working day/);
  });
});
