// Who is calling: decodes the next-auth session JWT straight from the request's cookie.
// Route handlers call this themselves; nothing relies on proxy.ts for identity.
//
// The same checks as next-auth's `decode()` (A256GCM tag, `exp` and `nbf` with 15 s of clock
// tolerance), with its key derived once per NEXTAUTH_SECRET instead of once per call, and an
// algorithm allowlist on top. A token already verified is remembered by its value (it is
// immutable), its expiry re-checked on every hit: see docs/benchmarks.md for what this saves.
import "server-only";
import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { jwtDecrypt } from "jose";
import { z } from "@/lib/zod";
import { sessionCookieName } from "./5-cookies";
import { readCookie } from "@/lib/config/read-cookie";
import { getEnv, type Env } from "@/lib/config/env";

const sessionSchema = z.object({
  email: z.string(),
  role: z.enum(["viewer", "editor", "admin"]),
  /** Random per sign-in: binds the key vault to this sign-in, so keys die with it. */
  sid: z.string().min(16),
  /** When this sign-in happened (epoch seconds): it ends SIGN_IN_LIFETIME_S later, however often the JWT is renewed. */
  signedInAt: z.number().int(),
  /** How this person signed in ("credentials", "google", ...): which part of the configuration their role comes from. */
  provider: z.string().min(1),
  name: z.string().nullish(),
});
export type ConsoleSession = z.infer<typeof sessionSchema>;

/**
 * A sign-in lasts a working day, counted from the sign-in itself. next-auth re-issues the JWT
 * with a fresh expiry whenever its session is read, so without this a copied session cookie
 * could be kept alive indefinitely; lib/auth/1-sign-in.ts ends next-auth's own session at the same point.
 */
export const SIGN_IN_LIFETIME_S = 12 * 3600;

/** Whether a sign-in made at `signedInAt` (epoch seconds) is still on at `nowS`. */
export function signInCurrent(signedInAt: unknown, nowS = Date.now() / 1000): boolean {
  return typeof signedInAt === "number" && signedInAt <= nowS + CLOCK_TOLERANCE_S && nowS < signedInAt + SIGN_IN_LIFETIME_S;
}

/** next-auth's own tolerance in `decode()`. */
const CLOCK_TOLERANCE_S = 15;
/** Tokens remembered per process; the oldest is dropped first. */
export const SESSION_CACHE_SIZE = 2_000;

type Verified = { session: ConsoleSession; exp?: number; nbf?: number };
let state: { secret: string; key: KeyObject; verified: Map<string, Verified> } | undefined;

/** next-auth 4's encryption key: HKDF-SHA256 of the secret, empty salt, its fixed info string. */
function stateFor(secret: string) {
  if (state?.secret !== secret) {
    const key = createSecretKey(Buffer.from(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)));
    state = { secret, key, verified: new Map() };
  }
  return state;
}

function isCurrent({ exp, nbf, session }: Verified, nowS: number): boolean {
  if (!signInCurrent(session.signedInAt, nowS)) return false;
  if (exp !== undefined && nowS - CLOCK_TOLERANCE_S >= exp) return false;
  if (nbf !== undefined && nowS + CLOCK_TOLERANCE_S < nbf) return false;
  return true;
}

function remember(verified: Map<string, Verified>, token: string, entry: Verified): void {
  if (verified.size >= SESSION_CACHE_SIZE) verified.delete(verified.keys().next().value!);
  verified.set(token, entry);
}

/** How many verified tokens are remembered now (for tests of the bound). */
export function rememberedSessions(): number {
  return state?.verified.size ?? 0;
}

export async function readSession(request: Request, env: Env = getEnv()): Promise<ConsoleSession | null> {
  const token = readCookie(request.headers.get("cookie"), sessionCookieName(env));
  if (!token) return null;
  const { key, verified } = stateFor(env.NEXTAUTH_SECRET);
  const nowS = Date.now() / 1000;
  const known = verified.get(token);
  if (known) {
    if (isCurrent(known, nowS)) return known.session;
    verified.delete(token);
    return null;
  }
  try {
    const { payload } = await jwtDecrypt(token, key, {
      clockTolerance: CLOCK_TOLERANCE_S,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    });
    const parsed = sessionSchema.safeParse(payload);
    if (!parsed.success) return null;
    const entry = { session: Object.freeze(parsed.data), exp: payload.exp, nbf: payload.nbf };
    if (!isCurrent(entry, nowS)) return null;
    remember(verified, token, entry);
    return entry.session;
  } catch {
    return null;
  }
}

/** The identity a vault is sealed for: this person in this sign-in. */
export function vaultOwner(session: ConsoleSession): string {
  return `${session.email}#${session.sid}`;
}
