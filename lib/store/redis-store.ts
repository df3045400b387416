// Shared state in Redis (REDIS_URL), so every instance sees the same sign-in counts, revoked sign-ins
// and activity trail. Fails fast when Redis does not answer: no offline queue, a one-second command
// limit; the callers decide what a failure means (sign-in fails closed, signed-in people go on).
import "server-only";
import { createClient } from "@redis/client";
import { RateLimiterRedis } from "rate-limiter-flexible";
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
  type StoreHealth,
} from "./types";

const PREFIX = "jnc:";
const TRAIL = `${PREFIX}activity`;
const LAST_SEEN = `${PREFIX}last-seen`;
const sidKey = (sid: string) => `${PREFIX}revoked:sid:${sid}`;
const emailKey = (email: string) => `${PREFIX}revoked:before:${email}`;

/**
 * How long this instance believes a "not revoked" answer: a sign-out made on another instance is
 * honoured here at most this much later (docs/security.md). Revocations made here count at once.
 */
export const NOT_REVOKED_CACHE_MS = 1000;
const CACHE_SIZE = 10_000;
const FIRST_CONNECT_MS = 2500;
/**
 * Trail events are written together at most this long after they happen: one ZADD for all the
 * calls of that time instead of one per call (Redis shares the CPUs; the stdout line is at once).
 */
const TRAIL_FLUSH_MS = 100;
/** Health is asked often (load balancers, the bench); Redis is pinged at most this often. */
const HEALTH_PING_MS = 1000;

type Client = ReturnType<typeof createClient>;

/** One log line per kind of failure and ten seconds, however many calls fail. */
function errorLogger() {
  const last = new Map<string, number>();
  return (what: string, error: unknown) => {
    const now = Date.now();
    if (now - (last.get(what) ?? 0) < 10_000) return;
    last.set(what, now);
    const message = error instanceof Error ? error.message : String(error);
    console.error(JSON.stringify({ event: "store.error", store: "redis", what, message: message.slice(0, 200), time: new Date().toISOString() }));
  };
}

