// `npm run bench`: the console's benchmark, on loopback only, against the production build.
// Prints one report (tables) on stdout; progress goes to stderr; leaves no files behind
// (the bare forwarding baseline is built into bench/.next and removed at the end).
// See docs/benchmarks.md for what each number means and the targets.
//
// Knobs (environment): BENCH_PORT_BASE (default 5100; uses base+1..base+5),
// BENCH_ROUNDS (5), BENCH_SECONDS (3), BENCH_ONLY (comma list of session,throughput,stream,browser),
// BENCH_BASE_DIR (another checkout with its own production build: its proxy and health join the
// throughput table, interleaved with this one's, to compare two versions in one run; uses base+6).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NO_REDIS, REDIS_SERVER, startRedis } from "../e2e/support/redis.mjs";
import { consoleEnv } from "../scripts/console-env.mjs";
import { browserBench } from "./browser.mjs";
import { Person, request } from "./client.mjs";
import { interleaved, median, pairedDifference, pairedRatio } from "./load.mjs";
import {
  BASELINE_DIR,
  BUILD_LOCK,
  PIN,
  ROOT,
  buildBaseline,
  ensureConsoleBuild,
  hasFlock,
  lockHeldByUs,
  pinSelf,
  removeBaselineBuild,
  startNext,
  startUpstreamProcess,
  stopAll,
} from "./servers.mjs";
import { sessionCost } from "./session-cost.mjs";
import { download } from "./stream.mjs";
import { EXPORT_RECORDS, RECORDS_PATH, SMALL_PATH, STREAM_PATH } from "./upstream.mjs";
import { fixed, int, kib, met, mib, table } from "./table.mjs";

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const CPUS = os.availableParallelism(); // before any pinning

