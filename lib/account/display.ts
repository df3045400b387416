// Records as people read them: team members' ids as their names, unix seconds as dates. Shared by
// recipe tables and the console's table view of legacy lists (where every date_* is unix seconds).
import { isRecord } from "@/lib/json/is-record";

/** Members of legacy records that hold team members' ids (§5): `owners: [{id}]`, the rest a bare id. */
export const PERSON_FIELDS: ReadonlySet<string> = new Set(["owners", "sales_rep", "created_by", "subcontractors"]);

/** A date from unix seconds (JobNimbus), milliseconds, or date text; null for 0 ("no date") and anything else. */
export function toDate(value: unknown): Date | null {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return new Date(value > 1e12 ? value : value * 1000);
  if (typeof value === "string" && value.trim()) {
    const asNumber = Number(value);
    if (Number.isFinite(asNumber)) return toDate(asNumber);
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

// One formatter each, made on first use: toLocaleString builds a new one on every call, which a
// 10,000-record export pays for ten thousand times.
let dateFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** "Jun 12, 2025" in the reader's own locale. */
export const dateText = (date: Date) => (dateFormat ??= new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" })).format(date);
/** "Jun 12, 2025, 3:30 PM" in the reader's own locale. */
export const dateTimeText = (date: Date) => (dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" })).format(date);

/** The ids a person field holds: "u1", {id: "u1"}, or a list of either. */
export function personIds(value: unknown): string[] {
  if (typeof value === "string") return value ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(personIds);
  if (isRecord(value) && typeof value.id === "string") return personIds(value.id);
  return [];
}

/** Names for the ids in `value`, joined; an id nobody is known by stays as it is. Null when it holds no id. */
export function personText(value: unknown, people: ReadonlyMap<string, string>): string | null {
  const ids = personIds(value);
  return ids.length ? ids.map((id) => people.get(id) ?? id).join(", ") : null;
}

/**
 * How the console's table shows one member of a legacy record: names for team members' ids and
 * dates for date_* unix seconds; null leaves the value as it is (the table's own text).
 */
export function legacyCellText(column: string, value: unknown, people: ReadonlyMap<string, string>): string | null {
  if (PERSON_FIELDS.has(column)) {
    const names = personText(value, people);
    // Nobody assigned ([] or null) reads as an empty cell, not as "[]".
    return names ?? (value === null || (Array.isArray(value) && value.length === 0) ? "" : null);
  }
  if (column.startsWith("date_") && typeof value === "number") {
    const date = toDate(value);
    return date ? dateTimeText(date) : "";
  }
  return null;
}
