// "Only the vault and the upstream call hold the plaintext key", personal or shared, checked from the source:
// the vault alone reads TEAM_KEYS and hands out an opaque ApiKey, only lib/vault/3-vault.ts and
// lib/proxy/5-upstream.ts open it, the module that masks the key in answers is used by the upstream call
// alone, and a handle shows nothing when printed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { format, inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiKey, revealKey } from "./vault/3-vault";

const ROOT = path.resolve(__dirname, "..");

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourcesUnder(rel);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.(test|d)\.[mt]?sx?$/.test(name) ? [rel] : [];
  });
}

/** Everything that runs in the app: lib/, app/, components/ and the root modules Next loads. */
const APP = [...sourcesUnder("lib"), ...sourcesUnder("app"), ...sourcesUnder("components"), "proxy.ts", "instrumentation.ts"];
const source = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
/** The source without its comments, for names that comments may mention freely. */
const code = (file: string) => source(file).replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

describe("who holds the key", () => {
  it("finds the modules it checks", () => {
    expect(APP.length).toBeGreaterThan(80);
    expect(APP).toContain("lib/proxy/1-handle.ts");
  });

  it("only the vault and the upstream call open an ApiKey (revealKey)", () => {
    expect(APP.filter((file) => /\brevealKey\b/.test(source(file)))).toEqual(["lib/proxy/5-upstream.ts", "lib/vault/3-vault.ts"]);
  });

  it("only the vault makes an ApiKey, from a person's sealed key or a team key", () => {
    expect(APP.filter((file) => /\bnew ApiKey\(/.test(source(file)))).toEqual(["lib/vault/3-vault.ts", "lib/vault/5-team-keys.ts"]);
  });

  it("only the vault reads TEAM_KEYS (the start-up check asks it to), so no other module holds a team key", () => {
    // Reading it: `process.env.TEAM_KEYS`, `source.TEAM_KEYS`, `env["TEAM_KEYS"]`; pages may name it in words.
    expect(APP.filter((file) => /(?:\.|\[\s*["'`])TEAM_KEYS\b/.test(code(file)))).toEqual(["lib/vault/5-team-keys.ts"]);
    expect(APP.filter((file) => /\bteamKeys\(/.test(code(file)))).toEqual(["lib/config/startup-check.ts", "lib/vault/5-team-keys.ts"]);
  });

  it("only the upstream call uses the module that masks the key in answers", () => {
    expect(APP.filter((file) => /5-key-mask/.test(source(file)))).toEqual(["lib/proxy/5-upstream.ts"]);
  });

  it("the proxy's table of contents passes the handle on without reading a stored key", () => {
    const handle = source("lib/proxy/1-handle.ts");
    expect(handle).toMatch(/\bchooseKey\(/);
    expect(handle).not.toMatch(/\.keys\b|\.key\b|revealKey/);
  });

  it("an ApiKey shows nothing when stringified, logged, inspected or spread, and opens to the key", () => {
    const key = "jnk_live_8f3a9c2d7e1b4a6f5c0d9e8b7a6f5c4d";
    const handle = new ApiKey(key, "Production");
    const shown = [
      JSON.stringify({ handle }),
      String(handle),
      `${handle}`,
      inspect(handle, { showHidden: true, depth: 5 }),
      inspect({ nested: { handle } }),
      format("%s %o %O %j", handle, handle, handle, handle),
      JSON.stringify({ ...handle }),
      Object.keys(handle).join(","),
      JSON.stringify(structuredClone({ handle })),
    ];
    for (const text of shown) expect(text).not.toContain(key.slice(4, 20));
    expect(revealKey(handle)).toBe(key);
  });
});
