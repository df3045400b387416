// Start-up checks: a recipes file that does not check out, or a weak or reused secret, stops `next start`
// with one line naming it; a malformed OPENAPI_SPEC does not, the console works without it, and the
// document's address is shown without the credentials it may carry.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { consoleEnv } from "../../scripts/console-env.mjs";
import { ConsoleClient } from "../support/api-client";
import { freshTestKey } from "../support/mock";
import { PORTS, USERS } from "../support/users.mjs";

const root = new URL("../../", import.meta.url).pathname;
const nextBin = `${root}node_modules/next/dist/bin/next`;
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
/** Each test starts its own production console on a port from 5300-5399, shifted by E2E_PORT_OFFSET. */
const PORTS_HERE = { recipes: 5300 + offset, spec: 5399 - offset };
const dir = mkdtempSync(join(tmpdir(), "jnc-startup-"));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Started = { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> };

async function startConsole(port: number, extra: Record<string, string>): Promise<Started> {
  const env = await consoleEnv({ port, host: "127.0.0.1", upstream: `http://127.0.0.1:${PORTS.mock}`, users: [USERS.editor], extra });
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env: env as NodeJS.ProcessEnv });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code: number | null) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for a started console to answer, then signs in to it as the editor. */
async function signedInTo(started: Started, port: number): Promise<ConsoleClient> {
  const base = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000, message: `console start; stderr: ${started.stderr()}` })
    .toBe(200);
  const client = new ConsoleClient(base);
  await client.signIn("editor");
  return client;
}

async function stop(started: Started) {
  if (started.child.exitCode === null) started.child.kill("SIGTERM");
  await started.exited;
}

function recipesWith(mutate: (recipes: Record<string, unknown>[]) => void): string {
  const recipes: Record<string, unknown>[] = [
    {
      id: "find-contact",
      name: "Find a contact",
      description: "Search contacts.",
      subject: { one: "contact", many: "contacts" },
      fields: [{ name: "q", label: "Name", type: "text" }],
      request: { upstream: "legacy", method: "GET", path: "contacts", query: { fields: "{{q}}" } },
      result: { columns: [{ label: "Name", value: "{{display_name}}" }] },
    },
  ];
  mutate(recipes);
  return JSON.stringify({ recipes }, null, 2);
}

async function expectStopsWith(file: string, text: string, line: RegExp) {
  writeFileSync(file, text);
  await expectExitWith({ RECIPES_FILE: file }, line);
}

/** Start-up with these settings ends at once, exit code 1, with exactly one line on stderr and no stack trace; returns all it printed. */
async function expectExitWith(extra: Record<string, string>, line: RegExp): Promise<string> {
  const started = await startConsole(PORTS_HERE.recipes, extra);
  try {
    const code = await Promise.race([started.exited, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000))]);
    expect(code, `exit code; stderr: ${started.stderr()}`).toBe(1);
    const lines = started.stderr().split("\n").filter((l) => l.trim());
    expect(lines, "stderr is one line").toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(started.stderr()).not.toMatch(/\n\s+at /);
    return started.stdout() + started.stderr();
  } finally {
    await stop(started);
  }
}

test("a recipes file with a bad entry stops start-up with one line naming it", async () => {
  const file = join(dir, "bad-entry.json");
  await expectStopsWith(
    file,
    recipesWith((recipes) => ((recipes[0]!.fields as Record<string, unknown>[])[0]!.type = "colour")),
    new RegExp(`^Configuration error: RECIPES_FILE \\(${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\): recipe "find-contact" \\(entry 1\\): fields\\[0\\]\\.type must be one of text, textarea, number, date, select, email, tel$`),
  );
});

test("a recipes file that is not JSON, or is missing, stops start-up with one line too", async () => {
  await expectStopsWith(join(dir, "broken.json"), '{ "recipes": [ { "id": "x", } ] }', /^Configuration error: RECIPES_FILE \(.+broken\.json\) is not valid JSON: .+ at line 1, column \d+$/);
  const missing = join(dir, "missing.json");
  const started = await startConsole(PORTS_HERE.recipes, { RECIPES_FILE: missing });
  try {
    expect(await started.exited).toBe(1);
    expect(started.stderr().trim()).toBe(`Configuration error: RECIPES_FILE (${missing}) cannot be read: there is no such file`);
  } finally {
    await stop(started);
  }
});

