// next-auth's jwt callback: each sign-in gets its own sid and sign-in time; a token whose
// sign-in is older than a working day is not renewed (next-auth then clears the cookie).
import type { Account, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "./1-sign-in";
import { parseEnv } from "@/lib/config/env";
import { SIGN_IN_LIFETIME_S } from "./6-session";

const env = parseEnv({
  NEXTAUTH_SECRET: "tWZDJVIMIRDkbb5tlLbShPWolJ1OFZc92iP/gB92iN4=",
  NEXTAUTH_URL: "http://localhost:3000",
  VAULT_SECRET: "k54czylEQZqIQWHvG8HPYG2XNHezpKOtQmlMAVYjUrw=",
  CONSOLE_USERS: JSON.stringify([{ email: "alice@example.com", role: "editor", passwordHash: "scrypt:32768:8:1:c2FsdA:aGFzaA" }]),
});

type JwtCallback = (params: { token: JWT; user?: User; account?: Account | null }) => Promise<JWT> | JWT;
const jwt = authOptions(env).callbacks!.jwt as unknown as JwtCallback;
const user = { id: "alice@example.com", email: "Alice@Example.com", role: "editor" } as User;
const account = { provider: "credentials", type: "credentials", providerAccountId: "alice" } as Account;

describe("jwt callback", () => {
  it("on sign-in: lower-cased email, role, a fresh sid and the sign-in time", async () => {
    const before = Math.floor(Date.now() / 1000);
    const first = await jwt({ token: {}, user, account });
    const second = await jwt({ token: {}, user, account });
    expect(first).toMatchObject({ email: "alice@example.com", role: "editor" });
    expect(first.sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second.sid).not.toBe(first.sid);
    expect(first.signedInAt).toBeGreaterThanOrEqual(before);
    expect(first.signedInAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it("on renewal: keeps a current sign-in as it is", async () => {
    const token = { email: "alice@example.com", role: "editor" as const, sid: "s".repeat(22), signedInAt: Math.floor(Date.now() / 1000) - 3600 };
    expect(await jwt({ token: { ...token } })).toEqual(token);
  });

  it("on renewal: refuses a sign-in older than SIGN_IN_LIFETIME_S, or one without a sign-in time", async () => {
    const old = { email: "alice@example.com", role: "editor" as const, sid: "s".repeat(22), signedInAt: Math.floor(Date.now() / 1000) - SIGN_IN_LIFETIME_S - 1 };
    await expect(async () => jwt({ token: old })).rejects.toThrow(/older than a working day/);
    const unknown: JWT = { ...old, signedInAt: undefined };
    await expect(async () => jwt({ token: unknown })).rejects.toThrow(/older than a working day/);
  });
});
