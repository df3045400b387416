// "{{name}}" templates for recipes: filled from the form, a looked-up record and a few built-in
// dates. A value that is only one placeholder keeps its type, and an empty one drops its clause.

export type Scope = Record<string, unknown>;

/** `{{ path }}` or `{{ path | filter }}`; a path is dotted (`job.number`). */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\.[\w]+)*)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][\w]*(?:\.[\w]+)*)\s*(?:\|\s*([a-z]+)\s*)?\}\}$/;

/** unix: a date as unix seconds; number: as a number; bare: without spaces or a leading "#" (job numbers). */
export const FILTERS = ["unix", "number", "bare", "lower", "upper"] as const;
export type Filter = (typeof FILTERS)[number];

export const BUILTINS = ["today", "weekStart", "weekEnd", "now"] as const;

/** Every value along a dotted path; arrays on the way are searched item by item. */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = Array.isArray(value) ? value : [value];
  for (const part of path.split(".")) {
    const next: unknown[] = [];
    for (const item of current) {
      if (item === null || typeof item !== "object") continue;
      const child = Object.hasOwn(item, part) ? (item as Record<string, unknown>)[part] : undefined;
      if (Array.isArray(child)) next.push(...(child as unknown[]));
      else if (child !== undefined) next.push(child);
    }
    current = next;
  }
  return current;
}

/** The value at a dotted path: one value, or an array when the path crosses a list; undefined when absent. */
export function valueAt(value: unknown, path: string): unknown {
  const parts = path.split(".");
  let current: unknown = value;
  for (let i = 0; i < parts.length; i += 1) {
    if (Array.isArray(current)) return valuesAt(current, parts.slice(i).join("."));
    if (current === null || typeof current !== "object") return undefined;
    const part = parts[i]!;
    current = Object.hasOwn(current, part) ? (current as Record<string, unknown>)[part] : undefined;
  }
  return current;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** today, weekStart (this Monday) and weekEnd (next Monday) as local YYYY-MM-DD dates; now in unix seconds. */
export function builtins(now = new Date()): Scope {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const monday = new Date(today);
  monday.setDate(today.getDate() - ((today.getDay() + 6) % 7));
  const nextMonday = new Date(monday);
  nextMonday.setDate(monday.getDate() + 7);
  return { today: isoDate(today), weekStart: isoDate(monday), weekEnd: isoDate(nextMonday), now: Math.floor(now.getTime() / 1000) };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

function applyFilter(value: unknown, filter: string | undefined): unknown {
  if (isBlank(value) || !filter) return value;
  switch (filter) {
    case "unix": {
      if (typeof value === "number") return value;
      const text = String(value).trim();
      const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text.split("-").map(Number) : null;
      if (date) return Math.floor(new Date(date[0]!, date[1]! - 1, date[2]!).getTime() / 1000);
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? value : Math.floor(ms / 1000);
    }
    case "number": {
      const n = Number(String(value).trim());
      return Number.isFinite(n) ? n : value;
    }
    case "bare":
      return String(value).trim().replace(/^#\s*/, "");
    case "lower":
      return String(value).toLowerCase();
    case "upper":
      return String(value).toUpperCase();
    default:
      return value;
  }
}

/** A value as text inside a longer string: lists joined with ", ", objects by their name. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    return asText(record.name ?? record.display_name ?? record.title ?? record.id ?? JSON.stringify(value));
  }
  return String(value);
}

/** The raw value of a template that is exactly one placeholder, else null. */
export function wholePlaceholder(template: string): { path: string; filter?: string } | null {
  const match = WHOLE.exec(template.trim());
  return match ? { path: match[1]!, ...(match[2] ? { filter: match[2] } : {}) } : null;
}

/** Fills every placeholder with text; a missing value becomes "". */
export function fillText(template: string, scope: Scope): string {
  return template.replace(PLACEHOLDER, (_, path: string, filter?: string) => asText(applyFilter(valueAt(scope, path), filter)));
}

/** A template's value: the typed value for a lone placeholder, text otherwise; undefined when empty. */
export function fillValue(template: string, scope: Scope): unknown {
  const whole = wholePlaceholder(template);
  const value = whole ? applyFilter(valueAt(scope, whole.path), whole.filter) : fillText(template, scope);
  return isBlank(value) ? undefined : value;
}

/**
 * Fills a JSON template. Strings are templates; a key or item whose value ends up empty is left
 * out, and an object or list that loses every member disappears too, so an optional field's clause vanishes.
 */
export function fillJson(template: unknown, scope: Scope): unknown {
  if (typeof template === "string") return fillValue(template, scope);
  if (Array.isArray(template)) {
    // A list whose every item came out empty goes too (an optional "owners": [{"id": "{{who}}"}]).
    const kept = template.map((item) => fillJson(item, scope)).filter((item) => item !== undefined);
    return template.length > 0 && kept.length === 0 ? undefined : kept;
  }
  if (template !== null && typeof template === "object") {
    const entries = Object.entries(template).map(([key, value]) => [key, fillJson(value, scope)] as const);
    const kept = entries.filter(([, value]) => value !== undefined);
    if (entries.length > 0 && kept.length === 0) return undefined;
    return Object.fromEntries(kept);
  }
  return template;
}

/** The root names a template refers to ("job" for "{{job.number}}"), with the filters it uses. */
export function placeholdersIn(template: unknown): { root: string; path: string; filter?: string }[] {
  const found: { root: string; path: string; filter?: string }[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      for (const match of value.matchAll(PLACEHOLDER)) {
        found.push({ root: match[1]!.split(".")[0]!, path: match[1]!, ...(match[2] ? { filter: match[2] } : {}) });
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(template);
  return found;
}
