// 200 MB through a server: wall time of one GET whose body is read and thrown away, and the
// serving process's resident memory (VmRSS) sampled every 50 ms while the bytes flow.
import http from "node:http";
import { processCpuUs } from "./load.mjs";
import { rssBytes } from "./servers.mjs";

/**
 * Downloads `url` (discarding the body); with `pid`, samples that process's RSS meanwhile.
 * Also returns the CPU time used during the transfer by the processes in `cpuPids` and by this one.
 */
export function download(url, headers, pid, cpuPids = {}) {
  return new Promise((resolve, reject) => {
    const before = pid ? rssBytes(pid) : null;
    const cpuBefore = Object.fromEntries(Object.entries(cpuPids).map(([name, p]) => [name, processCpuUs(p)]));
    const selfBefore = process.cpuUsage();
    let peak = before ?? 0;
    let samples = 0;
    const sampler = pid
      ? setInterval(() => {
          const rss = rssBytes(pid);
          samples += 1;
          if (rss !== null && rss > peak) peak = rss;
        }, 50)
      : null;
    const started = performance.now();
    let bytes = 0;
    const req = http.get(url, { headers, agent: false }, (res) => {
      res.on("data", (chunk) => (bytes += chunk.length));
      res.on("end", () => {
        const ms = performance.now() - started;
        if (sampler) clearInterval(sampler);
        if (res.statusCode !== 200) return reject(new Error(`${url} answered ${res.statusCode}`));
        const after = pid ? rssBytes(pid) : null;
        if (after !== null && after > peak) peak = after;
        const self = process.cpuUsage(selfBefore);
        const cpuMs = Object.fromEntries(Object.entries(cpuPids).map(([name, p]) => [name, (processCpuUs(p) - cpuBefore[name]) / 1000]));
        cpuMs.client = (self.user + self.system) / 1000;
        resolve({ ms, bytes, rssBefore: before, rssPeak: pid ? peak : null, growth: pid ? peak - before : null, samples, cpuMs });
      });
      res.on("error", reject);
    });
    req.on("error", (error) => {
      if (sampler) clearInterval(sampler);
      reject(error);
    });
  });
}
