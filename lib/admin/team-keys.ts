// /admin's "Team keys": each shared key by its label and last four, how old it is, who uses it and whom
// its calls act as, in words, flagged once older than TEAM_KEY_MAX_AGE_DAYS (JobNimbus advises rotating keys).
import "server-only";
import type { Role } from "@/lib/config/env";
import type { TeamKeyInfo } from "@/lib/vault/5-team-keys";

export type TeamKeyRow = {
  id: string;
  label: string;
  last4: string;
  createdAt: string;
  ageDays: number;
  /** "Viewers and editors". */
  usedBy: string;
  /** "Each call acts as the person signed in" or "Calls act as the key's own JobNimbus user". */
  actsAs: string;
  /** Older than the limit: time to rotate it. */
  old: boolean;
};

const ROLE_PLURALS: Record<Role, string> = { viewer: "viewers", editor: "editors", admin: "admins" };

/** "viewers", "viewers and editors", "viewers, editors and admins", capitalised. */
function rolesInWords(roles: readonly Role[]): string {
  const words = roles.map((role) => ROLE_PLURALS[role]);
  const text = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : (words[0] ?? "nobody");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whole days from the key's creation day (midnight UTC) to `now`. */
function ageInDays(createdAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(`${createdAt}T00:00:00Z`)) / 86_400_000));
}

export function teamKeyRows(keys: readonly TeamKeyInfo[], maxAgeDays: number, now = Date.now()): TeamKeyRow[] {
  return keys.map((key) => {
    const ageDays = ageInDays(key.createdAt, now);
    return {
      id: key.id,
      label: key.label,
      last4: key.last4,
      createdAt: key.createdAt,
      ageDays,
      usedBy: rolesInWords(key.roles),
      actsAs: key.actor === "signed-in" ? "Each call acts as the person signed in" : "Calls act as the key's own JobNimbus user",
      old: ageDays > maxAgeDays,
    };
  });
}
