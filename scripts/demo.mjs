// npm run demo: production build, then the console on http://localhost:3000 with the
// bundled mock JobNimbus API on 127.0.0.1:4010. Demo sign-ins and keys are on the sign-in page.
import { spawn, spawnSync } from "node:child_process";
import { startMockUpstream } from "../mock/server.mjs";
import { DEMO_USERS, demoTeamKeys } from "../lib/config/demo-users.mjs";
import { DEMO_KEY } from "../mock/keys.mjs";
import { consoleEnv } from "./console-env.mjs";

const port = Number(process.env.PORT ?? 3000);
const mockPort = Number(process.env.MOCK_PORT ?? 4010);
const nextBin = new URL("../node_modules/next/dist/bin/next", import.meta.url).pathname;

if (!process.argv.includes("--no-build")) {
  console.log("Building the console for production (about a minute the first time)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const mock = await startMockUpstream({ port: mockPort, host: "127.0.0.1" });
const env = await consoleEnv({ port, upstream: mock.url, users: DEMO_USERS, extra: { CONSOLE_DEMO: "1", TEAM_KEYS: demoTeamKeys(DEMO_KEY) } });
const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { stdio: "inherit", env });

console.log(`\nMock JobNimbus API: ${mock.url}`);
console.log(`Console:            http://localhost:${port}  (sign-ins and demo keys are shown on the sign-in page)\n`);

const stop = async () => {
  server.kill("SIGTERM");
  await mock.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  await mock.close();
  process.exit(code ?? 0);
});
