// The key vault: sealing, rotation, rejection reasons, user binding, cookie size and
// attributes, and the key list operations. Envs are built with parseEnv, never process.env.
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv, type Env } from "@/lib/config/env";
import {
  activateKey,
  addKey,
  clearVaultCookie,
  MAX_COOKIE_BYTES,
  MAX_KEYS,
  openVault,
  pickKey as pickHandle,
  readVault,
  revealKey,
  removeKey,
  sealVault,
  toPublicKeys,
  vaultCookie,
  vaultCookieName,
  type Vault,
} from "./3-vault";

const OLD = "old-qMW531HT/hZHkFp2S4A40mWIJUxlfsxF/oKEFmbZGLs=";
const NEW = "new-A7841x/RWQ5TgjZiDMJHZTZN4+Cru70cvflct2wgAD8=";
const NEWER = "newer-xKnpJAO69wIx3iiFrAQZ9LrT9mPXRJnFnl9LqiQMkUg=";

function makeEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({
    NEXTAUTH_SECRET: "tWZDJVIMIRDkbb5tlLbShPWolJ1OFZc92iP/gB92iN4=",
    NEXTAUTH_URL: "http://localhost:3000",
    VAULT_SECRET: OLD,
    CONSOLE_USERS: JSON.stringify([{ email: "alice@example.com", role: "editor", passwordHash: "scrypt:32768:8:1:c2FsdA:aGFzaA" }]),
    ...overrides,
  });
}

const OWNER = "alice@example.com#sid-0123456789abcdef";
const REAL_KEY = "jnk_live_8f3a9c2d7e1b4a6f5c0d9e8b7a6f5c4d";

function vaultWith(...keys: { id: string; key: string; active?: boolean }[]): Vault {
  return {
    owner: OWNER,
    sealedAt: Date.now(),
    keys: keys.map(({ id, key, active = false }) => ({ id, label: `Label ${id}`, key, createdAt: "2026-01-01T00:00:00.000Z", active })),
  };
}

/** Replaces one character of the encrypted part of an iron seal with a different base64url character. */
function flipOneCharacter(seal: string): string {
  const parts = seal.split("*");
  const encrypted = parts[4] ?? "";
  const at = Math.floor(encrypted.length / 2);
  const replacement = encrypted[at] === "A" ? "B" : "A";
  parts[4] = `${encrypted.slice(0, at)}${replacement}${encrypted.slice(at + 1)}`;
  return parts.join("*");
}

function cookieValue(setCookie: string): string {
  return setCookie.slice(setCookie.indexOf("=") + 1, setCookie.indexOf(";"));
}

afterEach(() => {
  vi.useRealTimers();
});

/** The picked key opened, as the upstream call opens it. */
function pickKey(vault: Vault, id?: string | null): string | null {
  const handle = pickHandle(vault, id);
  return handle && revealKey(handle);
}

describe("seal and open", () => {
  it("opens what it sealed, for the same owner, with every field intact", async () => {
    const env = makeEnv();
    const vault = vaultWith({ id: "k1", key: REAL_KEY, active: true }, { id: "k2", key: "second-key-0000-9999" });
    const seal = await sealVault(vault, env);
    expect(seal).not.toContain(REAL_KEY);
    const opened = await openVault(seal, OWNER, env);
    expect(opened.rejected).toBeUndefined();
    expect(opened.vault).toEqual(vault);
  });

  it("reads a missing cookie as an empty vault without a rejection", async () => {
    const opened = await openVault(undefined, OWNER, makeEnv());
    expect(opened).toEqual({ vault: { owner: OWNER, keys: [], sealedAt: expect.any(Number) } });
  });

  it("round-trips through the Set-Cookie value and readVault", async () => {
    const env = makeEnv();
    const vault = vaultWith({ id: "k1", key: REAL_KEY, active: true });
    const setCookie = await vaultCookie(vault, env);
    expect(setCookie).not.toBeNull();
    const request = new Request("http://localhost:3000/api/keys", {
      headers: { cookie: `other=1; ${vaultCookieName(env)}=${cookieValue(setCookie!)}; more=2` },
    });
    const read = await readVault(request, OWNER, env);
    expect(read.keys).toEqual(vault.keys);
  });
});

