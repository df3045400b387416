// Team keys: TEAM_KEYS is checked entry by entry with lines that name the entry and never the key; the
// choice rule (the key asked for, else the chosen team key, else the person's own, else the first team key
// their role may use); what GET /api/keys lists; and that a team key leaves only as an ApiKey handle.
import { describe, expect, it, vi } from "vitest";
import { EnvError } from "@/lib/config/env";
import { activateKey, activateTeamKey, addKey, revealKey, removeKey, type Vault } from "./3-vault";
import { activeKeyId, chooseKey, findTeamKey, publicKeysFor, teamKeyInfo, teamKeys, type TeamKey } from "./5-team-keys";

vi.mock("@/lib/config/env", async (original) => {
  const actual = await original<typeof import("@/lib/config/env")>();
  // toPublicKeys reads VAULT_TTL_SECONDS; the rest of the environment does not matter here.
  return { ...actual, getEnv: () => ({ VAULT_TTL_SECONDS: 3600 }) };
});

const OFFICE_KEY = "jnk_team_office_5a1f0c9e7b3d2a8f";
const EDITORS_KEY = "jnk_team_editors_e4c9b7a1d3f0";

const OFFICE = { id: "office", label: "Office (shared)", key: OFFICE_KEY, roles: ["viewer", "editor", "admin"], actor: "signed-in", createdAt: "2026-01-15" };
const EDITORS = { id: "editors", label: "Editors only", key: EDITORS_KEY, roles: ["editor"], actor: "none", createdAt: "2025-06-30" };

const sourceOf = (value: unknown) => ({ TEAM_KEYS: typeof value === "string" ? value : JSON.stringify(value) });
const parsed = (value: unknown) => teamKeys(sourceOf(value));

/** The lines TEAM_KEYS `value` stops start-up with; fails if it parses. */
function errorFor(value: unknown): string[] {
  try {
    parsed(value);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message.split("\n");
  }
  throw new Error("expected TEAM_KEYS to be refused");
}

const empty = (): Vault => ({ owner: "jane@roofco.com#sid", keys: [], sealedAt: Date.now() });

