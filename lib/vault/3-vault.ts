// The key vault: a person's JobNimbus API keys, sealed (iron-session) into one
// HttpOnly cookie bound to their sign-in. One of two modules that ever hold a key; what leaves it for
// the upstream call is an ApiKey handle, which only that call opens.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { sealData } from "iron-session";
import { readCookie } from "@/lib/config/read-cookie";
import { openSeal } from "./4-iron-open";
import { getEnv, isHttps, type Env } from "@/lib/config/env";
import type { SavedKey } from "./2-key-input";

export type StoredKey = { id: string; label: string; key: string; createdAt: string; active: boolean };
/**
 * `sealedAt`: when this sign-in first sealed the vault. The vault expires VAULT_TTL_SECONDS after
 * it, however often it is written again, so copied cookies cannot be kept alive by re-saving.
 */
export type Vault = {
  owner: string;
  keys: StoredKey[];
  sealedAt: number;
  /** The id of a team key (lib/vault/5-team-keys.ts) the person made active; only the choice, never the key. */
  activeTeam?: string;
};

export type VaultRejection = "malformed" | "unknown-password" | "expired" | "tampered" | "other-user";

/** Browsers drop cookies over 4096 bytes (name, value and attributes together). */
export const MAX_COOKIE_BYTES = 4096;
export const MAX_KEYS = 8;

export function vaultCookieName(env: Env = getEnv()): string {
  return isHttps(env) ? "__Host-jnc-vault" : "jnc-vault";
}

/**
 * Each secret's id is derived from the secret itself, not its place in the list, so a
 * cookie still finds its secret after the list is rotated ("new,old") or trimmed ("new").
 */
function passwordId(secret: string): number {
  return Number.parseInt(createHash("sha256").update(secret).digest("hex").slice(0, 8), 16);
}

const passwordMaps = new WeakMap<readonly string[], Record<string, string>>();

/** Every VAULT_SECRET by its id, computed once per parsed env (its list is never mutated). */
function passwords(env: Env): Record<string, string> {
  let map = passwordMaps.get(env.VAULT_SECRET);
  if (!map) {
    map = Object.fromEntries(env.VAULT_SECRET.map((secret) => [String(passwordId(secret)), secret]));
    passwordMaps.set(env.VAULT_SECRET, map);
  }
  return map;
}

/** Whole seconds left until the vault's end (sealedAt + VAULT_TTL_SECONDS). */
function secondsLeft(vault: Vault, env: Env): number {
  return Math.ceil((vault.sealedAt + env.VAULT_TTL_SECONDS * 1000 - Date.now()) / 1000);
}

/** Only the first VAULT_SECRET seals (iron-session seals with the one id it is given); the seal ends with the vault. */
export async function sealVault(vault: Vault, env: Env = getEnv()): Promise<string> {
  const first = env.VAULT_SECRET[0] ?? "";
  return sealData(vault, { password: { [passwordId(first)]: first }, ttl: Math.max(1, secondsLeft(vault, env)) });
}

function isVault(value: unknown): value is Vault {
  const v = value as Partial<Vault> | null;
  return typeof v?.owner === "string" && Array.isArray(v.keys) && typeof v.sealedAt === "number";
}

export type OpenedVault = { vault: Vault; rejected?: VaultRejection };

/**
 * Unseals a cookie value for `owner`; anything wrong reads as an empty vault, with the reason.
 * Synchronous node:crypto (lib/vault/4-iron-open.ts); async so callers don't depend on that.
 */
export async function openVault(seal: string | undefined, owner: string, env: Env = getEnv()): Promise<OpenedVault> {
  const empty: Vault = { owner, keys: [], sealedAt: Date.now() };
  if (!seal) return { vault: empty };
  const opened = openSeal(seal, passwords(env));
  if (!opened.ok) return { vault: empty, rejected: opened.reason };
  const data = opened.data;
  if (!isVault(data)) return { vault: empty, rejected: "malformed" };
  if (data.owner !== owner) return { vault: empty, rejected: "other-user" };
  // Exact, where iron allows 60 s of clock skew; also applies a lowered VAULT_TTL_SECONDS to older cookies.
  if (secondsLeft(data, env) <= 0) return { vault: empty, rejected: "expired" };
  return { vault: data };
}

/** Reads the vault cookie from a request, with why it was ignored if it was; logs that (never the value). */
export async function readVaultWithReason(request: Request, owner: string, env: Env = getEnv()): Promise<OpenedVault> {
  const seal = readCookie(request.headers.get("cookie"), vaultCookieName(env));
  const opened = await openVault(seal, owner, env);
  if (opened.rejected) console.warn(JSON.stringify({ event: "vault.ignored", reason: opened.rejected, time: new Date().toISOString() }));
  return opened;
}