export function redisStore(url: string, maxFailures: number): Store {
  const logError = errorLogger();
  const client: Client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
    commandOptions: { timeout: 1000, rejectInFlight: true },
  });
  client.on("error", (error: unknown) => logError("connection", error));
  const connecting = client.connect().then(
    () => undefined,
    (error: unknown) => logError("connect", error),
  );
  /**
   * Commands wait for the first connection attempt only (a fresh instance must not refuse its first
   * sign-in), and at most FIRST_CONNECT_MS; after that, no connection means an immediate failure.
   */
  const firstAttempt = Promise.race([connecting, new Promise<void>((resolve) => setTimeout(resolve, FIRST_CONNECT_MS).unref())]);
  let firstAttemptOver = false;
  void firstAttempt.then(() => (firstAttemptOver = true));
  const ready = () => (firstAttemptOver ? undefined : firstAttempt);

  const options = limiterOptions(maxFailures, `${PREFIX}signin:`);
  const limiter = (o: (typeof options)["pair"]) =>
    new RateLimiterRedis({ ...o, storeClient: client, useRedisPackage: true, rejectIfRedisNotReady: true });

  const limiters = { pair: limiter(options.pair), address: limiter(options.address), email: limiter(options.email) };

  const notRevokedUntil = new Map<string, number>();
  const revokedHere = new Map<string, number>();
  const pending = new Map<string, Promise<boolean>>();

  async function askRedis({ sid, email, signedInAt }: SignInRef): Promise<boolean> {
    try {
      await ready();
      const [bySid, before] = await client.mGet([sidKey(sid), emailKey(email)]);
      const revoked = bySid !== null || (before !== null && signedInAt <= Number(before));
      if (notRevokedUntil.size >= CACHE_SIZE) notRevokedUntil.clear();
      if (!revoked) notRevokedUntil.set(sid, Date.now() + NOT_REVOKED_CACHE_MS);
      return revoked;
    } catch (error) {
      // Redis down: people already signed in keep working (their sign-in was checked when it was made).
      logError("revocation-check", error);
      return false;
    }
  }

  let queued: { event: ActivityEvent; json: string }[] = [];
  let flushes = 0;
  async function flush(): Promise<void> {
    await ready();
    const events = queued;
    queued = [];
    // One ZADD and one HSET per flush, whatever the number of calls in it.
    const seen = new Map<string, string>();
    for (const { event } of events) if (isOwnActivity(event)) seen.set(event.user!, String(Date.parse(event.time)));
    const multi = client.multi();
    multi.zAdd(
      TRAIL,
      events.map(({ event, json }) => ({ score: Date.parse(event.time), value: json })),
    );
    if (seen.size > 0) multi.hSet(LAST_SEEN, seen);
    // Trimming costs a little; once in a while is enough to keep the bound.
    flushes += 1;
    if (flushes % 20 === 1) {
      multi.zRemRangeByScore(TRAIL, "-inf", Date.now() - ACTIVITY_MAX_AGE_MS);
      multi.zRemRangeByRank(TRAIL, 0, -ACTIVITY_MAX_EVENTS - 1);
    }
    try {
      await multi.execAsPipeline();
    } catch (error) {
      // Redis down: these events are in the stdout audit lines only.
      logError("activity", error);
    }
  }

  let health: { at: number; answers: Promise<boolean> } | undefined;

  return {
    kind: "redis",
    async limiters() {
      await ready();
      return limiters;
    },
    async revokeSignIn(sid: string, until: number) {
      revokedHere.set(sid, until);
      notRevokedUntil.delete(sid);
      await ready();
      await client.set(sidKey(sid), "1", { expiration: { type: "EXAT", value: Math.ceil(until) } });
    },
    async revokeAllSignInsOf(email: string, before: number) {
      notRevokedUntil.clear();
      await ready();
      await client.set(emailKey(email), String(before), { expiration: { type: "EXAT", value: Math.ceil(before + SIGN_IN_LIFETIME_S) } });
    },
    isRevoked(signIn: SignInRef) {
      const now = Date.now();
      const here = revokedHere.get(signIn.sid);
      if (here !== undefined && here > now / 1000) return Promise.resolve(true);
      if ((notRevokedUntil.get(signIn.sid) ?? 0) > now) return Promise.resolve(false);
      // Many calls of one sign-in at once wait for one answer.
      let answer = pending.get(signIn.sid);
      if (!answer) {
        answer = askRedis(signIn).finally(() => pending.delete(signIn.sid));
        pending.set(signIn.sid, answer);
      }
      return answer;
    },
    recordActivity(event: ActivityEvent, json = JSON.stringify(event)) {
      queued.push({ event, json });
      if (queued.length === 1) setTimeout(() => void flush(), TRAIL_FLUSH_MS).unref();
    },
    async listActivity(query: ActivityQuery) {
      await ready();
      const found: ActivityEvent[] = [];
      const max = query.before ? `(${Date.parse(query.before)}` : "+inf";
      const min = Date.now() - ACTIVITY_MAX_AGE_MS;
      for (let offset = 0; found.length < query.limit && offset < ACTIVITY_MAX_EVENTS; offset += 1000) {
        const page = await client.zRange(TRAIL, max, min, { BY: "SCORE", REV: true, LIMIT: { offset, count: 1000 } });
        for (const member of page) {
          const event = JSON.parse(member) as ActivityEvent;
          if (matches(event, query)) found.push(event);
          if (found.length >= query.limit) break;
        }
        if (page.length < 1000) break;
      }
      return found;
    },
    async lastSeen(email: string) {
      await ready();
      const at = await client.hGet(LAST_SEEN, email);
      return at === null || at === undefined ? null : Number(at);
    },
    async health(): Promise<StoreHealth> {
      await ready();
      const now = Date.now();
      if (!health || now - health.at >= HEALTH_PING_MS) {
        health = {
          at: now,
          answers: client.isReady
            ? client.ping().then(
                () => true,
                () => false,
              )
            : Promise.resolve(false),
        };
      }
      return { kind: "redis", answers: await health.answers };
    },
    async close() {
      await connecting;
      if (queued.length > 0) await flush();
      if (client.isOpen) client.destroy();
    },
  };
}