describe("reading TEAM_KEYS", () => {
  it("unset or blank means no team keys", () => {
    expect(teamKeys({})).toEqual([]);
    expect(teamKeys({ TEAM_KEYS: "  " })).toEqual([]);
    expect(parsed([])).toEqual([]);
  });

  it("reads each entry, trimming the label", () => {
    expect(parsed([{ ...OFFICE, label: "  Office (shared) " }, EDITORS])).toEqual([OFFICE, EDITORS]);
  });

  it.each<[string, unknown, RegExp]>([
    ["not JSON", `[{"id":"office","key":"${OFFICE_KEY}"`, /^TEAM_KEYS must be a JSON array of \{id, label, key, roles, actor, createdAt\}; it is not valid JSON$/],
    ["an object, not an array", { ...OFFICE }, /^TEAM_KEYS must be a JSON array/],
    ["an id with capitals", [{ ...OFFICE, id: "Office" }], /^TEAM_KEYS\[0\]\.id must be 1 to 40 lower-case letters/],
    ["a repeated id", [OFFICE, EDITORS, { ...EDITORS, key: `${EDITORS_KEY}x` }], /^TEAM_KEYS\[2\]\.id repeats the id of TEAM_KEYS\[1\]/],
    ["no label", [{ ...OFFICE, label: " " }], /^TEAM_KEYS\[0\]\.label is empty/],
    ["no key", [{ ...OFFICE, key: undefined }], /^TEAM_KEYS\[0\]\.key is missing$/],
    ["a key with a space", [{ ...OFFICE, key: `${OFFICE_KEY} ` }], /^TEAM_KEYS\[0\]\.key must be the JobNimbus API key exactly as created/],
    ["a key that is a number", [{ ...OFFICE, key: 123456789 }], /^TEAM_KEYS\[0\]\.key must be text$/],
    ["a role that does not exist", [OFFICE, { ...EDITORS, roles: ["editor", "owner"] }], /^TEAM_KEYS\[1\]\.roles\[1\] must be "viewer", "editor" or "admin"$/],
    ["no roles", [{ ...OFFICE, roles: [] }], /^TEAM_KEYS\[0\]\.roles must name at least one role/],
    ["roles as a string", [{ ...OFFICE, roles: "viewer" }], /^TEAM_KEYS\[0\]\.roles must be a list of console roles/],
    ["another actor", [{ ...OFFICE, actor: "jane@roofco.com" }], /^TEAM_KEYS\[0\]\.actor must be "signed-in" .* or "none"$/],
    ["a date in another form", [{ ...OFFICE, createdAt: "15/01/2026" }], /^TEAM_KEYS\[0\]\.createdAt must be the day the key was made in JobNimbus, written YYYY-MM-DD$/],
    ["a date that does not exist", [{ ...OFFICE, createdAt: "2026-02-30" }], /^TEAM_KEYS\[0\]\.createdAt is not a real date$/],
    ["a date in the future", [{ ...OFFICE, createdAt: "2999-01-01" }], /^TEAM_KEYS\[0\]\.createdAt is in the future$/],
    ["a misspelt field", [{ ...OFFICE, role: ["viewer"] }], /^TEAM_KEYS\[0\] has unknown fields \(role\); the fields are id, label, key, roles, actor, createdAt$/],
  ])("refuses %s with one line naming the entry, never the key", (_name, value, line) => {
    const lines = errorFor(value);
    expect(lines[0]).toMatch(line);
    for (const text of lines) {
      expect(text).toMatch(/^TEAM_KEYS(\[\d+\])?(\.\w+)?(\[\d+\])? \S/);
      for (const key of [OFFICE_KEY, EDITORS_KEY]) expect(text).not.toContain(key.slice(4, 20));
    }
  });

  it("lists every problem, one line each", () => {
    const lines = errorFor([{ ...OFFICE, roles: ["boss"], createdAt: "soon" }, { ...EDITORS, id: "" }]);
    expect(lines.map((line) => line.split(" ")[0])).toEqual(["TEAM_KEYS[0].roles[0]", "TEAM_KEYS[0].createdAt", "TEAM_KEYS[1].id"]);
  });

  it("teamKeyInfo gives /admin everything but the key", () => {
    const info = teamKeyInfo(sourceOf([OFFICE]));
    expect(info).toEqual([{ id: "office", label: "Office (shared)", roles: ["viewer", "editor", "admin"], actor: "signed-in", createdAt: "2026-01-15", last4: OFFICE_KEY.slice(-4) }]);
    expect(JSON.stringify(info)).not.toContain(OFFICE_KEY);
  });
});

