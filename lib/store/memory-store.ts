// Shared state for one process: what REDIS_URL would hold, in this process's memory. Correct for a
// single `next start`; with several instances each keeps its own counts and revocations.
import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { SIGN_IN_LIFETIME_S } from "@/lib/auth/6-session";
import { limiterOptions } from "./limits";
import {
  ACTIVITY_MAX_AGE_MS,
  ACTIVITY_MAX_EVENTS,
  isOwnActivity,
  matches,
  type ActivityEvent,
  type ActivityQuery,
  type SignInRef,
  type Store,
} from "./types";

/** Entries kept in each revocation map before expired ones are swept (they expire within 12 hours anyway). */
const SWEEP_AT = 10_000;

function sweep(map: Map<string, number>, nowS: number): void {
  if (map.size < SWEEP_AT) return;
  for (const [key, until] of map) if (until <= nowS) map.delete(key);
}

export function memoryStore(maxFailures: number): Store {
  const options = limiterOptions(maxFailures, "");
  /** sid → until (epoch s). */
  const revokedSids = new Map<string, number>();
  /** email → before (epoch s), kept until every sign-in it covers has ended. */
  const revokedBefore = new Map<string, { before: number; until: number }>();
  /** Oldest first, as JSON text; trimmed to the newest ACTIVITY_MAX_EVENTS. */
  let trail: string[] = [];
  const seen = new Map<string, number>();
  const limiters = {
    pair: new RateLimiterMemory(options.pair),
    address: new RateLimiterMemory(options.address),
    email: new RateLimiterMemory(options.email),
  };

  return {
    kind: "memory",
    async limiters() {
      return limiters;
    },
    async revokeSignIn(sid: string, until: number) {
      const nowS = Date.now() / 1000;
      sweep(revokedSids, nowS);
      revokedSids.set(sid, until);
    },
    async revokeAllSignInsOf(email: string, before: number) {
      revokedBefore.set(email, { before, until: before + SIGN_IN_LIFETIME_S });
    },
    async isRevoked({ sid, email, signedInAt }: SignInRef) {
      const nowS = Date.now() / 1000;
      const until = revokedSids.get(sid);
      if (until !== undefined && until > nowS) return true;
      const all = revokedBefore.get(email);
      return all !== undefined && all.until > nowS && signedInAt <= all.before;
    },
    recordActivity(event: ActivityEvent, json = JSON.stringify(event)) {
      trail.push(json);
      if (trail.length > ACTIVITY_MAX_EVENTS * 1.1) trail = trail.slice(-ACTIVITY_MAX_EVENTS);
      if (isOwnActivity(event)) seen.set(event.user!, Date.parse(event.time));
    },
    async listActivity(query: ActivityQuery) {
      const oldest = new Date(Date.now() - ACTIVITY_MAX_AGE_MS).toISOString();
      const found: ActivityEvent[] = [];
      const start = Math.max(0, trail.length - ACTIVITY_MAX_EVENTS);
      for (let i = trail.length - 1; i >= start && found.length < query.limit; i -= 1) {
        const event = JSON.parse(trail[i]!) as ActivityEvent;
        if (event.time < oldest) break;
        if (matches(event, query)) found.push(event);
      }
      return found;
    },
    async lastSeen(email: string) {
      return seen.get(email) ?? null;
    },
    async health() {
      return { kind: "memory", answers: true };
    },
    async close() {},
  };
}
