// Playwright runs the integration suite (HTTP only) and the browser suite against
// production builds started by e2e/support/stack.mjs, then scans every log for keys.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import debianChromium from "./e2e/support/chromium.json";

/** Debian's Chromium with the flags this machine needs (shared with bench/browser.mjs); Playwright's own where it is absent. */
const chromium = existsSync(debianChromium.executablePath) ? debianChromium : {};

/** Mirrors PORTS in e2e/support/users.mjs (a .ts config cannot import .mjs under Node 20). */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const E2E_URL = `http://127.0.0.1:${3100 + offset}`;
const TLS_URL = `https://localhost:${3300 + offset}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  outputDir: `test-results/playwright-${process.env.E2E_PORT_OFFSET ?? 0}`,
  use: { trace: "retain-on-failure" },
  projects: [
    { name: "api", testDir: "./e2e/api" },
    {
      name: "browser",
      testDir: "./e2e/browser",
      use: { ...devices["Desktop Chrome"], baseURL: E2E_URL, launchOptions: chromium },
    },
    {
      name: "tls",
      testDir: "./e2e/tls",
      use: { ...devices["Desktop Chrome"], baseURL: TLS_URL, ignoreHTTPSErrors: true, launchOptions: chromium },
    },
    { name: "leak-scan", testDir: "./e2e/leak-scan", dependencies: ["api", "browser", "tls"] },
  ],
  webServer: {
    command: "node e2e/support/stack.mjs",
    url: `${E2E_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