describe("VAULT_SECRET rotation", () => {
  it("opens a cookie sealed under the old secret once the list is 'new,old'", async () => {
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), makeEnv({ VAULT_SECRET: OLD }));
    const opened = await openVault(seal, OWNER, makeEnv({ VAULT_SECRET: `${NEW},${OLD}` }));
    expect(opened.rejected).toBeUndefined();
    expect(pickKey(opened.vault)).toBe(REAL_KEY);
  });

  it("seals with the first secret: 'new' alone opens it, 'old' alone cannot (unknown-password)", async () => {
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), makeEnv({ VAULT_SECRET: `${NEW},${OLD}` }));

    const withNew = await openVault(seal, OWNER, makeEnv({ VAULT_SECRET: NEW }));
    expect(withNew.rejected).toBeUndefined();
    expect(pickKey(withNew.vault)).toBe(REAL_KEY);

    const withOld = await openVault(seal, OWNER, makeEnv({ VAULT_SECRET: OLD }));
    expect(withOld.rejected).toBe("unknown-password");
    expect(withOld.vault.keys).toEqual([]);
  });

  it("keeps opening a cookie when the oldest secret is dropped from a longer list", async () => {
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), makeEnv({ VAULT_SECRET: `${NEW},${OLD}` }));
    const opened = await openVault(seal, OWNER, makeEnv({ VAULT_SECRET: `${NEWER},${NEW}` }));
    expect(opened.rejected).toBeUndefined();
    expect(pickKey(opened.vault)).toBe(REAL_KEY);
  });

  it("tolerates spaces around the comma-separated secrets", async () => {
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), makeEnv({ VAULT_SECRET: OLD }));
    const opened = await openVault(seal, OWNER, makeEnv({ VAULT_SECRET: ` ${NEW} , ${OLD} ` }));
    expect(pickKey(opened.vault)).toBe(REAL_KEY);
  });
});

describe("unreadable cookies read as empty, with the reason", () => {
  it("rejects a seal with one character changed as tampered", async () => {
    const env = makeEnv();
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env);
    const tampered = flipOneCharacter(seal);
    expect(tampered).not.toBe(seal);
    const opened = await openVault(tampered, OWNER, env);
    expect(opened.rejected).toBe("tampered");
    expect(opened.vault.keys).toEqual([]);
    expect(opened.vault.owner).toBe(OWNER);
  });

  it("rejects a changed HMAC as tampered", async () => {
    const env = makeEnv();
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env);
    const [body, version] = seal.split("~");
    const parts = body!.split("*");
    const hmac = parts[7]!;
    parts[7] = `${hmac[0] === "x" ? "y" : "x"}${hmac.slice(1)}`;
    const opened = await openVault(`${parts.join("*")}~${version}`, OWNER, env);
    expect(opened.rejected).toBe("tampered");
    expect(opened.vault.keys).toEqual([]);
  });

  it("rejects a truncated seal as malformed", async () => {
    const env = makeEnv();
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env);
    const opened = await openVault(seal.slice(0, Math.floor(seal.length / 2)), OWNER, env);
    expect(opened.rejected).toBe("malformed");
    expect(opened.vault.keys).toEqual([]);
  });

  it.each(["garbage", "Fe26.2", "Fe26.1*1*a*b*c*d*e*f~2", "********"])("rejects %j as malformed", async (seal) => {
    const opened = await openVault(seal, OWNER, makeEnv());
    expect(opened.rejected).toBe("malformed");
    expect(opened.vault.keys).toEqual([]);
  });

  it("rejects a seal past its ttl as expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-03-01T09:00:00.000Z");
    vi.setSystemTime(start);
    const env = makeEnv({ VAULT_TTL_SECONDS: "300" });
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env);

    vi.setSystemTime(start.getTime() + 60_000);
    expect((await openVault(seal, OWNER, env)).rejected).toBeUndefined();

    // Past the ttl and iron's 60 s clock-skew allowance.
    vi.setSystemTime(start.getTime() + 300_000 + 120_000);
    const opened = await openVault(seal, OWNER, env);
    expect(opened.rejected).toBe("expired");
    expect(opened.vault.keys).toEqual([]);
  });

  it("rejects a vault sealed for another owner as other-user", async () => {
    const env = makeEnv();
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env);
    const opened = await openVault(seal, "mallory@example.com#sid-fedcba9876543210", env);
    expect(opened.rejected).toBe("other-user");
    expect(opened.vault).toMatchObject({ owner: "mallory@example.com#sid-fedcba9876543210", keys: [] });
    expect(JSON.stringify(opened)).not.toContain(REAL_KEY);
  });

  it("binds to the sign-in too: the same email with another session id gets nothing", async () => {
    const env = makeEnv();
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env);
    const opened = await openVault(seal, "alice@example.com#sid-another-sign-in", env);
    expect(opened.rejected).toBe("other-user");
  });

  it("logs the reason for an ignored cookie, never its value or the key", async () => {
    const env = makeEnv();
    const seal = await sealVault(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const request = new Request("http://localhost:3000/api/keys", {
      headers: { cookie: `${vaultCookieName(env)}=${flipOneCharacter(seal)}` },
    });
    const read = await readVault(request, OWNER, env);
    expect(read.keys).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]?.[0]);
    expect(JSON.parse(line)).toMatchObject({ event: "vault.ignored", reason: "tampered" });
    expect(line).not.toContain(REAL_KEY);
    expect(line).not.toContain(seal.slice(10, 40));
  });
});