// The console and the build share a lock with everyone on this machine: take it unless we hold it.
if (hasFlock() && !lockHeldByUs() && process.env.BENCH_NO_LOCK !== "1") {
  log(`waiting for ${BUILD_LOCK} (builds and test servers on this machine take turns)`);
  const child = spawn("flock", [BUILD_LOCK, process.execPath, new URL(import.meta.url).pathname], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await main();
}

async function main() {
  const only = new Set((process.env.BENCH_ONLY ?? "session,throughput,stream,browser").split(",").map((s) => s.trim()));
  const portBase = Number(process.env.BENCH_PORT_BASE ?? 5100);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  const ports = { upstream: portBase + 1, console: portBase + 2, baseline: portBase + 3, redisConsole: portBase + 4, redis: portBase + 5, other: portBase + 6 };
  if (portBase < 5100 || ports.other > 5199) throw new Error("BENCH_PORT_BASE must keep ports within 5100-5199");
  const otherDir = process.env.BENCH_BASE_DIR;

  let stopping = false;
  /** The throughput table's second console keeps its shared state in a redis-server of the bench's own. */
  let redis = null;
  const redisDir = mkdtempSync(path.join(os.tmpdir(), "jnc-bench-redis-"));
  const cleanUp = async () => {
    if (stopping) return;
    stopping = true;
    await stopAll();
    await redis?.stop();
    rmSync(redisDir, { recursive: true, force: true });
    removeBaselineBuild();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      log(`${signal}: stopping servers`);
      void cleanUp().then(() => process.exit(130));
    });
  }

  const started = Date.now();
  const report = [];
  pinSelf();
  try {
    ensureConsoleBuild();
    const apiKey = `bench-${randomBytes(12).toString("base64url")}`;
    const user = { email: "bench@bench.local", password: `pw-${randomBytes(9).toString("base64url")}`, role: "editor" };

    log("starting the bench upstream");
    const upstream = await startUpstreamProcess(ports.upstream, apiKey);
    const env = await consoleEnv({ port: ports.console, host: "127.0.0.1", upstream: upstream.url, users: [user] });
    log("starting the console (next start, production build)");
    const consoleServer = await startNext({ name: "console", cwd: ROOT, port: ports.console, env, readyPath: "/api/health" });

    let baseline = null;
    if (only.has("throughput") || only.has("stream")) {
      log("building the bare forwarding baseline (bench/baseline → bench/.next)");
      const buildStarted = Date.now();
      buildBaseline();
      log(`baseline built in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s; starting it`);
      baseline = await startNext({
        name: "baseline",
        cwd: BASELINE_DIR,
        port: ports.baseline,
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BENCH_UPSTREAM: upstream.url, BENCH_BASELINE_DIST: "../.next" },
        readyPath: `/api/forward/${SMALL_PATH}`,
      });
    }

    log("signing in through next-auth and saving a key with POST /api/keys");
    const person = new Person(consoleServer.url);
    await person.signIn(user.email, user.password);
    await person.saveKey(apiKey);
    const proxyHeaders = person.proxyHeaders();

    // Sanity: every path answers 200 with the same bytes the upstream sends.
    const direct = await request(upstream.url, "GET", `/${SMALL_PATH}`, { headers: { authorization: `Bearer ${apiKey}` } });
    const proxied = await request(consoleServer.url, "GET", `/api/proxy/${SMALL_PATH}`, { headers: proxyHeaders });
    if (proxied.status !== 200 || proxied.text !== direct.text) throw new Error(`the proxy answered ${proxied.status}: ${proxied.text.slice(0, 300)}`);
    if (baseline) {
      const forwarded = await request(baseline.url, "GET", `/api/forward/${SMALL_PATH}`, { headers: proxyHeaders });
      if (forwarded.status !== 200 || forwarded.text !== direct.text) throw new Error(`the baseline answered ${forwarded.status}`);
    }

    // The same console with REDIS_URL: what the shared store costs a proxied call.
    let redisConsole = null;
    let redisHeaders = null;
    if (only.has("throughput") && REDIS_SERVER) {
      log("starting redis-server and a second console with REDIS_URL");
      redis = await startRedis({ dir: redisDir, port: ports.redis });
      const redisEnv = await consoleEnv({ port: ports.redisConsole, host: "127.0.0.1", upstream: upstream.url, users: [user], extra: { REDIS_URL: redis.url } });
      redisConsole = await startNext({ name: "console-redis", cwd: ROOT, port: ports.redisConsole, env: redisEnv, readyPath: "/api/health" });
      const health = JSON.parse((await request(redisConsole.url, "GET", "/api/health")).text);
      if (health.store?.kind !== "redis" || !health.store.answers) throw new Error(`the Redis console's store: ${JSON.stringify(health.store)}`);
      const redisPerson = new Person(redisConsole.url);
      await redisPerson.signIn(user.email, user.password);
      await redisPerson.saveKey(apiKey);
      redisHeaders = redisPerson.proxyHeaders();
    } else if (only.has("throughput")) {
      log(`${NO_REDIS}: the throughput table has no Redis rows`);
    }

    // Another version of the console, to compare with in the same run.
    let other = null;
    let otherHeaders = null;
    if (only.has("throughput") && otherDir) {
      log(`starting the console built in ${otherDir} (BENCH_BASE_DIR)`);
      const otherEnv = await consoleEnv({ port: ports.other, host: "127.0.0.1", upstream: upstream.url, users: [user] });
      other = await startNext({ name: "console-base", cwd: otherDir, port: ports.other, env: otherEnv, readyPath: "/api/health" });
      const otherPerson = new Person(other.url);
      await otherPerson.signIn(user.email, user.password);
      await otherPerson.saveKey(apiKey);
      otherHeaders = otherPerson.proxyHeaders();
    }

    report.push(header(consoleServer, baseline));

    if (only.has("session")) {
      log("session cost: next-auth decode and iron-session unseal against lib/auth/6-session.ts and lib/vault/4-iron-open.ts, in-process");
      const cost = await sessionCost({
        sessionToken: person.cookies.get("jnc.session-token"),
        nextauthSecret: env.NEXTAUTH_SECRET,
        vaultSeal: person.cookies.get("jnc-vault"),
        vaultSecrets: env.VAULT_SECRET.split(",").map((s) => s.trim()),
        ttlSeconds: 12 * 3600,
      });
      report.push(sessionSection(cost));
    }

    if (only.has("throughput")) {
      const variants = [
        { name: "proxy", label: `full proxy     GET /api/proxy/${SMALL_PATH}`, url: `${consoleServer.url}/api/proxy/${SMALL_PATH}`, headers: proxyHeaders, pid: consoleServer.pid },
        { name: "health", label: "health         GET /api/health (same console)", url: `${consoleServer.url}/api/health`, headers: proxyHeaders, pid: consoleServer.pid },
        { name: "forward", label: "bare forward   bench/baseline (Next route + http agent)", url: `${baseline.url}/api/forward/${SMALL_PATH}`, headers: proxyHeaders, pid: baseline.pid },
        { name: "direct", label: "upstream       called directly", url: `${upstream.url}/${SMALL_PATH}`, headers: { authorization: `Bearer ${apiKey}` }, pid: upstream.pid },
        ...(redisConsole
          ? [
              { name: "proxyRedis", label: `full proxy, REDIS_URL set   GET /api/proxy/${SMALL_PATH}`, url: `${redisConsole.url}/api/proxy/${SMALL_PATH}`, headers: redisHeaders, pid: redisConsole.pid },
              { name: "healthRedis", label: "health, REDIS_URL set      GET /api/health", url: `${redisConsole.url}/api/health`, headers: redisHeaders, pid: redisConsole.pid },
            ]
          : []),
        ...(other
          ? [
              { name: "proxyBase", label: `full proxy, BENCH_BASE_DIR build`, url: `${other.url}/api/proxy/${SMALL_PATH}`, headers: otherHeaders, pid: other.pid },
              { name: "healthBase", label: "health, BENCH_BASE_DIR build", url: `${other.url}/api/health`, headers: otherHeaders, pid: other.pid },
            ]
          : []),
      ];
      log(`throughput: 10 connections, ${rounds} rounds × ${seconds} s per variant, interleaved`);
      const loaded = await interleaved(variants, {
        connections: 10,
        seconds,
        rounds,
        warmupSeconds: 2,
        onRun: (name, round, r) =>
          log(`  round ${round + 1} ${name.padEnd(7)} ${r.rps.toFixed(0)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  server CPU ${r.cpuUs.toFixed(0)} µs/req`),
      });
      log("latency with one connection (no queueing): 3 rounds × 2 s per variant");
      const single = await interleaved(variants, { connections: 1, seconds: 2, rounds: 3, warmupSeconds: 1 });
      const stats = JSON.parse((await request(upstream.url, "GET", "/__stats")).text);
      if (stats.proxiedWrongKey > 0) throw new Error(`${stats.proxiedWrongKey} proxied calls reached the upstream without the saved key`);
      if (consoleServer.counters.vaultIgnored > 0 || (redisConsole?.counters.vaultIgnored ?? 0) > 0) throw new Error("a console ignored the vault cookie during the run");
      report.push(throughputSection(variants, loaded, single, consoleServer.counters.audit + (redisConsole?.counters.audit ?? 0), rounds, seconds));
    }

    if (only.has("stream")) {
      const bytes = 200 * 1024 * 1024;
      const path = `${STREAM_PATH}?bytes=${bytes}`;
      const targets = {
        direct: { url: `${upstream.url}/${path}`, headers: { authorization: `Bearer ${apiKey}` }, pid: null },
        forward: { url: `${baseline.url}/api/forward/${path}`, headers: {}, pid: baseline.pid },
        proxy: { url: `${consoleServer.url}/api/proxy/${path}`, headers: proxyHeaders, pid: consoleServer.pid },
      };
      const runs = { direct: [], forward: [], proxy: [] };
      log("streaming: 200 MB per download, 3 rounds, RSS sampled every 50 ms");
      for (let round = 0; round < 3; round += 1) {
        const order = round % 2 ? ["proxy", "forward", "direct"] : ["direct", "forward", "proxy"];
        for (const name of order) {
          const cpuPids = { upstream: upstream.pid, ...(name === "direct" ? {} : { server: targets[name].pid }) };
          const result = await download(targets[name].url, targets[name].headers, targets[name].pid, cpuPids);
          if (result.bytes !== bytes) throw new Error(`${name}: ${result.bytes} bytes arrived, not ${bytes}`);
          runs[name].push(result);
          log(`  round ${round + 1} ${name.padEnd(7)} ${result.ms.toFixed(0)} ms${result.growth === null ? "" : `  RSS +${mib(result.growth)} MiB (${result.samples} samples)`}`);
        }
      }
      report.push(streamSection(runs, bytes));
    }

    if (only.has("browser")) {
      log("browser: Chromium through Playwright");
      const result = await browserBench({
        base: consoleServer.url,
        email: user.email,
        password: user.password,
        apiKey,
        recordsPath: `${RECORDS_PATH}?n=100000`,
        upstream: upstream.url,
        exportRecords: EXPORT_RECORDS,
        log: (line) => log(`  ${line}`),
      });
      report.push(browserSection(result));
    }
    report.push(`Finished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await cleanUp();
  }
  process.stdout.write(`${report.join("\n\n")}\n`);
}

function header(consoleServer, baseline) {
  const next = JSON.parse(readFileSync(`${ROOT}node_modules/next/package.json`, "utf8")).version;
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  const git = (...args) => spawnSync("git", ["-C", ROOT, ...args], { encoding: "utf8" }).stdout?.trim() ?? "";
  const commit = git("rev-parse", "--short", "HEAD");
  const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  return [
    "JobNimbus Console benchmark (npm run bench)",
    `machine: ${CPUS} CPUs (${cpu}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Linux ${os.release()}`,
    `node ${process.version}, next ${next}, console build ${readFileSync(`${ROOT}.next/BUILD_ID`, "utf8").trim()} of ${commit || "(no git)"}${
      dirty ? " with uncommitted changes" : ""
    }; ${new Date().toISOString()}`,
    `servers (loopback): console pid ${consoleServer.pid}${baseline ? `, baseline pid ${baseline.pid}` : ""}; ${
      PIN ? `pinned with taskset: servers on CPU ${PIN.server}, load generator and bench upstream on CPU ${PIN.load}` : "not pinned to CPUs"
    }`,
  ].join("\n");
}

function sessionSection({ rows, sizes }) {
  const r = (label, row, base) => [label, fixed(row.wallUs, 2), fixed(row.cpuUs, 2), base ? `${fixed(row.wallUs / base.wallUs, row.wallUs / base.wallUs < 10 ? 1 : 0)}x` : "", int(row.iterations)];
  return [
    "Session cost per request (in-process, the run's real cookies and secrets)",
    table(
      ["operation", "wall µs/op", "CPU µs/op", "÷ JSON.parse", "iterations"],
      [
        r(`JSON.parse of the session payload (${sizes.payloadJson} B)`, rows.jsonSession),
        r(`JSON.parse of the vault payload (${sizes.vaultJson} B)`, rows.jsonVault),
        r(`next-auth/jwt decode (${sizes.sessionToken} B cookie)`, rows.decode, rows.jsonSession),
        r("zod session schema (jitless)", rows.schema, rows.jsonSession),
        r("vault password ids (sha256 per secret)", rows.passwords, rows.jsonVault),
        r(`iron-session unsealData (${sizes.vaultSeal} B cookie)`, rows.unseal, rows.jsonVault),
        r("all of the above, per proxied call (the libraries' way)", rows.both, rows.jsonSession),
        r("jose jwtDecrypt, key derived once (lib/auth/6-session.ts)", rows.jwtDecrypt, rows.jsonSession),
        r("openSeal, node:crypto (lib/vault/4-iron-open.ts)", rows.openSeal, rows.jsonVault),
        r("lib/auth/6-session.ts + lib/vault/3-vault.ts, token seen first", rows.now, rows.jsonSession),
        r("lib/auth/6-session.ts + lib/vault/3-vault.ts, token remembered", rows.nowCached, rows.jsonSession),
      ],
    ),
    "CPU µs counts every thread (WebCrypto and crypto.hkdf run on libuv's threadpool).",
    "The console runs the last two rows: a token is decrypted once, then found in lib/auth/6-session.ts's cache; the vault is opened every call.",
  ].join("\n");
}

function throughputSection(variants, loaded, single, auditLines, rounds, seconds) {
  const rows = variants.map((v) => [
    v.label,
    int(loaded[v.name].rps),
    loaded[v.name].rounds.map((r) => int(r.rps)).join(" / "),
    fixed(loaded[v.name].p50, 2),
    fixed(loaded[v.name].p99, 2),
    fixed(single[v.name].p50, 2),
    int(loaded[v.name].cpuUs),
  ]);
  const vsHealth = pairedRatio(loaded, "proxy", "health");
  const vsForward = pairedRatio(loaded, "proxy", "forward");
  const added = pairedDifference(loaded, "proxy", "forward");
  const addedSingle = pairedDifference(single, "proxy", "forward");
  const forwardVsHealth = pairedRatio(loaded, "forward", "health");
  // CPU per request the other way round (baseline ÷ proxy), so it reads like the req/s ratio.
  const cpuVsHealth = pairedRatio(loaded, "health", "proxy", "cpuUs");
  const cpuVsForward = pairedRatio(loaded, "forward", "proxy", "cpuUs");
  const range = (x, d = 2) => `${fixed(x.median, d)} (${fixed(x.min, d)}–${fixed(x.max, d)})`;
  const withRedis = "proxyRedis" in loaded;
  const redisVsHealth = withRedis ? pairedRatio(loaded, "proxyRedis", "healthRedis") : null;
  const redisVsMemory = withRedis ? pairedRatio(loaded, "proxyRedis", "proxy") : null;
  const withBase = "proxyBase" in loaded;
  return [
    `Proxy throughput and latency (10 connections, ${rounds} rounds × ${seconds} s per variant, interleaved; latency of every 2xx response)`,
    table(["variant", "req/s (median)", "per round", "p50 ms", "p99 ms", "p50 ms, 1 conn", "server CPU µs/req"], rows),
    "",
    table(
      ["ratio (per-round pairs: median (min–max))", "value", "target", "met"],
      [
        ["full proxy ÷ health, req/s", range(vsHealth), "≥ 0.65", met(vsHealth.median >= 0.65)],
        ...(withRedis
          ? [
              ["full proxy ÷ health, req/s, REDIS_URL set", range(redisVsHealth), "≥ 0.65", met(redisVsHealth.median >= 0.65)],
              ["full proxy with Redis ÷ full proxy in memory, req/s", range(redisVsMemory), "(context)", ""],
            ]
          : [["REDIS_URL rows", "skipped: no redis-server", "", ""]]),
        ...(withBase
          ? [
              ["full proxy ÷ health, req/s, BENCH_BASE_DIR build", range(pairedRatio(loaded, "proxyBase", "healthBase")), "(context)", ""],
              ["full proxy ÷ full proxy of BENCH_BASE_DIR, req/s", range(pairedRatio(loaded, "proxy", "proxyBase")), "(context)", ""],
              ["BENCH_BASE_DIR build ÷ this build, server CPU per proxied request", range(pairedRatio(loaded, "proxyBase", "proxy", "cpuUs")), "(context)", ""],
            ]
          : []),
        ["full proxy ÷ bare forward, req/s", range(vsForward), "≥ 0.90", met(vsForward.median >= 0.9)],
        ["added p50 latency vs bare forward, ms (10 conn)", range(added), "≤ 2", met(added.median <= 2)],
        ["added p50 latency vs bare forward, ms (1 conn)", range(addedSingle), "(context)", ""],
        ["bare forward ÷ health, req/s", range(forwardVsHealth), "(context)", ""],
        ["health ÷ full proxy, server CPU per request", range(cpuVsHealth), "(context)", ""],
        ["bare forward ÷ full proxy, server CPU per request", range(cpuVsForward), "(context)", ""],
      ],
    ),
    `Checks: no errors or non-2xx; ${int(auditLines)} audit lines written; every proxied call carried the saved key.`,
  ].join("\n");
}

function streamSection(runs, bytes) {
  const row = (name, label) => {
    const times = runs[name].map((r) => r.ms);
    const growth = name === "direct" ? NaN : Math.max(...runs[name].map((r) => r.growth));
    const cpu = (key) => median(runs[name].map((r) => r.cpuMs[key] ?? NaN));
    const total = median(runs[name].map((r) => Object.values(r.cpuMs).reduce((a, b) => a + b, 0)));
    return [
      label,
      int(median(times)),
      times.map(int).join(" / "),
      fixed(bytes / 1024 / 1024 / (median(times) / 1000), 0),
      mib(growth),
      name === "direct" ? "–" : int(cpu("server")),
      int(cpu("upstream")),
      int(cpu("client")),
      int(total / CPUS),
    ];
  };
  const ratio = median(runs.proxy.map((r) => r.ms)) / median(runs.direct.map((r) => r.ms));
  const growth = Math.max(...runs.proxy.map((r) => r.growth));
  return [
    `Streaming ${bytes / 1024 / 1024} MiB (body read and discarded by a node:http client; RSS of the serving process sampled every 50 ms)`,
    table(
      ["path", "ms (median)", "per round", "MiB/s", "peak RSS growth MiB", "CPU ms: server", "upstream", "client", `all ÷ ${CPUS} CPUs`],
      [row("direct", "upstream called directly"), row("forward", "bare forward (bench/baseline)"), row("proxy", "full proxy /api/proxy/…")],
    ),
    "",
    table(
      ["streaming target", "value", "target", "met"],
      [
        ["full proxy time ÷ direct time", fixed(ratio, 2), "≤ 1.5", met(ratio <= 1.5)],
        ["console peak RSS growth, MiB", mib(growth), "≤ 64", met(growth <= 64 * 1024 * 1024)],
      ],
    ),
    `"all ÷ ${CPUS} CPUs" is the CPU time every process spent on the transfer spread over all cores: a floor for the wall time.`,
  ].join("\n");
}

function browserSection({ firstLoad, ui, plain, bytes, browser, exported, direct, proxied, exportRecords }) {
  const rows = median(ui.map((u) => u.rowsMs));
  const answer = median(ui.map((u) => u.answerMs));
  const fetched = median(plain.map((p) => p.ms));
  const exportMs = median(exported.map((e) => e.ms));
  const directMs = median(direct.map((d) => d.ms));
  const each = (list, pick) => list.map((x) => int(pick(x))).join(" / ");
  return [
    `Browser (Chromium ${browser}, Playwright)`,
    table(
      ["measure", "value", "target", "met"],
      [
        [`first-load JS of the console page, gzip KiB (${firstLoad.scripts} scripts, ${kib(firstLoad.rawBytes)} KiB raw)`, kib(firstLoad.gzipBytes), "≤ 200", met(firstLoad.gzipBytes <= 200 * 1024)],
        ["HTML of the console page, gzip KiB", kib(firstLoad.htmlGzipBytes), "(context)", ""],
        [`Send → first visible table rows, 100,000 records (${mib(bytes)} MiB), ms`, `${int(rows)} (${ui.map((u) => int(u.rowsMs)).join(" / ")})`, "", ""],
        ["  of which: answer shown (status line, default view), ms", `${int(answer)} (${ui.map((u) => int(u.answerMs)).join(" / ")})`, "", ""],
        ["plain fetch of the same answer in the page, ms", `${int(fetched)} (${plain.map((p) => int(p.ms)).join(" / ")})`, "", ""],
        ["Send → rows ÷ plain fetch", fixed(rows / fetched, 2), "(reported)", ""],
        [`Download all: ${int(exportRecords)} contacts through the proxy to CSV (${direct[0]?.pages ?? "?"} pages of 1000), ms`, `${int(exportMs)} (${each(exported, (e) => e.ms)})`, "", ""],
        ["  longest task on the page meanwhile, ms", `${int(median(exported.map((e) => e.longestTaskMs)))} (${each(exported, (e) => e.longestTaskMs)})`, "≤ 100", met(Math.max(...exported.map((e) => e.longestTaskMs)) <= 100)],
        ["  worst gap between frames meanwhile, ms", `${int(median(exported.map((e) => e.worstGapMs)))} (${each(exported, (e) => e.worstGapMs)})`, "(reported)", ""],
        ["  long tasks (> 50 ms), count / blocking ms", `${int(median(exported.map((e) => e.longTasks)))} / ${int(median(exported.map((e) => e.blockingMs)))}`, "(reported)", ""],
        ["the same pages fetched directly from the upstream in a page, ms", `${int(directMs)} (${each(direct, (d) => d.ms)})`, "", ""],
        ["the same pages through the proxy, without the CSV, ms", `${int(median(proxied.map((p) => p.ms)))} (${each(proxied, (p) => p.ms)})`, "", ""],
        ["Download all ÷ direct pages", fixed(exportMs / directMs, 2), "(reported)", ""],
      ],
    ),
    `Scripts by gzip size: ${firstLoad.files.map((f) => `${f.name} ${kib(f.gzipBytes)}`).join(", ")} (KiB).`,
    ui.some((u) => u.clickedTable)
      ? "The answer opened in another view (over 5 MB opens Raw first); the bench selected the Table tab the moment it appeared."
      : "The answer opened in the Table view.",
  ].join("\n");
}