/** Reads the vault cookie from a request; an ignored cookie reads as an empty vault. */
export async function readVault(request: Request, owner: string, env: Env = getEnv()): Promise<Vault> {
  return (await readVaultWithReason(request, owner, env)).vault;
}


function cookieAttributes(env: Env, maxAge: number): string {
  return `; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isHttps(env) ? "; Secure" : ""}`;
}

/** The Set-Cookie value for a vault, or null when it would be too big for a browser. */
export async function vaultCookie(vault: Vault, env: Env = getEnv()): Promise<string | null> {
  const sealed = await sealVault(vault, env);
  const cookie = `${vaultCookieName(env)}=${sealed}${cookieAttributes(env, Math.max(1, secondsLeft(vault, env)))}`;
  return cookie.length <= MAX_COOKIE_BYTES ? cookie : null;
}

export function clearVaultCookie(env: Env = getEnv()): string {
  return `${vaultCookieName(env)}=${cookieAttributes(env, 0)}`;
}

export function toPublicKeys(vault: Vault, env: Env = getEnv()): SavedKey[] {
  const expiresAt = new Date(vault.sealedAt + env.VAULT_TTL_SECONDS * 1000).toISOString();
  return vault.keys.map(({ id, label, key, createdAt, active }) => ({
    id,
    label,
    last4: key.slice(-4),
    createdAt,
    active,
    expiresAt,
  }));
}

/** The vault without a team key chosen: the person's own choice takes over. */
function ownChoice(vault: Vault): Vault {
  const own = { ...vault };
  delete own.activeTeam;
  return own;
}

/** A new vault with `apiKey` added and made active (the newest key is the one people mean). */
export function addKey(vault: Vault, label: string, apiKey: string): { vault: Vault; added: StoredKey } {
  const added: StoredKey = { id: randomUUID().slice(0, 8), label, key: apiKey, createdAt: new Date().toISOString(), active: true };
  const keys = vault.keys.map((k) => ({ ...k, active: false }));
  return { vault: { ...ownChoice(vault), keys: [...keys, added] }, added };
}

export function removeKey(vault: Vault, id: string): Vault | null {
  if (!vault.keys.some((k) => k.id === id)) return null;
  const keys = vault.keys.filter((k) => k.id !== id);
  // With a team key chosen, none of the person's own is active, and none becomes so.
  if (!vault.activeTeam && keys.length > 0 && !keys.some((k) => k.active)) keys[keys.length - 1] = { ...keys[keys.length - 1]!, active: true };
  return { ...vault, keys };
}

export function activateKey(vault: Vault, id: string): Vault | null {
  if (!vault.keys.some((k) => k.id === id)) return null;
  return { ...ownChoice(vault), keys: vault.keys.map((k) => ({ ...k, active: k.id === id })) };
}

/** Makes a team key the active one: only its id is kept (whether the role may use it is checked on every call). */
export function activateTeamKey(vault: Vault, teamId: string): Vault {
  return { ...vault, activeTeam: teamId, keys: vault.keys.map((k) => ({ ...k, active: false })) };
}

let unwrap: (key: ApiKey) => string;

/**
 * A key on its way to JobNimbus, opaque to everything it passes through (lib/proxy/1-handle.ts among
 * them): only `revealKey` opens it, and only this module and lib/proxy/5-upstream.ts call that
 * (lib/key-holders.test.ts checks). Logged, stringified, spread or inspected, it shows nothing.
 */
export class ApiKey {
  readonly #value: string;
  /** The key's label, for the audit line and the trail: never the key. */
  readonly label: string;
  constructor(value: string, label: string) {
    this.#value = value;
    this.label = label;
  }
  toString(): string {
    return "[API key]";
  }
  toJSON(): string {
    return "[API key]";
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "ApiKey [hidden]";
  }
  static {
    unwrap = (key) => key.#value;
  }
}

/** The plain key, for the Authorization header: the upstream call's alone to use. */
export function revealKey(key: ApiKey): string {
  return unwrap(key);
}

/** The key to send upstream: the one asked for, else the active one; a handle only the upstream call opens. */
export function pickKey(vault: Vault, id?: string | null): ApiKey | null {
  const chosen = id ? vault.keys.find((k) => k.id === id) : vault.keys.find((k) => k.active);
  return chosen ? new ApiKey(chosen.key, chosen.label) : null;
}