describe("which key a call uses", () => {
  const keys = parsed([OFFICE, EDITORS]);
  const opened = (choice: ReturnType<typeof chooseKey>) => (choice.ok ? revealKey(choice.apiKey) : choice.reason);

  it("a person with no key of their own starts on the first team key their role may use", () => {
    expect(activeKeyId(empty(), "viewer", keys)).toBe("team:office");
    const choice = chooseKey(empty(), "viewer", null, keys);
    expect(opened(choice)).toBe(OFFICE_KEY);
    expect(choice).toMatchObject({ ok: true, shared: true, actor: "as-signed-in" });
    expect(choice.ok && choice.apiKey.label).toBe("Office (shared)");
  });

  it("with no team key for the role and no key of their own there is none", () => {
    const editorsOnly = parsed([EDITORS]);
    expect(activeKeyId(empty(), "viewer", editorsOnly)).toBeNull();
    expect(chooseKey(empty(), "viewer", null, editorsOnly)).toEqual({ ok: false, reason: "none" });
    expect(chooseKey(empty(), "viewer", null, [])).toEqual({ ok: false, reason: "none" });
  });

  it("a person's own active key comes before the team keys", () => {
    const { vault } = addKey(empty(), "Mine", "jnk_personal_0000_1111");
    const choice = chooseKey(vault, "editor", null, keys);
    expect(opened(choice)).toBe("jnk_personal_0000_1111");
    expect(choice).toMatchObject({ shared: false, actor: "as-sent" });
  });

  it("a team key made active comes before the person's own, until they pick their own again", () => {
    const { vault, added } = addKey(empty(), "Mine", "jnk_personal_0000_1111");
    const onTeam = activateTeamKey(vault, "editors");
    expect(activeKeyId(onTeam, "editor", keys)).toBe("team:editors");
    expect(opened(chooseKey(onTeam, "editor", null, keys))).toBe(EDITORS_KEY);
    expect(chooseKey(onTeam, "editor", null, keys)).toMatchObject({ actor: "none" });
    // Deleting one of their own keys does not move them off the team key.
    const more = activateTeamKey(addKey(onTeam, "Second", "jnk_personal_2222_3333").vault, "editors");
    expect(activeKeyId(removeKey(more, added.id)!, "editor", keys)).toBe("team:editors");
    expect(opened(chooseKey(activateKey(onTeam, added.id)!, "editor", null, keys))).toBe("jnk_personal_0000_1111");
    expect(opened(chooseKey(addKey(onTeam, "New", "jnk_personal_4444_5555").vault, "editor", null, keys))).toBe("jnk_personal_4444_5555");
  });

  it("a chosen team key the role may no longer use (demoted) falls back to the person's own, then the first usable", () => {
    const onEditors = activateTeamKey(empty(), "editors");
    expect(activeKeyId(onEditors, "viewer", keys)).toBe("team:office");
    const withOwn = activateTeamKey(addKey(empty(), "Mine", "jnk_personal_0000_1111").vault, "editors");
    expect(activeKeyId(withOwn, "viewer", keys)).toBe(withOwn.keys[0]!.id);
  });

  it("X-Console-Key-Id team:{id} picks that key when the role may use it; refuses another role; not found otherwise", () => {
    expect(opened(chooseKey(empty(), "editor", "team:editors", keys))).toBe(EDITORS_KEY);
    expect(chooseKey(empty(), "viewer", "team:editors", keys)).toEqual({ ok: false, reason: "not-for-role" });
    expect(chooseKey(empty(), "admin", "team:editors", keys)).toEqual({ ok: false, reason: "not-for-role" });
    expect(chooseKey(empty(), "editor", "team:nope", keys)).toEqual({ ok: false, reason: "not-found" });
    expect(chooseKey(empty(), "editor", "office", keys)).toEqual({ ok: false, reason: "not-found" });
    expect(findTeamKey("team:editors", "viewer", keys)).toBe("not-for-role");
    expect(findTeamKey("team:office", "viewer", keys)).toBe("usable");
    expect(findTeamKey("team:nope", "viewer", keys)).toBe("unknown");
  });

  it("a team key leaves only as a handle that prints as nothing", () => {
    const choice = chooseKey(empty(), "viewer", "team:office", keys);
    expect(JSON.stringify(choice)).not.toContain(OFFICE_KEY);
    expect(String(choice.ok && choice.apiKey)).not.toContain(OFFICE_KEY);
  });
});

describe("GET /api/keys lists", () => {
  const keys: readonly TeamKey[] = parsed([OFFICE, EDITORS]);

  it("the team keys the role may use, after the person's own, with label and last four only, exactly one active", () => {
    const { vault } = addKey(empty(), "Mine", "jnk_personal_0000_1111");
    const listed = publicKeysFor(vault, "editor", keys);
    expect(listed.map((k) => [k.id.startsWith("team:") ? k.id : "own", k.active, k.shared ?? false])).toEqual([
      ["own", true, false],
      ["team:office", false, true],
      ["team:editors", false, true],
    ]);
    expect(listed[1]).toEqual({ id: "team:office", label: "Office (shared)", last4: OFFICE_KEY.slice(-4), createdAt: "2026-01-15", active: false, shared: true, actsAsYou: true });
    expect(listed[2]).toMatchObject({ id: "team:editors", actsAsYou: false });
    const text = JSON.stringify(listed);
    for (const key of [OFFICE_KEY, EDITORS_KEY, "jnk_personal_0000_1111"]) expect(text).not.toContain(key);
    expect(text).not.toMatch(/"key"|"roles"|"actor"/);
  });

  it("for a viewer, only the keys viewers may use; the first is active when they have none of their own", () => {
    expect(publicKeysFor(empty(), "viewer", keys).map((k) => [k.id, k.active])).toEqual([["team:office", true]]);
  });

  it("the chosen team key as the active one, and the person's own as not active", () => {
    const { vault } = addKey(empty(), "Mine", "jnk_personal_0000_1111");
    expect(publicKeysFor(activateTeamKey(vault, "editors"), "editor", keys).map((k) => k.active)).toEqual([false, false, true]);
  });
});
