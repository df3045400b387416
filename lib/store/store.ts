// The one place that decides where shared state lives: Redis when REDIS_URL is set, else this
// process's memory. Everything else asks getStore() and cannot tell which it got.
import "server-only";
import { getEnv, type Env } from "@/lib/config/env";
import { memoryStore } from "./memory-store";
import { redisStore } from "./redis-store";
import type { Store } from "./types";

let current: { env: Env; store: Store } | undefined;

export function getStore(env: Env = getEnv()): Store {
  if (current?.env !== env) {
    void current?.store.close();
    const store = env.REDIS_URL ? redisStore(env.REDIS_URL, env.LOGIN_MAX_FAILURES) : memoryStore(env.LOGIN_MAX_FAILURES);
    current = { env, store };
  }
  return current.store;
}

export type { ActivityEvent, ActivityQuery, SignInRef, Store, StoreHealth } from "./types";
export { StoreUnavailableError } from "./types";
