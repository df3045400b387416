// Listing records as the legacy API does (jobnimbus-api.md §4): size/from paging, sort_field and
// sort_direction, fields, and the Elasticsearch-style filter; every bad parameter is a 400 naming it.

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

export const invalidParameter = (field, message, status = 400) =>
  new HttpError(status, `Invalid query parameter "${field}": ${message}`, { extensions: { errors: [{ field, message }] } });

/**
 * One whole-number query parameter: `fallback` when absent, a 422 naming it when not a whole
 * number from `min` to `max` (max 0: no upper bound).
 * @param {URLSearchParams} params
 */
export function parseWholeNumber(params, name, fallback, max, min = 0, status = 400) {
  const invalid = (field, message) => invalidParameter(field, message, status);
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
    // dotted paths already reach into arrays, so a nested query is its inner query
    if (key === "nested") {
      if (!isObject(clause.nested) || !isObject(clause.nested.query)) throw filterError('"nested" needs {"path": "related", "query": {...}}.');
      return compileClause(clause.nested.query, depth + 1);
    }
    if (LEAF_TYPES.includes(key)) return compileLeaf(key, clause[key]);
    throw filterError(`unknown clause "${key}". Use one of: ${[...LEAF_TYPES, "bool", "nested"].join(", ")}, or must/should/must_not.`);
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
  // {} asks for nothing in particular: every record
  if (isObject(parsed) && Object.keys(parsed).length === 0) return () => true;
  return compileClause(parsed, 0);
}

// ---- Sorting ----

/**
 * @param {string | null} field a field path; a leading "-" means descending
 * @param {object[]} records used to tell known fields from unknown ones
 * @param {string} paramName named in the error if the field is unknown
 */
export function parseSort(field, records, paramName, status = 400) {
  if (field === null || field.trim() === "") return null;
  let path = field.trim();
  let desc = false;
  if (path.startsWith("-")) { desc = true; path = path.slice(1); }
  else if (path.startsWith("+")) path = path.slice(1);
  const known = /^[A-Za-z_][\w.]*$/.test(path) && records.some((r) => valuesAt(r, path).length > 0);
  if (!known) throw invalidParameter(paramName, `cannot sort by "${path.slice(0, 60)}": no record has that field.`, status);
  return { path, desc };
}

function sortKey(record, path) {
  const v = valuesAt(record, path)[0];
  return v === undefined || v === null || v === "" ? null : typeof v === "string" ? v.toLowerCase() : v;
}

/**
 * Sorts by one field, empty values last; ties keep the order records were stored in (reversed
 * when descending), so entries written in the same second still read in the order they happened.
 */
export function sortRecords(records, { path, desc }) {
  const keyed = records.map((r, i) => ({ r, i, k: sortKey(r, path) }));
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) {
      if (a.k === b.k) return a.i - b.i;
      return a.k === null ? 1 : -1;
    }
    const c = compare(a.k, b.k) || a.i - b.i;
    return desc ? -c : c;
  });
  return keyed.map((x) => x.r);
}

/** The documented default order: newest first by date_created (§4). */
export const DEFAULT_SORT = { path: "date_created", desc: true };

/** A guess: JobNimbus documents 10,000 as the largest `size` only for /v2/workorders (§3h); the mock applies it to every list. */
export const MAX_SIZE = 10000;
export const DEFAULT_SIZE = 1000;

/** `fields=jnid,display_name` → ["jnid", "display_name"]; null when absent (every field). */
export function parseFields(params) {
  const raw = params.get("fields");
  if (raw === null || raw.trim() === "") return null;
  const fields = raw.split(",").map((f) => f.trim()).filter(Boolean);
  const bad = fields.find((f) => !/^[A-Za-z_][\w.]*$/.test(f));
  if (bad) throw invalidParameter("fields", `"${bad.slice(0, 60)}" is not a field name; send names separated by commas, e.g. fields=jnid,display_name.`);
  return fields;
}

/**
 * One list answer's records: filtered, sorted and paged as the query says.
 * @param {URLSearchParams} params
 * @param {object[]} all every record of the collection
 * @returns {{ count: number, page: object[], fields: string[] | null }} count: how many match in all (§4)
 */
export function listRecords(params, all) {
  const size = parseWholeNumber(params, "size", DEFAULT_SIZE, MAX_SIZE);
  const from = parseWholeNumber(params, "from", 0, 0);
  const fields = parseFields(params);
  const matches = compileFilter(params.get("filter"));
  let sort = DEFAULT_SORT;
  const field = params.get("sort_field");
  const rawDirection = params.get("sort_direction");
  const direction = (rawDirection ?? "desc").trim().toLowerCase();
  if (direction !== "asc" && direction !== "desc") {
    throw invalidParameter("sort_direction", `must be "asc" or "desc", got "${String(rawDirection).slice(0, 20)}".`);
  }
  if (field !== null && field.trim() !== "") {
    const path = field.trim();
    if (!/^[A-Za-z_][\w.]*$/.test(path) || !all.some((r) => valuesAt(r, path).length > 0)) {
      throw invalidParameter("sort_field", `cannot sort by "${path.slice(0, 60)}": no record has that field.`);
    }
    sort = { path, desc: direction === "desc" };
  } else {
    sort = { ...DEFAULT_SORT, desc: direction === "desc" };
  }
  const records = all.filter(matches);
  const page = sortRecords(records, sort).slice(from, from + size);
  return { count: records.length, page, fields };
}
