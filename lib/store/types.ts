// What the features need from shared state, and nothing generic: one Store, kept in memory for one
// process or in Redis for many (lib/store/store.ts picks). No other module knows which is in use.
import "server-only";
import type { RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * One thing that happened: a proxied call, a refusal, a sign-in or sign-out, an administrator's action. The audit line on stdout
 * and the activity trail carry the same event. Never a key, a body, a password or a query string.
 */
export type ActivityEvent = {
  /** "admin": something an administrator did on /admin (such as "sign out everywhere"). */
  event: "proxy" | "refused" | "sign-in" | "sign-out" | "admin";
  /** ISO time. */
  time: string;
  /** The signed-in person, the email typed at a refused sign-in, or null when nobody is known. */
  user: string | null;
  /** The label of the key a proxied call used (never the key). */
  key?: string;
  /** True when that key is a team key (TEAM_KEYS) rather than the person's own. */
  shared?: boolean;
  /** Whom the call acted as in JobNimbus, when the console set `actor` (a team key that acts as the signed-in person). */
  actor?: string;
  method: string;
  /** Without the query string (it can hold customer data). */
  path: string;
  upstream?: "platform" | "legacy";
  status: number;
  /** "response", "cut-off", "aborted", "refused", "signed-in", "signed-out", ... */
  outcome: string;
  /** Whom an administrator's action concerned (the person signed out everywhere). */
  subject?: string;
  /** Why it was refused, as a short code ("no-session", "csrf", "role", "wrong-password", ...). */
  reason?: string;
  durationMs?: number;
  requestId: string;
};

export type ActivityQuery = {
  user?: string;
  status?: number;
  limit: number;
  /** Only events strictly older than this ISO time (the cursor for the next page). */
  before?: string;
};

/** The trail keeps the last 50,000 events or 30 days, whichever is smaller. */
export const ACTIVITY_MAX_EVENTS = 50_000;
export const ACTIVITY_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export type StoreHealth = { kind: "memory" | "redis"; answers: boolean };

/** The sign-in throttle's counters (lib/auth/2-throttle.ts): one per (email, address), per address, per email. */
export type SignInLimiters = { pair: RateLimiterAbstract; address: RateLimiterAbstract; email: RateLimiterAbstract };

/** What a revocation check needs to know of a sign-in. */
export type SignInRef = { sid: string; email: string; signedInAt: number };

export type Store = {
  readonly kind: "memory" | "redis";
  /** The throttle's counters, once the store can be asked. */
  limiters(): Promise<SignInLimiters>;
  /** Refuses this sign-in from now until `until` (epoch seconds, its natural end). */
  revokeSignIn(sid: string, until: number): Promise<void>;
  /** Refuses every sign-in of `email` made at or before `before` (epoch seconds): "sign out everywhere". */
  revokeAllSignInsOf(email: string, before: number): Promise<void>;
  isRevoked(signIn: SignInRef): Promise<boolean>;
  /**
   * Adds one event to the trail; never throws, never waits for the store. `json` is the event as
   * JSON when the caller has it already (the audit line): kept as text, it costs the garbage
   * collector nothing to walk, which 50,000 objects would.
   */
  recordActivity(event: ActivityEvent, json?: string): void;
  /** Newest first. */
  listActivity(query: ActivityQuery): Promise<ActivityEvent[]>;
  /** When this person last did something as themselves (epoch ms), or null. */
  lastSeen(email: string): Promise<number | null>;
  health(): Promise<StoreHealth>;
  /** Ends connections (tests, shutdown). */
  close(): Promise<void>;
};

/** Thrown when the shared store does not answer: sign-in then fails closed with this message. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("The shared store (Redis) does not answer.", { cause });
    this.name = "StoreUnavailableError";
  }
}

/** Whether an event is something a person did as themselves (it moves their "last seen"). */
export function isOwnActivity(event: ActivityEvent): boolean {
  return event.user !== null && event.event !== "refused";
}

/** The query's filters, shared by both stores so they answer alike. */
export function matches(event: ActivityEvent, query: ActivityQuery): boolean {
  if (query.user !== undefined && event.user !== query.user) return false;
  if (query.status !== undefined && event.status !== query.status) return false;
  if (query.before !== undefined && !(event.time < query.before)) return false;
  return true;
}
