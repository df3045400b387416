// Per-request cost of reading who is calling and their key, in-process, with the run's real
// secrets and the real cookies the console set at sign-in and on POST /api/keys. Two ways:
//   the libraries' own calls: next-auth/jwt decode → zod session schema → iron-session unsealData;
//   what lib/auth/6-session.ts and lib/vault/3-vault.ts do now: jose jwtDecrypt with next-auth's key derived
//   once (the same call lib/auth/6-session.ts makes) → zod → lib/vault/4-iron-open.ts's openSeal (the real
//   module, transpiled with TypeScript into a temporary file, `server-only` left out).
// lib/auth/6-session.ts's cache of verified tokens is not measured: a hit is one Map lookup.
// Reported as wall µs per op (awaited one after another) and CPU µs per op (process.cpuUsage,
// which also counts libuv threadpool threads where WebCrypto and crypto.hkdf do their work).
import { createHash, createSecretKey, hkdfSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { jwtDecrypt } from "jose";
import { decode } from "next-auth/jwt";
import { unsealData } from "iron-session";
import ts from "typescript";
import { z } from "zod";

z.config({ jitless: true }); // as lib/zod-mini.ts (which lib/zod.ts imports): the console runs zod without JIT

const sessionSchema = z.object({
  email: z.string(),
  role: z.enum(["viewer", "editor"]),
  sid: z.string().min(16),
  name: z.string().nullish(),
});

function passwordId(secret) {
  return Number.parseInt(createHash("sha256").update(secret).digest("hex").slice(0, 8), 16);
}

/** lib/vault/4-iron-open.ts as the console runs it, minus the `server-only` marker (a bundler-only module). */
async function loadOpenSeal() {
  const source = readFileSync(new URL("../lib/vault/4-iron-open.ts", import.meta.url), "utf8").replace(/^import "server-only";$/m, "");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const dir = mkdtempSync(join(tmpdir(), "jnc-bench-"));
  try {
    writeFileSync(join(dir, "iron-open.mjs"), outputText);
    return (await import(pathToFileURL(join(dir, "iron-open.mjs")).href)).openSeal;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(fn, iterations) {
  const warm = Math.max(50, iterations >> 3);
  for (let i = 0; i < warm; i += 1) await fn();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) await fn();
  const wallNs = Number(process.hrtime.bigint() - started);
  const used = process.cpuUsage(cpu);
  return { wallUs: wallNs / 1000 / iterations, cpuUs: (used.user + used.system) / iterations, iterations };
}

function measureSync(fn, iterations) {
  for (let i = 0; i < iterations >> 3; i += 1) fn();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) fn();
  const wallNs = Number(process.hrtime.bigint() - started);
  const used = process.cpuUsage(cpu);
  return { wallUs: wallNs / 1000 / iterations, cpuUs: (used.user + used.system) / iterations, iterations };
}

/**
 * @param {{ sessionToken: string, nextauthSecret: string, vaultSeal: string, vaultSecrets: string[], ttlSeconds: number }} input
 */
export async function sessionCost({ sessionToken, nextauthSecret, vaultSeal, vaultSecrets, ttlSeconds, iterations = 4000 }) {
  const passwords = () => Object.fromEntries(vaultSecrets.map((s) => [passwordId(s), s]));
  const payload = await decode({ token: sessionToken, secret: nextauthSecret });
  const vault = await unsealData(vaultSeal, { password: passwords(), ttl: ttlSeconds });
  if (!payload?.sid || !Array.isArray(vault?.keys) || vault.keys.length === 0) throw new Error("session cost: the cookies did not open");
  const payloadJson = JSON.stringify(payload);
  const vaultJson = JSON.stringify(vault);
  let sink = 0;

  const rows = {};
  rows.jsonSession = measureSync(() => (sink += JSON.parse(payloadJson).sid.length), iterations * 50);
  rows.jsonVault = measureSync(() => (sink += JSON.parse(vaultJson).keys.length), iterations * 50);
  rows.decode = await measure(async () => (sink += (await decode({ token: sessionToken, secret: nextauthSecret })).sid.length), iterations);
  rows.schema = measureSync(() => (sink += sessionSchema.safeParse(payload).success ? 1 : 0), iterations * 10);
  rows.passwords = measureSync(() => (sink += Object.keys(passwords()).length), iterations * 10);
  rows.unseal = await measure(async () => (sink += (await unsealData(vaultSeal, { password: passwords(), ttl: ttlSeconds })).keys.length), iterations);
  rows.both = await measure(async () => {
    const session = sessionSchema.safeParse(await decode({ token: sessionToken, secret: nextauthSecret }));
    const opened = await unsealData(vaultSeal, { password: passwords(), ttl: ttlSeconds });
    sink += session.success && opened.owner ? 1 : 0;
  }, iterations);

  const openSeal = await loadOpenSeal();
  const key = createSecretKey(Buffer.from(hkdfSync("sha256", nextauthSecret, "", "NextAuth.js Generated Encryption Key", 32)));
  const decryptOptions = { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] };
  const passwordMap = Object.fromEntries(vaultSecrets.map((s) => [String(passwordId(s)), s]));
  const opened = openSeal(vaultSeal, passwordMap);
  if (!opened.ok || opened.data.owner !== vault.owner) throw new Error("session cost: lib/vault/4-iron-open.ts did not open the vault");
  rows.jwtDecrypt = await measure(async () => (sink += (await jwtDecrypt(sessionToken, key, decryptOptions)).payload.sid.length), iterations);
  rows.openSeal = measureSync(() => (sink += openSeal(vaultSeal, passwordMap).data.keys.length), iterations);
  rows.now = await measure(async () => {
    const session = sessionSchema.safeParse((await jwtDecrypt(sessionToken, key, decryptOptions)).payload);
    const read = openSeal(vaultSeal, passwordMap);
    sink += session.success && read.ok ? 1 : 0;
  }, iterations);
  rows.nowCached = measureSync(() => (sink += openSeal(vaultSeal, passwordMap).ok ? 1 : 0), iterations);
  if (sink === 0) throw new Error("unreachable");
  return { rows, sizes: { sessionToken: sessionToken.length, vaultSeal: vaultSeal.length, payloadJson: payloadJson.length, vaultJson: vaultJson.length } };
}
