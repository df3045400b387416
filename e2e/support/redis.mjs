// Debian's redis-server on loopback for tests and the bench: a free port, no persistence, its own
// folder; stopped by its process id. Absent redis-server: `REDIS_SERVER` is null and callers skip.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";

export const REDIS_SERVER = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0 ? "redis-server" : null;
export const NO_REDIS = "redis-server is not installed (apt-get install redis-server): the shared-store tests are skipped";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Answers PING within a few seconds, or throws. */
async function waitForPing(port) {
  for (let i = 0; i < 100; i += 1) {
    const answered = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.setTimeout(500, () => socket.destroy());
      socket.on("connect", () => socket.write("PING\r\n"));
      socket.on("data", (data) => {
        resolve(data.toString().startsWith("+PONG"));
        socket.destroy();
      });
      socket.on("error", () => resolve(false));
      socket.on("close", () => resolve(false));
    });
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING`);
}

/**
 * @param {{ dir: string, port?: number }} options
 * @returns {Promise<{ url: string, port: number, pid: number, stop: () => Promise<void>, restart: () => Promise<void> }>}
 */
export async function startRedis({ dir, port }) {
  if (!REDIS_SERVER) throw new Error(NO_REDIS);
  mkdirSync(dir, { recursive: true });
  const chosen = port ?? (await freePort());
  let child;
  const launch = async () => {
    child = spawn(REDIS_SERVER, ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
      stdio: "ignore",
    });
    await waitForPing(chosen);
  };
  const stop = () =>
    new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  await launch();
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    get pid() {
      return child.pid;
    },
    stop,
    /** Starts it again on the same port (empty: nothing is saved). */
    restart: async () => {
      await stop();
      await launch();
    },
  };
}