test("a malformed OPENAPI_SPEC is reported, and the console starts and works without a catalogue", async () => {
  const spec = join(dir, "openapi.json");
  writeFileSync(spec, JSON.stringify({ openapi: "3.0.3", info: { title: "Broken" }, paths: { "/api1/contacts": { get: {} } } }));
  const started = await startConsole(PORTS_HERE.spec, { OPENAPI_SPEC: spec });
  try {
    const client = await signedInTo(started, PORTS_HERE.spec);
    const catalog = await client.get("/api/catalog");
    expect(catalog.status).toBe(503);
    expect(catalog.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(catalog.text) as { type: string; detail: string };
    expect(problem.type).toMatch(/\/problems\/catalog-unavailable$/);
    expect(problem.detail).toBe(`OPENAPI_SPEC (${spec}): info.version is missing (every OpenAPI document gives its version)`);
    await expect.poll(() => started.stderr()).toContain(`OpenAPI catalogue unavailable: OPENAPI_SPEC (${spec}): info.version is missing`);

    // Everything else works: keys, the proxy, the pages.
    await client.saveKey(freshTestKey("startup"));
    const contacts = await client.proxy("GET", "contacts?size=1", { headers: { "x-console-upstream": "legacy" } });
    expect(contacts.status).toBe(200);
    expect((await client.get("/recipes")).status).toBe(200);
    expect((await client.get("/")).status).toBe(200);
    const unguarded = await client.get("/api/catalog", { csrf: false });
    expect(unguarded.status, "the catalogue route is guarded like the others").toBe(403);
  } finally {
    await stop(started);
  }
});

test("a weak or reused secret stops start-up with one line naming the variable and how to make a good one", async () => {
  const strong = randomBytes(32).toString("base64");
  const cases: [name: string, extra: Record<string, string>, line: RegExp][] = [
    ["NEXTAUTH_SECRET equal to VAULT_SECRET", { NEXTAUTH_SECRET: strong, VAULT_SECRET: strong }, /^Configuration error: VAULT_SECRET .*NEXTAUTH_SECRET.*openssl rand -base64 32/],
    ["NEXTAUTH_SECRET reused in a VAULT_SECRET list", { NEXTAUTH_SECRET: strong, VAULT_SECRET: `${randomBytes(32).toString("hex")},${strong}` }, /^Configuration error: VAULT_SECRET .*NEXTAUTH_SECRET.*openssl rand -base64 32/],
    ["32 copies of one character", { NEXTAUTH_SECRET: "a".repeat(32) }, /^Configuration error: NEXTAUTH_SECRET .*openssl rand -base64 32/],
    ["a short pattern repeated", { VAULT_SECRET: "Ab1!".repeat(10) }, /^Configuration error: VAULT_SECRET .*openssl rand -base64 32/],
  ];
  for (const [name, extra, line] of cases) {
    await test.step(name, () => expectExitWith(extra, line));
  }
});

test("OPENAPI_SPEC with credentials: /api/catalog and the log show only scheme, host and path, and the document is still read", async () => {
  const USER = "spec-reader";
  const PASSWORD = "pw-Q7v2LmX9";
  const TOKEN = "tok-R4n8Jw2Kd6";
  const good = { openapi: "3.0.3", info: { title: "Behind a password", version: "1" }, paths: { "/example/v1/contacts": { get: { summary: "List" } } } };
  const docs = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://spec.test");
    const authorized = req.headers.authorization === `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}`;
    if (!authorized || url.searchParams.get("access_token") !== TOKEN) return void res.writeHead(401).end("who are you?");
    if (url.pathname === "/good.json") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(good));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...good, info: { title: "No version" } }));
  });
  await new Promise<void>((resolve) => docs.listen(0, "127.0.0.1", resolve));
  const docsPort = (docs.address() as { port: number }).port;
  const specUrl = (file: string) => `http://${USER}:${PASSWORD}@127.0.0.1:${docsPort}/${file}?access_token=${TOKEN}`;
  const expectNoCredentials = (text: string, where: string) => {
    for (const secret of [PASSWORD, TOKEN, `${USER}:`]) expect(text, `${where} holds ${secret}`).not.toContain(secret);
  };
  try {
    for (const [file, status] of [["good.json", 200], ["bad.json", 503]] as const) {
      const started = await startConsole(PORTS_HERE.spec, { OPENAPI_SPEC: specUrl(file) });
      try {
        const client = await signedInTo(started, PORTS_HERE.spec);
        const catalog = await client.get("/api/catalog");
        expect(catalog.status, catalog.text.slice(0, 300)).toBe(status);
        expectNoCredentials(catalog.text, `/api/catalog (${file})`);
        const shown = `OPENAPI_SPEC (http://127.0.0.1:${docsPort}/${file})`;
        if (status === 200) {
          expect(JSON.parse(catalog.text)).toMatchObject({ source: shown, catalog: { title: "Behind a password" } });
        } else {
          const { detail } = JSON.parse(catalog.text) as { detail: string };
          expect(detail, "the problem names the document by its shown address").toMatch(/: info\.version is missing/);
          expect(detail.startsWith(`${shown}: `), detail).toBe(true);
          await expect.poll(() => started.stderr()).toContain(`OpenAPI catalogue unavailable: ${shown}`);
        }
      } finally {
        await stop(started);
      }
      expectNoCredentials(started.stdout() + started.stderr(), `the console's log (${file})`);
    }
  } finally {
    await new Promise((resolve) => docs.close(resolve));
  }
});

test("a team key that does not check out stops start-up with one line naming the entry, never the key", async () => {
  const key = "test-startup-team-key-Vq2mX9cL";
  const entry = { id: "office", label: "Office", key, roles: ["viewer"], actor: "signed-in", createdAt: "2026-01-15" };
  const cases: [name: string, value: string, line: RegExp][] = [
    ["a role that does not exist", JSON.stringify([entry, { ...entry, id: "second", roles: ["owner"] }]), /^Configuration error: TEAM_KEYS\[1\]\.roles\[0\] must be "viewer", "editor" or "admin"$/],
    ["a key with a space in it", JSON.stringify([{ ...entry, key: `${key} x` }]), /^Configuration error: TEAM_KEYS\[0\]\.key must be the JobNimbus API key exactly as created/],
    ["JSON that does not parse", `[{"id":"office","key":"${key}"`, /^Configuration error: TEAM_KEYS must be a JSON array of \{id, label, key, roles, actor, createdAt\}; it is not valid JSON$/],
  ];
  for (const [name, value, line] of cases) {
    await test.step(name, async () => {
      expect(await expectExitWith({ TEAM_KEYS: value }, line)).not.toContain(key.slice(5));
    });
  }
});
