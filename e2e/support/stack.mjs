// Starts everything the Playwright suites talk to, on loopback only, and stops it on SIGTERM:
// the mock JobNimbus API, a scriptable test upstream with a canary, a real OIDC provider,
// and two production consoles (one on the mock for browser tests, one on the test upstream).
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { startMockUpstream } from "../../mock/server.mjs";
import { consoleEnv } from "../../scripts/console-env.mjs";
import { DEMO_USERS } from "../../lib/config/demo-users.mjs";
import { hashPassword } from "../../lib/auth/3-password-hash.mjs";
import { startOidcProvider } from "./oidc-provider.mjs";
import { startTestUpstream } from "./test-upstream.mjs";
import { NGINX, startTlsProxy } from "./tls-proxy.mjs";
import { LOAD_PASSWORD, LOAD_USERS, LOG_DIR, OIDC, PORTS, USERS } from "./users.mjs";

const root = new URL("../../", import.meta.url).pathname;
const nextBin = `${root}node_modules/next/dist/bin/next`;
const logDir = LOG_DIR.replace(/\/$/, "");
mkdirSync(logDir, { recursive: true });

if (!existsSync(`${root}.next/BUILD_ID`)) {
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
}

const stoppers = [];
const mock = await startMockUpstream({ port: PORTS.mock, host: "127.0.0.1" });
stoppers.push(() => mock.close());
const upstream = await startTestUpstream({ port: PORTS.testUpstream, canaryPort: PORTS.canary });
stoppers.push(() => upstream.close());
const oidc = await startOidcProvider({
  port: PORTS.oidc,
  clientId: OIDC.clientId,
  clientSecret: OIDC.clientSecret,
  redirectUri: `http://127.0.0.1:${PORTS.e2eConsole}/api/auth/callback/oidc`,
});
stoppers.push(() => oidc.close());

const users = Object.values(USERS);

async function startConsole(name, port, upstreamUrl, extra, consoleUsers = users) {
  const env = await consoleEnv({ port, host: "127.0.0.1", upstream: upstreamUrl, users: consoleUsers, extra });
  // Appended, not truncated: the leak scan reads every line any run of this stack wrote (npm test clears the folder first).
  const log = createWriteStream(`${logDir}/${name}.log`, { flags: "a" });
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  stoppers.push(() => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", resolve), child.kill("SIGTERM")))));
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`console ${name} did not start; see ${logDir}/${name}.log`);
}

// The api console also knows the fifty load users; their one shared password is hashed once.
const loadHash = await hashPassword(LOAD_PASSWORD);
const apiUsers = [
  ...(await Promise.all(users.map(async ({ email, role, password }) => ({ email, role, passwordHash: await hashPassword(password) })))),
  ...LOAD_USERS.map(({ email, role }) => ({ email, role, passwordHash: loadHash })),
];
await startConsole("console-api", PORTS.apiConsole, upstream.url, { UPSTREAM_TIMEOUT_MS: "1500", CONSOLE_USERS: JSON.stringify(apiUsers) });
await startConsole("console-e2e", PORTS.e2eConsole, mock.url, {
  OIDC_ISSUER: oidc.issuer,
  OIDC_CLIENT_ID: OIDC.clientId,
  OIDC_CLIENT_SECRET: OIDC.clientSecret,
  OIDC_NAME: "Test SSO",
  ALLOWED_EMAIL_DOMAINS: "corp.test",
  CONSOLE_ROLES: "sso-editor@corp.test=editor,*@corp.test=viewer",
  CONSOLE_DEMO: "1",
}, [...users, ...DEMO_USERS]);
// The production path behind https: NODE_ENV=production, __Host- cookies, HSTS, CSP.
if (NGINX) {
  await startConsole("console-tls", PORTS.tlsConsole, mock.url, { NEXTAUTH_URL: `https://localhost:${PORTS.tlsProxy}` });
  const tls = await startTlsProxy({ port: PORTS.tlsProxy, upstreamPort: PORTS.tlsConsole, dir: `${logDir}/nginx` });
  stoppers.push(() => tls.close());
} else {
  console.log("nginx not found: the https tests will be skipped (apt-get install nginx-light)");
}
console.log("test stack ready");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const stopOne of stoppers.reverse()) await stopOne().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
