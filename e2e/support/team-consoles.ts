// Consoles with team keys, for the specs about them: production builds with TEAM_KEYS and the staff of
// users.mjs, optionally two sharing a real redis-server (Debian's, on loopback), each with its output in
// LOG_DIR so the leak scan reads it. Started and stopped by the spec that uses them.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { consoleEnv } from "../../scripts/console-env.mjs";
import { freePort, startOwnConsole, type OwnConsole } from "./api-client";
import type { ConsolePage } from "./pages/console";
import { SignInPage } from "./pages/sign-in";
import { startRedis } from "./redis.mjs";
import { LOG_DIR, STAFF, teamKeysSetting } from "./users.mjs";

export type TeamConsoles = {
  consoles: OwnConsole[];
  /** Set when the consoles share a Redis. */
  redisUrl: string | null;
  stop: () => Promise<void>;
};

type Options = {
  /** Names the log files (`{name}-a.log`, ...) and the Redis folder. */
  name: string;
  /** The JobNimbus the consoles call: the mock (browser suite) or the test upstream (api suite). */
  upstream: string;
  /** One port per console; a free one from 5200-5299 each when not given. */
  ports?: number[];
  /** Two or more consoles share state only through Redis. */
  redis: boolean;
  extra?: Record<string, string>;
};

export async function startTeamConsoles({ name, upstream, ports = [0], redis, extra = {} }: Options): Promise<TeamConsoles> {
  const server = redis ? await startRedis({ dir: `${LOG_DIR}redis-${name}` }) : null;
  // Every instance of one deployment has the same secrets.
  const shared = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    VAULT_SECRET: randomBytes(32).toString("base64url"),
    TEAM_KEYS: teamKeysSetting(),
    ...(server ? { REDIS_URL: server.url } : {}),
    ...extra,
  };
  const consoles: OwnConsole[] = [];
  const stop = async () => {
    await Promise.all(consoles.map((one) => one.stop()));
    await server?.stop();
  };
  try {
    for (const [index, wanted] of ports.entries()) {
      const port = wanted || (await freePort(5200, 5299));
      const env = await consoleEnv({ port, host: "127.0.0.1", upstream, users: Object.values(STAFF), extra: shared });
      consoles.push(await startOwnConsole({ name: `${name}-${String.fromCharCode(97 + index)}`, port, env }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { consoles, redisUrl: server?.url ?? null, stop };
}

/** Signs one of STAFF in with the password form of the console `page` is on (its context's baseURL); ends on that console. */
export async function signInAsStaff(page: Page, who: keyof typeof STAFF, origin: string): Promise<ConsolePage> {
  return new SignInPage(page).signInWithPassword(STAFF[who].email, STAFF[who].password, origin);
}
