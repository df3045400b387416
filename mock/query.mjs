// Finding records: paging parameters, free-text search, Elasticsearch-style filters, sorting.
// Shared by the Platform (?q, ?status, ?sort) and Legacy (?filter, ?sort_field) routes.

import { HttpError } from "./http.mjs";

/** All leaf values at a dotted path; arrays along the way are searched element by element. */
export function valuesAt(record, path) {
  let current = [record];
  for (const part of path.split(".")) {
    const next = [];
    for (const value of current) {
      if (value === null || typeof value !== "object") continue;
      const child = Object.hasOwn(value, part) ? value[part] : undefined;
      if (Array.isArray(child)) next.push(...child);
      else if (child !== undefined) next.push(child);
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

const invalid = (field, message) =>
  new HttpError(422, `Invalid query parameter "${field}": ${message}`, { extensions: { errors: [{ field, message }] } });

/**
 * One whole-number query parameter: `fallback` when absent, a 422 naming it when not a whole
 * number from `min` to `max` (max 0: no upper bound).
 * @param {URLSearchParams} params
 */
export function parseWholeNumber(params, name, fallback, max, min = 0) {
  const raw = params.get(name);
  if (raw === null || raw === "") return fallback;
  const range = max ? ` from ${min} to ${max}` : ` of ${min} or more`;
  if (!/^\d+$/.test(raw.trim())) throw invalid(name, `must be a whole number${range}, got "${raw.slice(0, 40)}".`);
  const n = Number(raw.trim());
  if (max && n > max) throw invalid(name, `must be at most ${max}, got ${n}.`);
  if (n < min) throw invalid(name, `must be at least ${min}, got ${n}.`);
  if (!Number.isSafeInteger(n)) throw invalid(name, "is too large.");
  return n;
}

/**
 * @param {URLSearchParams} params
 * @param {{ limitName: string, offsetName: string, defaultLimit: number, maxLimit: number }} names
 */
export function parsePaging(params, { limitName, offsetName, defaultLimit, maxLimit }) {
  return { limit: parseWholeNumber(params, limitName, defaultLimit, maxLimit), offset: parseWholeNumber(params, offsetName, 0, 0) };
}

/** An opaque cursor: the sort key of the last record a page held. */
export function encodeCursor(key) {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key in a cursor this API gave out, or a 422 naming the parameter. */
export function decodeCursor(params, name, isKey) {
  const raw = params.get(name);
  if (raw === null || raw === "") return null;
  let key;
  try {
    key = /^[\w-]{1,200}$/.test(raw) ? JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) : undefined;
  } catch {
    key = undefined;
  }
  if (!isKey(key)) throw invalid(name, "is not a cursor this API handed out; leave it out to start from the first page.");
  return key;
}

export const SEARCH_FIELDS = [
  "name", "display_name", "first_name", "last_name", "company", "email",
  "home_phone", "mobile_phone", "number", "title", "note", "filename",
];

/** Case-insensitive substring search over the main text fields; digits-only queries also match phones. */
export function textMatcher(q) {
  const needle = q.trim().toLowerCase();
  if (!needle) return () => true;
  const digits = /^[\d\s()+.-]+$/.test(needle) ? needle.replace(/\D/g, "") : "";
  return (record) =>
    SEARCH_FIELDS.some((field) => {
      const value = record[field];
      if (typeof value !== "string") return false;
      if (value.toLowerCase().includes(needle)) return true;
      return digits.length >= 3 && field.endsWith("phone") && value.replace(/\D/g, "").includes(digits);
    });
}

// ---- Legacy `filter` (Elasticsearch-style bool query) ----

const LEAF_TYPES = ["term", "terms", "match", "match_phrase", "prefix", "range", "exists"];
const BOOL_KEYS = ["must", "should", "must_not", "filter", "minimum_should_match"];

function filterError(message) {
  return new HttpError(400, `The "filter" parameter is not a valid query: ${message}`, {
    extensions: { errors: [{ field: "filter", message }] },
  });
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const lower = (v) => String(v).toLowerCase();

function compare(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const na = Number(a), nb = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function fieldEntries(type, body) {
  if (!isObject(body) || Object.keys(body).length === 0) throw filterError(`"${type}" needs an object like {"field": value}.`);
  return Object.entries(body);
}

function compileLeaf(type, body) {
  if (type === "exists") {
    if (!isObject(body) || typeof body.field !== "string") throw filterError('"exists" needs {"field": "name"}.');
    return (r) => valuesAt(r, body.field).some((v) => v !== null && v !== "");
  }
  const tests = fieldEntries(type, body).map(([field, spec]) => {
    switch (type) {
      case "term": {
        const want = isObject(spec) ? spec.value : spec;
        if (want === undefined || isObject(want) || Array.isArray(want)) throw filterError(`"term" on "${field}" needs a single value.`);
        return (r) => valuesAt(r, field).some((v) => v === want || (!isObject(v) && String(v) === String(want)));
      }
      case "terms": {
        if (!Array.isArray(spec)) throw filterError(`"terms" on "${field}" needs an array of values.`);
        const wanted = new Set(spec.map(String));
        return (r) => valuesAt(r, field).some((v) => !isObject(v) && wanted.has(String(v)));
      }
      case "match":
      case "match_phrase":
      case "prefix": {
        const text = isObject(spec) ? (spec.query ?? spec.value) : spec;
        if (text === undefined || isObject(text) || Array.isArray(text)) throw filterError(`"${type}" on "${field}" needs text.`);
        const needle = lower(text);
        return type === "prefix"
          ? (r) => valuesAt(r, field).some((v) => !isObject(v) && lower(v).startsWith(needle))
          : (r) => valuesAt(r, field).some((v) => !isObject(v) && lower(v).includes(needle));
      }
      case "range": {
        if (!isObject(spec)) throw filterError(`"range" on "${field}" needs bounds like {"gte": 1, "lte": 2}.`);
        const ops = { gte: (c) => c >= 0, gt: (c) => c > 0, lte: (c) => c <= 0, lt: (c) => c < 0 };
        const bounds = Object.entries(spec).filter(([op]) => op !== "format" && op !== "time_zone");
        if (bounds.length === 0) throw filterError(`"range" on "${field}" needs at least one of gte, gt, lte, lt.`);
        for (const [op, bound] of bounds) {
          if (!(op in ops)) throw filterError(`"range" does not know "${op}"; use gte, gt, lte or lt.`);
          if (bound === null || typeof bound === "object") throw filterError(`"range" bound "${op}" on "${field}" must be a number or string.`);
        }
        // an ISO date bound ("2025-06-01") compared with a unix-seconds field is read as that date
        const asSeconds = (bound) => {
          if (typeof bound !== "string" || Number.isFinite(Number(bound))) return null;
          const ms = Date.parse(bound);
          return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
        };
        const parsed = bounds.map(([op, bound]) => [op, bound, asSeconds(bound)]);
        return (r) => valuesAt(r, field).some((v) =>
          !isObject(v) && v !== null && v !== "" &&
          parsed.every(([op, bound, seconds]) => ops[op](compare(v, typeof v === "number" && seconds !== null ? seconds : bound))));
      }
      default:
        throw filterError(`unknown clause "${type}".`);
    }
  });
  return (r) => tests.every((t) => t(r));
}

function compileClause(clause, depth) {
  if (depth > 20) throw filterError("the query is nested too deeply.");
  if (!isObject(clause)) throw filterError("each clause must be an object such as {\"term\": {\"status_name\": \"Lead\"}}.");
  const keys = Object.keys(clause);
  if (keys.length === 0) throw filterError("a clause is empty.");
  if (keys.some((k) => BOOL_KEYS.includes(k))) return compileBool(clause, depth + 1);
  const parts = keys.map((key) => {
    if (key === "bool") return compileBool(clause.bool, depth + 1);
    if (key === "query") return compileClause(clause.query, depth + 1);
    if (LEAF_TYPES.includes(key)) return compileLeaf(key, clause[key]);
    throw filterError(`unknown clause "${key}". Use one of: ${[...LEAF_TYPES, "bool"].join(", ")}, or must/should/must_not.`);
  });
  return (r) => parts.every((p) => p(r));
}

function compileBool(body, depth) {
  if (!isObject(body)) throw filterError('"bool" needs an object with must, should or must_not.');
  const unknown = Object.keys(body).filter((k) => !BOOL_KEYS.includes(k));
  if (unknown.length) throw filterError(`unknown key "${unknown[0]}"; a bool query has must, should, must_not and filter.`);
  const list = (k) => {
    const v = body[k];
    if (v === undefined) return [];
    return (Array.isArray(v) ? v : [v]).map((c) => compileClause(c, depth));
  };
  const must = [...list("must"), ...list("filter")];
  const mustNot = list("must_not");
  const should = list("should");
  let minimum = should.length ? 1 : 0;
  if (body.minimum_should_match !== undefined) {
    minimum = Number(body.minimum_should_match);
    if (!Number.isInteger(minimum) || minimum < 0) throw filterError('"minimum_should_match" must be a whole number.');
  }
  return (r) =>
    must.every((p) => p(r)) &&
    !mustNot.some((p) => p(r)) &&
    (minimum === 0 || should.filter((p) => p(r)).length >= minimum);
}

/** Parses the legacy `filter` query parameter into a record predicate (400 naming `filter` if bad). */
export function compileFilter(raw) {
  if (raw === null || raw.trim() === "") return () => true;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw filterError(`it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  return compileClause(parsed, 0);
}

// ---- Sorting ----

/**
 * @param {string | null} field a field path; a leading "-" means descending
 * @param {object[]} records used to tell known fields from unknown ones
 * @param {string} paramName named in the 422 if the field is unknown
 */
export function parseSort(field, records, paramName) {
  if (field === null || field.trim() === "") return null;
  let path = field.trim();
  let desc = false;
  if (path.startsWith("-")) { desc = true; path = path.slice(1); }
  else if (path.startsWith("+")) path = path.slice(1);
  const known = /^[A-Za-z_][\w.]*$/.test(path) && records.some((r) => valuesAt(r, path).length > 0);
  if (!known) throw invalid(paramName, `cannot sort by "${path.slice(0, 60)}": no record has that field.`);
  return { path, desc };
}

function sortKey(record, path) {
  const v = valuesAt(record, path)[0];
  return v === undefined || v === null || v === "" ? null : typeof v === "string" ? v.toLowerCase() : v;
}

/** Stable sort by one field (empty values last), then by jnid. */
export function sortRecords(records, { path, desc }) {
  const keyed = records.map((r) => ({ r, k: sortKey(r, path) }));
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) {
      if (a.k === b.k) return a.r.jnid < b.r.jnid ? -1 : 1;
      return a.k === null ? 1 : -1;
    }
    const c = compare(a.k, b.k);
    if (c !== 0) return desc ? -c : c;
    return a.r.jnid < b.r.jnid ? -1 : a.r.jnid > b.r.jnid ? 1 : 0;
  });
  return keyed.map((x) => x.r);
}

export const DEFAULT_SORT = { path: "date_updated", desc: true };
