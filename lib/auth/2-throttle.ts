// Password sign-in under attack: every attempt is counted before its password is checked, per
// (email, client address), per address and per email, in the shared store (lib/store), so parallel
// guesses and other instances see one count; password checks running at once are bounded, and the
// excess is answered at once instead of queued behind a flood.
import "server-only";
import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import type { Env } from "@/lib/config/env";
import type { Store } from "@/lib/store/store";

/**
 * scrypt checks (32 MB each, on libuv's four threads) running at once per process. Real sign-ins are
 * rare; more than this at once means a flood, and waiting behind it is what made sign-in take 28 s.
 */
export const MAX_PASSWORD_CHECKS = 4;

type Headers = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : (value ?? ""));

/**
 * The caller's address, when someone trustworthy says it: on Vercel its own header, behind
 * TRUSTED_PROXY_HOPS proxies the entry the outermost of them appended to X-Forwarded-For. On a bare
 * `next start` nobody does (the client may write X-Forwarded-For itself, and Next keeps it): null.
 */
export function clientAddress(headers: Headers, env: Pick<Env, "TRUSTED_PROXY_HOPS" | "VERCEL">): string | null {
  if (env.VERCEL === "1") return first(headers["x-vercel-forwarded-for"]).split(",")[0]?.trim() || null;
  if (env.TRUSTED_PROXY_HOPS === 0) return null;
  const entries = first(headers["x-forwarded-for"]).split(",").map((part) => part.trim()).filter(Boolean);
  return entries[entries.length - env.TRUSTED_PROXY_HOPS]?.slice(0, 64) ?? null;
}

export type Admission =
  | { ok: true; settle: (outcome: "success" | "failure" | "not-checked") => Promise<void> }
  | { ok: false; retryAt: number };

type Counted = { limiter: RateLimiterAbstract; key: string };

function isLimitAnswer(value: unknown): value is RateLimiterRes {
  return typeof value === "object" && value !== null && "msBeforeNext" in value && !(value instanceof Error);
}

/**
 * Counts this attempt, or refuses it unchecked when a count is used up (with when to try again).
 * Throws when the store does not answer: sign-in then fails closed.
 */
export async function admit(store: Store, email: string, address: string | null): Promise<Admission> {
  const { pair, address: byAddress, email: byEmail } = await store.limiters();
  const counted: Counted[] = [
    { limiter: pair, key: `${email}|${address ?? "unknown"}` },
    { limiter: byEmail, key: email },
    ...(address ? [{ limiter: byAddress, key: address }] : []),
  ];
  const now = Date.now();
  // Reads first: attempts already refused do not also use up the wider counts.
  const current = await Promise.all(counted.map(({ limiter, key }) => limiter.get(key)));
  const spent = current.flatMap((res, i) => (res && res.consumedPoints >= counted[i]!.limiter.points ? [res.msBeforeNext] : []));
  if (spent.length > 0) return { ok: false, retryAt: now + Math.max(...spent) };

  const consumed = await Promise.allSettled(counted.map(({ limiter, key }) => limiter.consume(key)));
  const failure = consumed.find((result) => result.status === "rejected");
  if (failure) {
    const reason: unknown = failure.reason;
    if (!isLimitAnswer(reason)) throw reason;
    // Another attempt took the last one between the read and now: the same answer.
    return { ok: false, retryAt: now + reason.msBeforeNext };
  }
  return {
    ok: true,
    async settle(outcome) {
      if (outcome === "failure") return;
      // A success forgives this email's failures from this address only: never the address's or the
      // email's wider count (a success of one's own must not reset what guessing at others used up).
      await Promise.all(
        counted.map(({ limiter, key }) => (outcome === "success" && limiter === pair ? limiter.delete(key) : limiter.reward(key, 1))),
      );
    },
  };
}

let running = 0;
/** Recent duration of a real check, so an unknown email takes as long without costing a check. */
let typicalMs: number | undefined;
// (Per copy of this module: only next-auth's route handler, one bundle, runs password checks.)

/** Whether a check could start now: unknown emails are told "busy" exactly when known ones would be. */
export function checksFull(): boolean {
  return running >= MAX_PASSWORD_CHECKS;
}

/** Runs one password check if a slot is free, else answers "busy" at once. */
export async function boundedCheck(check: () => Promise<boolean>): Promise<boolean | "busy"> {
  if (checksFull()) return "busy";
  running += 1;
  const started = performance.now();
  try {
    return await check();
  } finally {
    running -= 1;
    const took = performance.now() - started;
    typicalMs = typicalMs === undefined ? took : typicalMs * 0.8 + took * 0.2;
  }
}

/** Until a real check has been timed: about what one takes on a small server. */
const FIRST_GUESS_MS = 150;

/**
 * For an email nobody has: as long as a check takes, without taking a slot, so guesses at unknown
 * emails cannot starve real sign-ins. Until a duration is known, one of them (while no check runs)
 * runs a real check to learn it; the others wait a first guess.
 */
export async function checkLikeAPassword(realCheck: () => Promise<boolean>): Promise<false | "busy"> {
  if (checksFull()) return "busy";
  if (typicalMs === undefined && running === 0) {
    const result = await boundedCheck(realCheck);
    return result === "busy" ? "busy" : false;
  }
  await new Promise((resolve) => setTimeout(resolve, typicalMs ?? FIRST_GUESS_MS));
  return false;
}
