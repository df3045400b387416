// Where does a proxied call's time go? Not part of `npm run bench`; run it when a throughput
// target is missed:   node bench/profile.mjs [--variant proxy|health] [--seconds 10] [--keep DIR]
// Starts the bench upstream and the production console with V8's sampling profiler loaded
// (bench/cpu-prof-preload.mjs, switched on and off by SIGUSR2 around the load window),
// signs in and saves a key, loads one variant with autocannon (10 connections), and prints:
//   - CPU used per request by the console's main thread and by its other threads (libuv's
//     threadpool, where WebCrypto and crypto.hkdf run), from /proc/<pid>/task/*/stat;
//   - the main thread's busy time by source module (via the build's source maps).
// The profile is written to a temporary directory and deleted unless --keep DIR is given.
// Takes the shared build lock like run.mjs (ports base+1, base+2 of BENCH_PORT_BASE, default 5100).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { consoleEnv } from "../scripts/console-env.mjs";
import { Person } from "./client.mjs";
import { analyseProfile } from "./cpu-profile.mjs";
import { runOnce } from "./load.mjs";
import { BUILD_LOCK, PIN, ROOT, ensureConsoleBuild, hasFlock, lockHeldByUs, pinSelf, startNext, startUpstreamProcess, stopAll } from "./servers.mjs";
import { fixed, int, table } from "./table.mjs";
import { SMALL_PATH } from "./upstream.mjs";

const log = (line) => process.stderr.write(`[profile] ${line}\n`);
const { values: args } = parseArgs({
  options: { variant: { type: "string", default: "proxy" }, seconds: { type: "string", default: "10" }, keep: { type: "string" } },
});

if (hasFlock() && !lockHeldByUs() && process.env.BENCH_NO_LOCK !== "1") {
  log(`waiting for ${BUILD_LOCK}`);
  const child = spawn("flock", [BUILD_LOCK, process.execPath, new URL(import.meta.url).pathname, ...process.argv.slice(2)], { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  await main();
}

/** CPU ticks (utime+stime) per thread of a process: main thread (tid = pid) and the rest. */
function threadTicks(pid) {
  let main = 0;
  let others = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (Number(tid) === pid) main += ticks;
    else others += ticks;
  }
  return { main, others };
}

function processTicks(pid) {
  const t = threadTicks(pid);
  return t.main + t.others;
}

async function main() {
  const seconds = Number(args.seconds);
  const portBase = Number(process.env.BENCH_PORT_BASE ?? 5100);
  const profileDir = mkdtempSync(`${os.tmpdir()}/jnc-cpu-prof-`);
  const TICK_US = 1e6 / 100; // USER_HZ
  pinSelf();
  try {
    ensureConsoleBuild();
    const apiKey = `bench-${randomBytes(12).toString("base64url")}`;
    const user = { email: "bench@bench.local", password: `pw-${randomBytes(9).toString("base64url")}`, role: "editor" };
    const upstream = await startUpstreamProcess(portBase + 1, apiKey);
    const env = await consoleEnv({
      port: portBase + 2,
      host: "127.0.0.1",
      upstream: upstream.url,
      users: [user],
      extra: {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${ROOT}bench/cpu-prof-preload.mjs`.trim(),
        BENCH_CPU_PROF_DIR: profileDir,
      },
    });
    const server = await startNext({ name: "console", cwd: ROOT, port: portBase + 2, env, readyPath: "/api/health" });
    const person = new Person(server.url);
    await person.signIn(user.email, user.password);
    await person.saveKey(apiKey);
    const url = args.variant === "health" ? `${server.url}/api/health` : `${server.url}/api/proxy/${SMALL_PATH}`;
    const headers = person.proxyHeaders();

    log("warming up (3 s)");
    await runOnce({ url, headers, connections: 10, seconds: 3 });
    process.kill(server.pid, "SIGUSR2"); // profiler on
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = { console: threadTicks(server.pid), upstream: processTicks(upstream.pid), bench: process.cpuUsage() };
    log(`loading ${args.variant} for ${seconds} s`);
    const result = await runOnce({ url, headers, connections: 10, seconds });
    const after = { console: threadTicks(server.pid), upstream: processTicks(upstream.pid), bench: process.cpuUsage(before.bench) };
    process.kill(server.pid, "SIGUSR2"); // profiler off: writes <pid>.cpuprofile, then <pid>.done
    if (result.bad) throw new Error(`${result.bad} failed requests`);
    for (let i = 0; i < 100 && !existsSync(`${profileDir}/${server.pid}.done`); i += 1) await new Promise((r) => setTimeout(r, 100));
    await stopAll();
    const requests = result.total;
    const perRequest = (ticks) => (ticks * TICK_US) / requests;
    const mainUs = perRequest(after.console.main - before.console.main);
    const otherUs = perRequest(after.console.others - before.console.others);
    const serverProfile = `${server.pid}.cpuprofile`;
    if (!existsSync(`${profileDir}/${serverProfile}`)) throw new Error(`no profile was written to ${profileDir}`);
    const analysis = analyseProfile(`${profileDir}/${serverProfile}`, { root: ROOT });

    const busy = analysis.busyUs;
    const lines = [
      `CPU profile of the console under load: ${args.variant} (${args.variant === "health" ? "/api/health" : `/api/proxy/${SMALL_PATH}`}), 10 connections, ${seconds} s`,
      `${int(result.rps)} req/s, p50 ${fixed(result.p50, 2)} ms, p99 ${fixed(result.p99, 2)} ms, ${int(requests)} requests (sampling profiler on: slower than an unprofiled run)`,
      PIN ? `pinned: console on CPU ${PIN.server}, load generator and upstream on CPU ${PIN.load}` : "not pinned to CPUs",
      "",
      table(
        ["CPU per request (from /proc/<pid>/task/*/stat)", "µs"],
        [
          ["console main thread (JS, V8, I/O callbacks)", fixed(mainUs, 0)],
          ["console other threads (libuv threadpool: WebCrypto, hkdf; GC helpers)", fixed(otherUs, 0)],
          ["console total", fixed(mainUs + otherUs, 0)],
          ["bench upstream process", fixed(perRequest(after.upstream - before.upstream), 0)],
          ["load generator (this process)", fixed((after.bench.user + after.bench.system) / requests, 0)],
        ],
      ),
      "",
      `Main thread in the load window: busy ${fixed(busy / 1000, 0)} ms, idle ${fixed(analysis.idleUs / 1000, 0)} ms (${fixed((100 * busy) / (busy + analysis.idleUs), 0)}% busy)`,
      table(
        ["where the main thread's busy time went (nearest app/library frame)", "% busy", "µs/request"],
        analysis.categories.map(([name, us]) => [name, fixed((100 * us) / busy, 1), fixed(us / requests, 1)]),
      ),
      "",
      table(
        ["top functions by self time (source via the build's source maps)", "% busy"],
        analysis.functions.slice(0, 25).map(([name, us]) => [name.length > 110 ? `${name.slice(0, 107)}...` : name, fixed((100 * us) / busy, 1)]),
      ),
    ];
    if (args.keep) {
      cpSync(`${profileDir}/${serverProfile}`, `${args.keep}/${serverProfile}`);
      lines.push("", `profile kept: ${args.keep}/${serverProfile}`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await stopAll();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
