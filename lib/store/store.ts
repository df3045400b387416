// The one place that decides where shared state lives: Redis when REDIS_URL is set, else this
// process's memory. Everything else asks getStore() and cannot tell which it got.
import "server-only";
import { getEnv, type Env } from "@/lib/config/env";
import { memoryStore } from "./memory-store";
import { redisStore } from "./redis-store";
import type { Store } from "./types";

/**
 * One store per process, kept on globalThis: Next.js bundles pages and route handlers apart, each
 * with its own copy of this module, and a sign-out recorded by next-auth's route must be seen by
 * the pages and the proxy. A store is made for the settings it was asked with.
 */
const HOLDER = Symbol.for("jobnimbus-console.store");
type Holder = { [HOLDER]?: { redisUrl: string | undefined; maxFailures: number; store: Store } };

export function getStore(env: Env = getEnv()): Store {
  const holder = globalThis as Holder;
  const current = holder[HOLDER];
  if (current?.redisUrl !== env.REDIS_URL || current?.maxFailures !== env.LOGIN_MAX_FAILURES) {
    void current?.store.close();
    const store = env.REDIS_URL ? redisStore(env.REDIS_URL, env.LOGIN_MAX_FAILURES) : memoryStore(env.LOGIN_MAX_FAILURES);
    holder[HOLDER] = { redisUrl: env.REDIS_URL, maxFailures: env.LOGIN_MAX_FAILURES, store };
  }
  return holder[HOLDER]!.store;
}

export type { ActivityEvent, ActivityQuery, SignInRef, Store, StoreHealth } from "./types";
export { StoreUnavailableError } from "./types";
