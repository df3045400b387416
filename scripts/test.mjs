// npm test: every check in order — lint, types, unit tests, production build, then the
// Playwright integration, browser and leak-scan suites. Stops at the first failing step.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
mkdirSync("test-results", { recursive: true });

const steps = [
  ["lint", bin("eslint"), [".", "--max-warnings=0"]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["unit", bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"]],
  ["build", bin("next"), ["build"]],
  ["e2e", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/playwright.json" }],
];

for (const [name, command, args, extraEnv = {}] of steps) {
  // The leak scan reads every server log of this run and only of this run.
  if (name === "e2e") for (const dir of readdirSync("test-results")) if (dir.startsWith("stack-")) rmSync(`test-results/${dir}`, { recursive: true, force: true });
  console.log(`\n=== ${name}: ${[command.split("/").pop(), ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n=== ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

// One closing line that counts every test of both runners.
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
const vitest = read("test-results/vitest.json");
const playwright = read("test-results/playwright.json");
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (playwright?.stats?.skipped ?? 0);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
