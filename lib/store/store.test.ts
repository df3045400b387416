// Both stores keep the same promises: revocations (one sign-in, or all of a person's before a moment),
// the activity trail (newest first, filtered, paged, bounded), last seen, limiters that count, health.
// The Redis one runs against Debian's redis-server on loopback; two stores on one Redis see each other.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_REDIS, REDIS_SERVER, startRedis } from "@/e2e/support/redis.mjs";
import { memoryStore } from "./memory-store";
import { redisStore, NOT_REVOKED_CACHE_MS } from "./redis-store";
import type { ActivityEvent, Store } from "./types";

const nowS = () => Math.floor(Date.now() / 1000);
let counter = 0;
const event = (over: Partial<ActivityEvent> = {}): ActivityEvent => {
  counter += 1;
  return {
    event: "proxy",
    time: new Date(Date.now() - 1000 + counter).toISOString(),
    user: "alice@example.com",
    method: "GET",
    path: "/contacts",
    status: 200,
    outcome: "response",
    requestId: `r-${counter}`,
    ...over,
  };
};
/** Past the Redis store's trail flush (100 ms). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

function contract(name: string, make: () => Store | Promise<Store>) {
  describe(name, () => {
    let store: Store;
    beforeAll(async () => {
      store = await make();
    });
    afterAll(async () => {
      await store.close();
    });

    it("revokes one sign-in until its end, and no other", async () => {
      const alice = { sid: `sid-a-${name}`, email: "alice@example.com", signedInAt: nowS() - 10 };
      const other = { ...alice, sid: `sid-b-${name}` };
      expect(await store.isRevoked(alice)).toBe(false);
      await store.revokeSignIn(alice.sid, nowS() + 3600);
      expect(await store.isRevoked(alice)).toBe(true);
      expect(await store.isRevoked(other)).toBe(false);
    });

    it("revokes every sign-in of a person made at or before a moment, not later ones", async () => {
      const email = `everywhere-${name}@example.com`;
      const before = nowS();
      await store.revokeAllSignInsOf(email, before);
      expect(await store.isRevoked({ sid: `x1-${name}`, email, signedInAt: before - 100 })).toBe(true);
      expect(await store.isRevoked({ sid: `x2-${name}`, email, signedInAt: before })).toBe(true);
      expect(await store.isRevoked({ sid: `x3-${name}`, email, signedInAt: before + 1 })).toBe(false);
      expect(await store.isRevoked({ sid: `x4-${name}`, email: "someone@example.com", signedInAt: before - 100 })).toBe(false);
    });

    it("keeps the trail newest first, filters by person and status, pages with `before`, and knows who was last seen", async () => {
      const user = `trail-${name}@example.com`;
      const mine = [event({ user }), event({ user, status: 403, event: "refused", outcome: "refused", reason: "csrf" }), event({ user }), event({ user, status: 404 })];
      for (const e of mine) store.recordActivity(e);
      store.recordActivity(event({ user: "bob@example.com" }));
      await settle();
      const listed = await store.listActivity({ user, limit: 10 });
      expect(listed.map((e) => e.requestId)).toEqual(mine.map((e) => e.requestId).reverse());
      expect((await store.listActivity({ user, status: 403, limit: 10 })).map((e) => e.reason)).toEqual(["csrf"]);
      const firstPage = await store.listActivity({ user, limit: 2 });
      const nextPage = await store.listActivity({ user, limit: 2, before: firstPage.at(-1)!.time });
      expect([...firstPage, ...nextPage].map((e) => e.requestId)).toEqual(listed.map((e) => e.requestId));
      // Last seen: the newest thing done as themselves (a refusal does not count).
      expect(await store.lastSeen(user)).toBe(Date.parse(mine[3]!.time));
      expect(await store.lastSeen(`nobody-${name}@example.com`)).toBeNull();
    });

    it("counts sign-in attempts in its limiters", async () => {
      const key = `limit-${name}@example.com|unknown`;
      const { pair } = await store.limiters();
      for (let i = 0; i < pair.points; i += 1) await pair.consume(key);
      await expect(pair.consume(key)).rejects.toMatchObject({ remainingPoints: 0 });
      expect((await pair.get(key))?.msBeforeNext).toBeGreaterThan(0);
    });

    it("says what it is and that it answers", async () => {
      expect(await store.health()).toEqual({ kind: store.kind, answers: true });
    });
  });
}

contract("memory", () => memoryStore(3));

describe.skipIf(!REDIS_SERVER)(`redis${REDIS_SERVER ? "" : ` (${NO_REDIS})`}`, () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    redis = await startRedis({ dir: mkdtempSync(path.join(tmpdir(), "jnc-redis-")) });
  });
  afterAll(async () => {
    await redis?.stop();
  });

  contract("redis", () => redisStore(redis.url, 3));

  it("two instances on one Redis see each other's counts, revocations (within the cache window) and trail", async () => {
    const a = redisStore(redis.url, 3);
    const b = redisStore(redis.url, 3);
    try {
      const key = "shared@example.com|unknown";
      const [la, lb] = await Promise.all([a.limiters(), b.limiters()]);
      await la.pair.consume(key);
      await la.pair.consume(key);
      expect((await lb.pair.get(key))?.consumedPoints).toBe(2);

      const signIn = { sid: "sid-shared", email: "shared@example.com", signedInAt: nowS() };
      expect(await b.isRevoked(signIn)).toBe(false);
      await a.revokeSignIn(signIn.sid, nowS() + 600);
      expect(await a.isRevoked(signIn), "at once on the instance that revoked").toBe(true);
      await new Promise((resolve) => setTimeout(resolve, NOT_REVOKED_CACHE_MS + 50));
      expect(await b.isRevoked(signIn), "on the other once its cache window is over").toBe(true);

      a.recordActivity(event({ user: "shared@example.com", requestId: "from-a" }));
      await settle();
      expect((await b.listActivity({ user: "shared@example.com", limit: 5 })).map((e) => e.requestId)).toEqual(["from-a"]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("Redis down: health says so, the limiters throw (sign-in fails closed), revocation checks answer 'not revoked'", async () => {
    const store = redisStore(redis.url, 3);
    try {
      expect(await store.health()).toEqual({ kind: "redis", answers: true });
      await redis.stop();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await store.health()).toEqual({ kind: "redis", answers: false });
      await expect((await store.limiters()).pair.consume("down@example.com|unknown")).rejects.toBeInstanceOf(Error);
      expect(await store.isRevoked({ sid: "sid-down", email: "down@example.com", signedInAt: nowS() })).toBe(false);
      store.recordActivity(event());
    } finally {
      await store.close();
      await redis.restart();
    }
  });
});
