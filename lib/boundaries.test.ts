// Which modules the browser may import and which are server only, checked from the source:
// sign-in, vault and proxy are server only (they hold secrets or decide who may do what),
// a module that imports a server-only one is server only itself, and the few modules the
// browser shares with the server (the key form's schema) carry no guard.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourcesUnder(rel);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|d)\.tsx?$/.test(name) ? [rel] : [];
  });
}

const lib = sourcesUnder("lib");
const source = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const isGuarded = (file: string) => /^import "server-only";$/m.test(source(file));

/** `@/lib/x/y` and `./y` imports of a module, as repository paths without extension. */
function libImports(file: string): string[] {
  const specs = [...source(file).matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    if (spec.startsWith("@/")) return [spec.slice(2)];
    if (spec.startsWith(".")) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))];
    return [];
  });
}
const withoutExtension = (file: string) => file.replace(/\.(ts|tsx)$/, "");

/** Folders whose every module is server only: sign-in and who is calling, the sealed keys, the proxied call, shared state, /admin's work. */
const SERVER_ONLY_FOLDERS = ["lib/auth/", "lib/vault/", "lib/proxy/", "lib/store/", "lib/admin/"];
/** Browser-safe on purpose: the key form validates with the same schema as the route. */
const SHARED_WITH_BROWSER = new Set(["lib/vault/2-key-input.ts"]);
/** Packages that hold or handle secrets, or only run on the server. */
const SERVER_PACKAGES = /from "(iron-session|jose|next-auth[^"]*|node:crypto|node:http|node:https|@redis\/client|rate-limiter-flexible)"/;

describe("server-only boundaries", () => {
  it("finds the modules it checks", () => {
    expect(lib.length).toBeGreaterThan(40);
    expect(lib).toContain("lib/proxy/5-upstream.ts");
  });

  it.each(lib.filter((f) => SERVER_ONLY_FOLDERS.some((dir) => f.startsWith(dir)) && !SHARED_WITH_BROWSER.has(f)))(
    "%s is guarded with server-only",
    (file) => {
      expect(isGuarded(file)).toBe(true);
    },
  );

  it.each([...SHARED_WITH_BROWSER])("%s is browser-safe: no guard, and imports nothing server only", (file) => {
    expect(isGuarded(file)).toBe(false);
    for (const imported of libImports(file)) {
      const target = lib.find((f) => withoutExtension(f) === withoutExtension(imported));
      if (target) expect(isGuarded(target), `${file} imports ${target}`).toBe(false);
    }
  });

  it("every module that uses a secret-handling package is guarded", () => {
    const unguarded = lib.filter((f) => SERVER_PACKAGES.test(source(f)) && !isGuarded(f));
    expect(unguarded).toEqual([]);
  });

  it("a module that imports a server-only module is guarded itself", () => {
    const guarded = new Set(lib.filter(isGuarded).map(withoutExtension));
    const leaks = lib
      .filter((f) => !isGuarded(f))
      .flatMap((f) => libImports(f).filter((imported) => guarded.has(withoutExtension(imported))).map((imported) => `${f} → ${imported}`));
    expect(leaks).toEqual([]);
  });
});