describe("cookie size", () => {
  it(`fits ${MAX_KEYS} keys of a realistic size under 4096 bytes`, async () => {
    let vault: Vault = { owner: OWNER, keys: [], sealedAt: Date.now() };
    for (let i = 0; i < MAX_KEYS; i += 1) vault = addKey(vault, `Office key ${i + 1}`, `jnk_live_${String(i).padStart(2, "0")}${"a1b2c3d4".repeat(4)}`).vault;
    expect(vault.keys).toHaveLength(MAX_KEYS);
    const cookie = await vaultCookie(vault, makeEnv({ NEXTAUTH_URL: "https://console.example.com" }));
    expect(cookie).not.toBeNull();
    expect(Buffer.byteLength(cookie!)).toBeLessThan(4096);
    expect(cookie!).not.toContain("jnk_live_");
  });

  it("returns null instead of a cookie a browser would drop", async () => {
    let vault: Vault = { owner: OWNER, keys: [], sealedAt: Date.now() };
    for (let i = 0; i < MAX_KEYS; i += 1) vault = addKey(vault, "L".repeat(60), `${i}${"k".repeat(511)}`).vault;
    expect(await vaultCookie(vault, makeEnv())).toBeNull();
  });

  it("caps at MAX_COOKIE_BYTES = 4096", () => {
    expect(MAX_COOKIE_BYTES).toBe(4096);
    expect(MAX_KEYS).toBeGreaterThan(0);
  });
});

describe("cookie attributes", () => {
  function attributes(setCookie: string): string[] {
    return setCookie.split(";").slice(1).map((part) => part.trim());
  }

  it("over https: __Host- name, Secure, HttpOnly, SameSite=Strict, Path=/, Max-Age = ttl, no Domain", async () => {
    const env = makeEnv({ NEXTAUTH_URL: "https://console.example.com", VAULT_TTL_SECONDS: "3600" });
    const cookie = (await vaultCookie(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env))!;
    expect(cookie.startsWith("__Host-jnc-vault=")).toBe(true);
    const attrs = attributes(cookie);
    expect(attrs).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=3600"]));
    expect(attrs.some((a) => /^domain=/i.test(a))).toBe(false);
    expect(cookie).not.toContain(REAL_KEY);
  });

  it("over http: plain name and no Secure, the rest unchanged", async () => {
    const env = makeEnv({ NEXTAUTH_URL: "http://localhost:3000" });
    const cookie = (await vaultCookie(vaultWith({ id: "k1", key: REAL_KEY, active: true }), env))!;
    expect(cookie.startsWith("jnc-vault=")).toBe(true);
    expect(cookie).not.toContain("__Host-");
    const attrs = attributes(cookie);
    expect(attrs).not.toContain("Secure");
    expect(attrs).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"]));
  });

  it("clears with the same name and attributes and Max-Age=0", () => {
    const https = makeEnv({ NEXTAUTH_URL: "https://console.example.com" });
    const cleared = clearVaultCookie(https);
    expect(cleared.startsWith("__Host-jnc-vault=;")).toBe(true);
    expect(attributes(cleared)).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=0"]));
    expect(clearVaultCookie(makeEnv()).startsWith("jnc-vault=;")).toBe(true);
  });
});

