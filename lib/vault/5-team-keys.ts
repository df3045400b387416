// Team keys (TEAM_KEYS): JobNimbus keys the administrator shares with the team, so staff work without ever
// holding one. Read from the environment here and nowhere else; what leaves is a label, the last four, who may
// use it and an ApiKey handle for one call. Also the one rule for which key a call uses, personal or shared.
import "server-only";
import { z } from "@/lib/zod";
import { describeEnvError, EnvError, roleSchema, type Role } from "@/lib/config/env";
import type { PublicKey, SharedKey } from "./2-key-input";
import { ApiKey, pickKey, toPublicKeys, type Vault } from "./3-vault";

/** How a team key's id is written wherever a key id goes (`X-Console-Key-Id`, `/api/keys/{id}`). */
export const TEAM_PREFIX = "team:";

const FIELDS = "id, label, key, roles, actor, createdAt";
const SHAPE = `must be a JSON array of {${FIELDS}}`;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Printable ASCII, as an Authorization header needs; at least 8 so the last four never show most of it. */
const SENDABLE_KEY = /^[\x21-\x7e]{8,512}$/;
const ONE_DAY_MS = 86_400_000;

/** "is missing" when absent, "must be text" otherwise: never the value itself (it may be a key). */
const text = () => z.string({ error: (issue) => (issue.input === undefined ? "is missing" : "must be text") });

function isRealDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

const teamKeySchema = z.strictObject(
  {
    id: text().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1 to 40 lower-case letters, digits and dashes, such as office"),
    label: text()
      .trim()
      .min(1, "is empty; name the key as people should see it, such as Office (shared)")
      .max(60, "is longer than 60 characters")
      .refine((label) => !CONTROL.test(label), "contains control characters"),
    key: text().regex(SENDABLE_KEY, "must be the JobNimbus API key exactly as created: 8 to 512 characters, no spaces or line breaks"),
    roles: z
      .array(roleSchema, { error: 'must be a list of console roles, such as ["viewer","editor"]' })
      .min(1, "must name at least one role that may use the key: viewer, editor or admin"),
    actor: z.enum(["signed-in", "none"], 'must be "signed-in" (each call acts as the person signed in) or "none"'),
    createdAt: text()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be the day the key was made in JobNimbus, written YYYY-MM-DD", abort: true })
      .refine(isRealDate, { message: "is not a real date", abort: true })
      // A day's grace: the administrator's calendar may be ahead of the server's.
      .refine((day) => Date.parse(day) <= Date.now() + ONE_DAY_MS, "is in the future"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `has unknown fields (${issue.keys.join(", ")}); the fields are ${FIELDS}` : undefined) },
);

const teamKeysSchema = z.array(teamKeySchema, SHAPE).superRefine((keys, ctx) => {
  keys.forEach((entry, at) => {
    const first = keys.findIndex((other) => other.id === entry.id);
    if (first !== at) ctx.addIssue({ code: "custom", path: [at, "id"], message: `repeats the id of TEAM_KEYS[${first}]; each key needs its own` });
  });
});

export type TeamKey = z.infer<typeof teamKeySchema>;

let cached: { raw: string | undefined; keys: readonly TeamKey[] } | undefined;

/**
 * The team keys, checked once per value of TEAM_KEYS. A bad value throws an EnvError whose lines name the
 * entry and field (`TEAM_KEYS[2].roles ...`) and never quote what was written: that could be a key.
 */
export function teamKeys(source: Record<string, string | undefined> = process.env): readonly TeamKey[] {
  const raw = source.TEAM_KEYS?.trim() ? source.TEAM_KEYS : undefined;
  if (cached && cached.raw === raw) return cached.keys;
  let parsed: unknown = [];
  if (raw !== undefined) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      // JSON.parse's own message quotes the text around the mistake, so it is not passed on.
      throw new EnvError(`TEAM_KEYS ${SHAPE}; it is not valid JSON`);
    }
  }
  const result = teamKeysSchema.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ ...issue, path: ["TEAM_KEYS", ...issue.path] }));
    throw new EnvError(describeEnvError(new z.ZodError(issues)));
  }
  const keys = Object.freeze(result.data);
  cached = { raw, keys };
  return keys;
}

