// Per-request cost of reading who is calling and their key, in-process, with the run's real
// secrets and the real cookies the console set at sign-in and on POST /api/keys. It repeats what
// lib/session.ts and lib/vault.ts do per proxied call, using the same libraries (lib/*.ts itself
// is server-only TypeScript and is not imported):
//   next-auth/jwt decode → zod session schema → sha256 password ids → iron-session unsealData.
// Reported as wall µs per op (awaited one after another) and CPU µs per op (process.cpuUsage,
// which also counts libuv threadpool threads where WebCrypto and crypto.hkdf do their work).
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { unsealData } from "iron-session";
import { z } from "zod";

z.config({ jitless: true }); // as lib/zod.ts: the console runs zod without JIT

const sessionSchema = z.object({
  email: z.string(),
  role: z.enum(["viewer", "editor"]),
  sid: z.string().min(16),
  name: z.string().nullish(),
});

function passwordId(secret) {
  return Number.parseInt(createHash("sha256").update(secret).digest("hex").slice(0, 8), 16);
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
  if (sink === 0) throw new Error("unreachable");
  return { rows, sizes: { sessionToken: sessionToken.length, vaultSeal: vaultSeal.length, payloadJson: payloadJson.length, vaultJson: vaultJson.length } };
}
