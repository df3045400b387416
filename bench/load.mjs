// Throughput and latency with autocannon, variants interleaved round by round so machine noise
// lands on every variant alike. Latency percentiles come from every response's own time
// (autocannon's 'response' event, sub-millisecond), not its 1 ms histogram buckets.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

/** CPU time (all threads, user+system) a process has used so far, in µs; null if unreadable. */
export function processCpuUs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // USER_HZ = 100
  } catch {
    return null;
  }
}

/** One autocannon run: requests per second, latency percentiles in ms, and anything that went wrong. */
export function runOnce({ url, headers, connections, seconds, pid }) {
  const times = [];
  const cpuBefore = pid ? processCpuUs(pid) : null;
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, headers, connections, duration: seconds, pipelining: 1, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      const cpuAfter = pid ? processCpuUs(pid) : null;
      times.sort((a, b) => a - b);
      const pick = (q) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))] : NaN);
      resolve({
        rps: result.requests.total / (result.duration || seconds),
        total: result.requests.total,
        p50: pick(0.5),
        p99: pick(0.99),
        times,
        // CPU the serving process spent per request (every thread): steadier than req/s when
        // the machine's other work takes a varying share of the cores.
        cpuUs: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / Math.max(1, result.requests.total) : NaN,
        bad: result.non2xx + result.errors + result.timeouts,
      });
    });
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) times.push(responseTime);
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export { median };

/**
 * Runs every variant `rounds` times, interleaved and with the order rotated each round, after one
 * short warm-up run each. Returns per-variant rounds and pooled percentiles.
 */
export async function interleaved(variants, { connections, seconds, rounds, warmupSeconds, onRun = () => {} }) {
  for (const variant of variants) await runOnce({ ...variant, connections, seconds: warmupSeconds });
  const results = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const variant of order) {
      const result = await runOnce({ ...variant, connections, seconds });
      if (result.bad > 0) throw new Error(`${variant.name}: ${result.bad} non-2xx, errors or timeouts in round ${round + 1}`);
      results[variant.name].push(result);
      onRun(variant.name, round, result);
    }
  }
  const summary = {};
  for (const [name, runs] of Object.entries(results)) {
    const pooled = runs.flatMap((r) => r.times).sort((a, b) => a - b);
    const pick = (q) => pooled[Math.min(pooled.length - 1, Math.floor(q * pooled.length))];
    summary[name] = {
      rounds: runs.map((r) => ({ rps: r.rps, p50: r.p50, p99: r.p99, cpuUs: r.cpuUs })),
      rps: median(runs.map((r) => r.rps)),
      cpuUs: median(runs.map((r) => r.cpuUs)),
      p50: pick(0.5),
      p99: pick(0.99),
      total: runs.reduce((sum, r) => sum + r.total, 0),
    };
  }
  return summary;
}

/** Per-round ratio a/b of req/s (same round, so paired), summarised by its median, min and max. */
export function pairedRatio(summary, a, b, field = "rps") {
  const ratios = summary[a].rounds.map((run, i) => run[field] / summary[b].rounds[i][field]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/** Per-round difference a-b of median latency in ms. */
export function pairedDifference(summary, a, b, field = "p50") {
  const diffs = summary[a].rounds.map((run, i) => run[field] - summary[b].rounds[i][field]);
  return { median: median(diffs), min: Math.min(...diffs), max: Math.max(...diffs) };
}