/** What /admin shows of each team key: everything but the key, with its last four. */
export type TeamKeyInfo = Omit<TeamKey, "key"> & { last4: string };

export function teamKeyInfo(source?: Record<string, string | undefined>): TeamKeyInfo[] {
  return teamKeys(source).map(({ key, ...rest }) => ({ ...rest, last4: key.slice(-4) }));
}

/**
 * The id of the key a call uses when it names none: the team key the person chose (while their role may use
 * it), else their own active key, else the first team key their role may use. A new member of staff with no
 * key of their own thus starts on a shared one without doing anything.
 */
export function activeKeyId(vault: Vault, role: Role, keys: readonly TeamKey[] = teamKeys()): string | null {
  const usable = keys.filter((team) => team.roles.includes(role));
  if (vault.activeTeam && usable.some((team) => team.id === vault.activeTeam)) return `${TEAM_PREFIX}${vault.activeTeam}`;
  const own = vault.keys.find((stored) => stored.active) ?? vault.keys.at(-1);
  if (own) return own.id;
  return usable[0] ? `${TEAM_PREFIX}${usable[0].id}` : null;
}

/** What `actor` a call made with the chosen key may carry (lib/proxy/2-actor.ts applies it). */
export type ActorRule = "as-signed-in" | "none" | "as-sent";

export type KeyChoice =
  | { ok: true; apiKey: ApiKey; shared: boolean; actor: ActorRule }
  | { ok: false; reason: "none" | "not-found" | "not-for-role" };

/** The key for one proxied call: the one `id` names (`team:{id}` for a team key), else the active one. */
export function chooseKey(vault: Vault, role: Role, id: string | null, keys: readonly TeamKey[] = teamKeys()): KeyChoice {
  const wanted = id || activeKeyId(vault, role, keys);
  if (!wanted) return { ok: false, reason: "none" };
  if (!wanted.startsWith(TEAM_PREFIX)) {
    const own = pickKey(vault, wanted);
    return own ? { ok: true, apiKey: own, shared: false, actor: "as-sent" } : { ok: false, reason: "not-found" };
  }
  const team = keys.find((entry) => `${TEAM_PREFIX}${entry.id}` === wanted);
  if (!team) return { ok: false, reason: "not-found" };
  if (!team.roles.includes(role)) return { ok: false, reason: "not-for-role" };
  return { ok: true, apiKey: new ApiKey(team.key, team.label), shared: true, actor: team.actor === "signed-in" ? "as-signed-in" : "none" };
}

/** `GET /api/keys`: the person's own keys, then the team keys their role may use; exactly one active, if any. */
export function publicKeysFor(vault: Vault, role: Role, keys: readonly TeamKey[] = teamKeys()): PublicKey[] {
  const active = activeKeyId(vault, role, keys);
  const own = toPublicKeys(vault).map((entry) => ({ ...entry, active: entry.id === active }));
  const shared = keys
    .filter((team) => team.roles.includes(role))
    .map(
      (team): SharedKey => ({
        id: `${TEAM_PREFIX}${team.id}`,
        label: team.label,
        last4: team.key.slice(-4),
        createdAt: team.createdAt,
        active: `${TEAM_PREFIX}${team.id}` === active,
        shared: true,
        actsAsYou: team.actor === "signed-in",
      }),
    );
  return [...own, ...shared];
}

/** The team key `id` (`team:{id}`) names, for a person with `role`: found and usable, found for other roles only, or not at all. */
export function findTeamKey(id: string, role: Role, keys: readonly TeamKey[] = teamKeys()): "usable" | "not-for-role" | "unknown" {
  const team = keys.find((entry) => `${TEAM_PREFIX}${entry.id}` === id);
  if (!team) return "unknown";
  return team.roles.includes(role) ? "usable" : "not-for-role";
}
