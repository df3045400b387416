// Processes the benchmark starts and watches: the bench upstream, the production console,
// the bare forwarding baseline (built into bench/.next and removed afterwards), plus the
// /proc readers it needs (which process listens on a port, its resident memory).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";

export const ROOT = new URL("../", import.meta.url).pathname;
export const NEXT_BIN = `${ROOT}node_modules/next/dist/bin/next`;
export const BASELINE_DIR = `${ROOT}bench/baseline`;
/** Relative to BASELINE_DIR: Next only accepts a dist dir inside the app or its workspace. */
export const BASELINE_DIST = "../.next";
export const BASELINE_DIST_ABS = `${ROOT}bench/.next`;
export const BUILD_LOCK = "/tmp/jnc-build.lock";

const log = (line) => process.stderr.write(`[bench] ${line}\n`);

// ---- /proc ----

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 0;
  }
}

function ancestors(pid = process.pid) {
  const out = [];
  for (let p = pid; p > 1; p = parentOf(p)) out.push(p);
  return out;
}

/** True when this process or one of its ancestors (e.g. `flock LOCK npm run bench`) holds the lock. */
export function lockHeldByUs(path = BUILD_LOCK) {
  if (!existsSync(path)) return false;
  const inode = statSync(path).ino;
  const mine = new Set(ancestors());
  return readFileSync("/proc/locks", "utf8")
    .split("\n")
    .some((line) => {
      const f = line.trim().split(/\s+/);
      // "1: FLOCK  ADVISORY  WRITE 4242 fd:01:1234 0 EOF"
      return f[1] === "FLOCK" && mine.has(Number(f[4])) && Number(f[5]?.split(":")[2]) === inode;
    });
}

function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(entry));
  }
  const out = [pid];
  for (let i = 0; i < out.length; i += 1) out.push(...(children.get(out[i]) ?? []));
  return out;
}

/** The pid (the spawned process or one of its descendants) whose socket listens on `port`. */
export function listenerPid(rootPid, port) {
  const inodes = new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== "0A") continue; // 0A = LISTEN
      if (parseInt(f[1].split(":")[1], 16) === port) inodes.add(f[9]);
    }
  }
  for (const pid of descendants(rootPid)) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return pid;
      } catch {}
    }
  }
  return null;
}

/** Resident memory of a process in bytes (VmRSS), or null once it is gone. */
export function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

// ---- CPU pinning ----

/**
 * With two or more CPUs and taskset, the servers under test get the last CPU to themselves and
 * the load generator and bench upstream share the others (BENCH_PIN=1; off by default: on this
 * 2-CPU machine it did not make rounds steadier, and it puts the server's threadpool on its one core).
 */
export const PIN = (() => {
  const cpus = os.availableParallelism();
  if (process.env.BENCH_PIN !== "1" || cpus < 2) return null;
  if (spawnSync("taskset", ["-V"], { stdio: "ignore" }).status !== 0) return null;
  return { server: String(cpus - 1), load: cpus === 2 ? "0" : `0-${cpus - 2}` };
})();

/** [command, args] that start `args` (a node command line) pinned to `cpus` when pinning is on. */
function pinned(cpus, args) {
  return PIN && cpus ? ["taskset", ["-c", cpus, process.execPath, ...args]] : [process.execPath, args];
}

/** Moves this process (every thread) onto the load generator's CPUs. */
export function pinSelf() {
  if (PIN) spawnSync("taskset", ["-a", "-p", "-c", PIN.load, String(process.pid)], { stdio: "ignore" });
}

// ---- ports and readiness ----

export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () => reject(new Error(`port ${port} on 127.0.0.1 is in use; set BENCH_PORT_BASE to another free block in 5100-5199`)));
    server.listen(port, "127.0.0.1", () => server.close(resolve));
  });
}

async function waitFor(url, child, name) {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not answer ${url} within 30 s`);
}

// ---- builds ----

/** Builds the console only when .next/BUILD_ID is missing; under the shared build lock. */
export function ensureConsoleBuild() {
  if (existsSync(`${ROOT}.next/BUILD_ID`)) return;
  log("no .next/BUILD_ID: building the console (next build)");
  const direct = lockHeldByUs() || !hasFlock();
  const [cmd, args] = direct ? [process.execPath, [NEXT_BIN, "build"]] : ["flock", [BUILD_LOCK, process.execPath, NEXT_BIN, "build"]];
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", 2, 2], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build of the console failed");
}

export function hasFlock() {
  return spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Builds bench/baseline into bench/.next (removed again by removeBaselineBuild). */
export function buildBaseline() {
  removeBaselineBuild();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: BASELINE_DIR,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", BENCH_BASELINE_DIST: BASELINE_DIST, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error("next build of bench/baseline failed");
  }
}

export function removeBaselineBuild() {
  rmSync(BASELINE_DIST_ABS, { recursive: true, force: true });
}

// ---- processes ----

const running = new Set();

function track(child, name) {
  const entry = {
    child,
    name,
    stop: () =>
      new Promise((resolve) => {
        running.delete(entry);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 5000).unref();
      }),
  };
  running.add(entry);
  return entry;
}

export async function stopAll() {
  await Promise.all([...running].map((entry) => entry.stop()));
}

/** The bench upstream as its own process (so its CPU is not the load generator's). */
export async function startUpstreamProcess(port, apiKey) {
  await assertPortFree(port);
  const [command, args] = pinned(PIN?.load, [`${ROOT}bench/upstream.mjs`, String(port), apiKey]);
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`bench upstream exited with ${code}`)));
  });
  child.removeAllListeners("exit");
  // The IPC channel stays open: if this process dies, the upstream sees it close and exits.
  return { ...track(child, "upstream"), url: `http://127.0.0.1:${port}`, pid: child.pid };
}

/**
 * `next start` for an app dir; counts stdout lines that are audit entries and stderr lines that
 * say a vault cookie was ignored (both are sanity checks of the run).
 */
export async function startNext({ name, cwd, port, env, readyPath }) {
  await assertPortFree(port);
  const [command, args] = pinned(PIN?.server, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"]);
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const counters = { audit: 0, vaultIgnored: 0, tail: [] };
  const scan = (chunk) => {
    const text = chunk.toString("utf8");
    let at = text.indexOf('"event":"proxy"');
    while (at !== -1) {
      counters.audit += 1;
      at = text.indexOf('"event":"proxy"', at + 15);
    }
    if (text.includes("vault.ignored")) counters.vaultIgnored += text.split("vault.ignored").length - 1;
  };
  const remember = (chunk) => {
    counters.tail.push(chunk.toString("utf8"));
    if (counters.tail.length > 40) counters.tail.shift();
  };
  child.stdout.on("data", (chunk) => (scan(chunk), chunk.length < 2000 && !chunk.includes('"event":"proxy"') && remember(chunk)));
  child.stderr.on("data", (chunk) => (scan(chunk), remember(chunk)));
  const entry = track(child, name);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}${readyPath}`, child, name);
  } catch (error) {
    process.stderr.write(counters.tail.join(""));
    throw error;
  }
  const pid = listenerPid(child.pid, port);
  if (!pid) throw new Error(`could not find the process listening on ${port} for ${name}`);
  return { ...entry, url, pid, counters };
}