describe("toPublicKeys", () => {
  it("never includes the key, gives its last four characters and the expiry", () => {
    const env = makeEnv({ VAULT_TTL_SECONDS: "3600" });
    const vault = vaultWith({ id: "k1", key: REAL_KEY, active: true }, { id: "k2", key: "abcdefgh-WXYZ" });
    vault.sealedAt = Date.parse("2026-03-01T09:00:00.000Z");
    const listed = toPublicKeys(vault, env);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(REAL_KEY);
    expect(text).not.toContain("abcdefgh-WXYZ");
    expect(text).not.toContain('"key"');
    expect(listed).toEqual([
      { id: "k1", label: "Label k1", last4: REAL_KEY.slice(-4), createdAt: "2026-01-01T00:00:00.000Z", active: true, expiresAt: "2026-03-01T10:00:00.000Z" },
      { id: "k2", label: "Label k2", last4: "WXYZ", createdAt: "2026-01-01T00:00:00.000Z", active: false, expiresAt: "2026-03-01T10:00:00.000Z" },
    ]);
    for (const entry of listed) expect(Object.keys(entry).sort()).toEqual(["active", "createdAt", "expiresAt", "id", "label", "last4"]);
  });
});

describe("key list operations", () => {
  const empty = (): Vault => ({ owner: OWNER, keys: [], sealedAt: 0 });

  it("addKey makes the new key the only active one and leaves the input untouched", () => {
    const first = addKey(empty(), "Production", "key-one-1111");
    expect(first.added).toMatchObject({ label: "Production", key: "key-one-1111", active: true });
    expect(first.added.id).toMatch(/^[0-9a-f]{8}$/);
    const second = addKey(first.vault, "Sandbox", "key-two-2222");
    expect(second.vault.keys.map((k) => [k.label, k.active])).toEqual([
      ["Production", false],
      ["Sandbox", true],
    ]);
    expect(second.added.id).not.toBe(first.added.id);
    expect(first.vault.keys).toHaveLength(1);
    expect(first.vault.keys[0]?.active).toBe(true);
    expect(pickKey(second.vault)).toBe("key-two-2222");
  });

  it("activateKey switches the active key, and refuses an unknown id", () => {
    const vault = vaultWith({ id: "a", key: "key-a" }, { id: "b", key: "key-b", active: true }, { id: "c", key: "key-c" });
    const switched = activateKey(vault, "a")!;
    expect(switched.keys.filter((k) => k.active).map((k) => k.id)).toEqual(["a"]);
    expect(pickKey(switched)).toBe("key-a");
    expect(activateKey(vault, "zzz")).toBeNull();
    expect(pickKey(vault)).toBe("key-b");
  });

  it("removeKey of the active key makes another one active", () => {
    const vault = vaultWith({ id: "a", key: "key-a" }, { id: "b", key: "key-b", active: true }, { id: "c", key: "key-c" });
    const removed = removeKey(vault, "b")!;
    expect(removed.keys.map((k) => k.id)).toEqual(["a", "c"]);
    expect(removed.keys.filter((k) => k.active)).toHaveLength(1);
    expect(pickKey(removed)).not.toBeNull();
    expect(pickKey(removed)).not.toBe("key-b");
    expect(vault.keys).toHaveLength(3);
  });

  it("removeKey of an inactive key keeps the active one; unknown id gives null; last key leaves none", () => {
    const vault = vaultWith({ id: "a", key: "key-a" }, { id: "b", key: "key-b", active: true });
    expect(pickKey(removeKey(vault, "a")!)).toBe("key-b");
    expect(removeKey(vault, "nope")).toBeNull();
    const last = removeKey(vaultWith({ id: "only", key: "key-only", active: true }), "only")!;
    expect(last.keys).toEqual([]);
    expect(pickKey(last)).toBeNull();
  });

  it("pickKey picks by id, else the active key, and never falls back for an unknown id", () => {
    const vault = vaultWith({ id: "a", key: "key-a" }, { id: "b", key: "key-b", active: true });
    expect(pickKey(vault, "a")).toBe("key-a");
    expect(pickKey(vault, "b")).toBe("key-b");
    expect(pickKey(vault)).toBe("key-b");
    expect(pickKey(vault, null)).toBe("key-b");
    expect(pickKey(vault, "missing")).toBeNull();
    expect(pickKey(empty())).toBeNull();
  });
});
