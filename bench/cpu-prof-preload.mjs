// Loaded into the console by bench/profile.mjs (NODE_OPTIONS=--import …) when
// BENCH_CPU_PROF_DIR is set: SIGUSR2 starts V8's sampling profiler, the next SIGUSR2 stops it
// and writes <dir>/<pid>.cpuprofile. So the profile covers exactly the load window.
import { writeFileSync } from "node:fs";
import inspector from "node:inspector";

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  let running = false;
  process.on("SIGUSR2", async () => {
    if (!running) {
      running = true;
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval: Number(process.env.BENCH_CPU_PROF_INTERVAL_US ?? 250) });
      await post("Profiler.start");
    } else {
      running = false;
      const { profile } = await post("Profiler.stop");
      writeFileSync(`${dir}/${process.pid}.cpuprofile`, JSON.stringify(profile));
      writeFileSync(`${dir}/${process.pid}.done`, "");
    }
  });
}
