// The /api/keys handlers' work: list, add, activate and delete a person's sealed keys, and list and choose
// the team keys their role may use. Route files stay thin; every call is guarded (session + CSRF) before the vault is opened.
import "server-only";
import { addKeySchema, fieldErrors, updateKeySchema } from "@/lib/vault/2-key-input";
import { guard } from "@/lib/auth/7-guards";
import { problemResponse } from "@/lib/problems/problem";
import { readLimitedBody } from "@/lib/proxy/3-body";
import { vaultOwner } from "@/lib/auth/6-session";
import type { Role } from "@/lib/config/env";
import { activateKey, activateTeamKey, addKey, MAX_KEYS, readVault, removeKey, toPublicKeys, vaultCookie, type Vault } from "./3-vault";
import { findTeamKey, publicKeysFor, TEAM_PREFIX } from "./5-team-keys";

const json = (body: unknown, status = 200, cookie?: string) => {
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
  if (cookie) headers.append("set-cookie", cookie);
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers });
};

async function openFor(request: Request) {
  const guarded = await guard(request);
  if (!guarded.ok) return guarded;
  const vault = await readVault(request, vaultOwner(guarded.session));
  return { ok: true as const, vault, role: guarded.session.role };
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const instance = new URL(request.url).pathname;
  const body = await readLimitedBody(request, 16 * 1024);
  if (!body.ok) return { ok: false, response: problemResponse("payload-too-large", { detail: "A key request is at most 16 KB.", instance }) };
  try {
    return { ok: true, value: JSON.parse(body.body?.toString("utf8") ?? "") as unknown };
  } catch {
    return { ok: false, response: problemResponse("invalid-request", { detail: "The body must be JSON.", instance }) };
  }
}

async function save(vault: Vault, request: Request, body: unknown, status: number): Promise<Response> {
  const cookie = await vaultCookie(vault);
  if (!cookie) {
    return problemResponse("vault-full", {
      detail: "Your saved keys no longer fit in the encrypted cookie. Delete a key you no longer use, then try again.",
      instance: new URL(request.url).pathname,
    });
  }
  return json(body, status, cookie);
}

export async function listKeys(request: Request): Promise<Response> {
  const opened = await openFor(request);
  if (!opened.ok) return opened.response;
  return json({ keys: publicKeysFor(opened.vault, opened.role) });
}

export async function createKey(request: Request): Promise<Response> {
  const opened = await openFor(request);
  if (!opened.ok) return opened.response;
  const instance = new URL(request.url).pathname;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = addKeySchema.safeParse(body.value);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues);
    return problemResponse("invalid-key-input", { detail: errors.map((e) => e.message).join(" "), instance, extensions: { errors } });
  }
  if (opened.vault.keys.length >= MAX_KEYS) {
    return problemResponse("vault-full", { detail: `You already have ${MAX_KEYS} saved keys. Delete one before adding another.`, instance });
  }
  const { vault, added } = addKey(opened.vault, parsed.data.label, parsed.data.apiKey);
  const entry = toPublicKeys(vault).find((k) => k.id === added.id);
  return save(vault, request, entry, 201);
}

export async function updateKey(request: Request, id: string): Promise<Response> {
  const opened = await openFor(request);
  if (!opened.ok) return opened.response;
  const instance = new URL(request.url).pathname;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  if (!updateKeySchema.safeParse(body.value).success) {
    return problemResponse("invalid-request", { detail: 'Send {"active": true} to make this key the active one.', instance, status: 422 });
  }
  if (id.startsWith(TEAM_PREFIX)) return chooseTeamKey(request, opened.vault, opened.role, id);
  const vault = activateKey(opened.vault, id);
  if (!vault) return problemResponse("key-not-found", { detail: `No saved key has id ${id.slice(0, 40)}.`, instance });
  return save(vault, request, toPublicKeys(vault).find((k) => k.id === id), 200);
}

/** PATCH /api/keys/team:{id}: the choice goes into the vault cookie, never the key. */
async function chooseTeamKey(request: Request, current: Vault, role: Role, id: string): Promise<Response> {
  const instance = new URL(request.url).pathname;
  const found = findTeamKey(id, role);
  if (found === "unknown") return problemResponse("key-not-found", { detail: `No shared key has id ${id.slice(0, 40)}.`, instance });
  if (found === "not-for-role") {
    return problemResponse("team-key-forbidden", { detail: `The shared key ${id.slice(0, 40)} is not for the ${role} role.`, instance });
  }
  const vault = activateTeamKey(current, id.slice(TEAM_PREFIX.length));
  return save(vault, request, publicKeysFor(vault, role).find((k) => k.id === id), 200);
}

export async function deleteKey(request: Request, id: string): Promise<Response> {
  const opened = await openFor(request);
  if (!opened.ok) return opened.response;
  if (id.startsWith(TEAM_PREFIX) && findTeamKey(id, opened.role) !== "unknown") {
    return problemResponse("team-key-managed", {
      detail: "This key is shared by your administrator; it cannot be deleted here. Choose another key to stop using it.",
      instance: new URL(request.url).pathname,
    });
  }
  const vault = removeKey(opened.vault, id);
  if (!vault) return problemResponse("key-not-found", { detail: `No saved key has id ${id.slice(0, 40)}.`, instance: new URL(request.url).pathname });
  return save(vault, request, null, 204);
}
