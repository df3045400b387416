// Invented; removed once the console no longer calls it. An earlier version of the mock made up a
// Platform "crm/v1" service (contacts, jobs, tasks, activities and an activity feed) that no
// public source shows JobNimbus to have. The console's recipes, catalogue and browser tests still
// call it, so it keeps its old behaviour here, on the same records as /api1, until they move to the
// legacy API. Nothing in mock/README.md presents it as JobNimbus behaviour.

import { HttpError, readJsonObject, sendEmpty, sendJson } from "./http.mjs";
import { mayUse } from "./keys.mjs";
import { parseSort, parseWholeNumber, sortRecords } from "./query.mjs";

// ---- Its error bodies: invented problem types under api.jobnimbus.com/problems/ ----

const PROBLEM_BASE = "https://api.jobnimbus.com/problems/";
export const CRM_PROBLEM_CONTENT_TYPE = "application/problem+json";
/** status → [slug, title] */
const CATALOGUE = {
  400: ["bad-request", "Bad Request"],
  401: ["unauthorized", "Unauthorized"],
  403: ["forbidden", "Forbidden"],
  404: ["not-found", "Not Found"],
  405: ["method-not-allowed", "Method Not Allowed"],
  413: ["payload-too-large", "Payload Too Large"],
  422: ["validation-error", "Validation Error"],
  429: ["rate-limited", "Too Many Requests"],
  500: ["server-error", "Internal Server Error"],
};

export function crmProblemBody(status, detail, { instance, extensions = {} }) {
  const [slug, title] = CATALOGUE[status] ?? CATALOGUE[500];
  return { type: PROBLEM_BASE + slug, title, status, detail, instance, ...extensions };
}

export const CRM_UNAUTHORIZED_DETAIL = "The API key is missing or invalid.";

export function crmForbiddenDetail(method, path) {
  return `This API key's access profile does not allow ${method} on ${path}. Ask an administrator for an access profile with write permission.`;
}

// ---- Routes ----

const ENDPOINTS = ["contacts", "jobs", "tasks", "activities"];
const DEFAULT_SORT = { path: "date_updated", desc: true };
const STATUS = 422;

function allowMethods(ctx, methods) {
  if (!methods.includes(ctx.method)) {
    throw new HttpError(405, `${ctx.method} is not supported on ${ctx.path}. Allowed methods: ${methods.join(", ")}.`, {
      headers: { Allow: methods.join(", ") },
      extensions: { allowed_methods: methods },
    });
  }
  if (!mayUse(ctx.auth, ctx.method)) {
    throw new HttpError(403, crmForbiddenDetail(ctx.method, ctx.path), { extensions: { access: "read-only" } });
  }
}

const notFound = (what) => new HttpError(404, what);

function findRecord(ctx, collection, id) {
  const record = ctx.store.get(collection, id);
  if (!record) throw notFound(`No ${collection.replace(/s$/, "").replace(/ie$/, "y")} has jnid "${id.slice(0, 60)}".`);
  return record;
}

const SEARCH_FIELDS = ["name", "display_name", "first_name", "last_name", "company", "email", "home_phone", "mobile_phone", "number", "title", "note", "filename"];

/** Case-insensitive substring search over the main text fields; digits-only queries also match phones. */
function textMatcher(q) {
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

function list(ctx, collection) {
  const { params } = ctx;
  const limit = parseWholeNumber(params, "limit", 25, 200, 0, STATUS);
  const offset = parseWholeNumber(params, "offset", 0, 0, 0, STATUS);
  const all = ctx.store.list(collection);
  const sort = parseSort(params.get("sort"), all, "sort", STATUS) ?? DEFAULT_SORT;
  let records = all;
  const q = params.get("q");
  if (q) records = records.filter(textMatcher(q));
  const status = params.get("status");
  if (status) records = records.filter((r) => typeof r.status_name === "string" && r.status_name.toLowerCase() === status.trim().toLowerCase());
  const sorted = sortRecords(records, sort);
  sendJson(ctx.res, 200, { results: sorted.slice(offset, offset + limit), count: records.length, limit, offset });
}

const encodeCursor = (key) => Buffer.from(JSON.stringify(key)).toString("base64url");

function decodeCursor(params) {
  const raw = params.get("cursor");
  if (raw === null || raw === "") return null;
  let key;
  try {
    key = /^[\w-]{1,200}$/.test(raw) ? JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) : undefined;
  } catch {
    key = undefined;
  }
  if (!(Array.isArray(key) && key.length === 2 && Number.isSafeInteger(key[0]) && typeof key[1] === "string")) {
    const message = "is not a cursor this API handed out; leave it out to start from the first page.";
    throw new HttpError(STATUS, `Invalid query parameter "cursor": ${message}`, { extensions: { errors: [{ field: "cursor", message }] } });
  }
  return key;
}

/** Newest first, then by jnid: the order the feed pages in. */
const feedOrder = (a, b) => b.date_created - a.date_created || (a.jnid < b.jnid ? -1 : a.jnid > b.jnid ? 1 : 0);

/** Every activity, cursor-paged: a cursor names the last record of a page, so new notes never shift later pages. */
function feed(ctx) {
  const { params } = ctx;
  const limit = parseWholeNumber(params, "limit", 20, 100, 1, STATUS);
  const after = decodeCursor(params);
  const type = params.get("type")?.trim().toLowerCase();
  let records = ctx.store.list("activities");
  if (type) records = records.filter((r) => typeof r.record_type_name === "string" && r.record_type_name.toLowerCase() === type);
  records.sort(feedOrder);
  const rest = after ? records.filter((r) => feedOrder(r, { date_created: after[0], jnid: after[1] }) > 0) : records;
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  sendJson(ctx.res, 200, { results: page, next_cursor: rest.length > limit && last ? encodeCursor([last.date_created, last.jnid]) : null });
}

/** Fields a client cannot set; they are ignored in request bodies. */
const READ_ONLY = new Set(["jnid", "type", "date_created", "date_updated", "created_by", "created_by_name", "number", "recid", "customer", "size", "content_type"]);
const writable = (body) => Object.fromEntries(Object.entries(body).filter(([k]) => !READ_ONLY.has(k)));

function failIf(errors) {
  if (errors.length) {
    throw new HttpError(STATUS, `The ${errors.length === 1 ? "field" : "fields"} ${errors.map((e) => `"${e.field}"`).join(", ")} ${errors.length === 1 ? "is" : "are"} not valid.`, { extensions: { errors } });
  }
}

async function create(ctx, collection) {
  const body = await readJsonObject(ctx.req);
  const { record, errors } = completeRecord(ctx.store, collection, writable(body));
  failIf(errors);
  const stored = ctx.store.insert(collection, record, ctx.store.owner());
  return sendJson(ctx.res, 201, stored, { Location: `/crm/v1/${collection}/${stored.jnid}` });
}

async function serveRecord(ctx, collection, id) {
  const { method, store, res } = ctx;
  const current = findRecord(ctx, collection, id);
  if (method === "GET" || method === "HEAD") return sendJson(res, 200, current);
  if (method === "DELETE") {
    store.remove(collection, id);
    return sendEmpty(res, 204);
  }
  const changes = writable(await readJsonObject(ctx.req));
  if (collection === "contacts" && changes.display_name === undefined &&
      (changes.first_name !== undefined || changes.last_name !== undefined) &&
      current.display_name === `${current.first_name} ${current.last_name}`.trim()) {
    changes.display_name = "";
  }
  const { record, errors } = completeRecord(store, collection, { ...current, ...changes });
  failIf(errors);
  return sendJson(res, 200, store.update(collection, id, record, store.owner()));
}

/** @param {string[]} segments decoded path segments, e.g. ["crm", "v1", "contacts", "abc123de"] */
export async function handleCrm(ctx, segments) {
  const [, version, endpoint, id, ...rest] = segments;
  if (version !== "v1" || !endpoint || !ENDPOINTS.includes(endpoint) || rest.length) {
    throw notFound(`There is no endpoint at ${ctx.path}. Available: ${ENDPOINTS.map((e) => `/crm/v1/${e}`).join(", ")}.`);
  }
  if (endpoint === "activities" && id === "feed") {
    allowMethods(ctx, ["GET", "HEAD"]);
    return feed(ctx);
  }
  if (id === undefined) {
    allowMethods(ctx, ["GET", "HEAD", "POST"]);
    return ctx.method === "POST" ? create(ctx, endpoint) : list(ctx, endpoint);
  }
  allowMethods(ctx, ["GET", "HEAD", "PUT", "PATCH", "DELETE"]);
  return serveRecord(ctx, endpoint, id);
}

// ---- Its own checks on a record before it is stored ----

const STRING_FIELDS = {
  contacts: ["first_name", "last_name", "display_name", "company", "email", "home_phone", "mobile_phone", "address_line1", "city", "state_text", "zip", "status_name", "sales_rep_name"],
  jobs: ["name", "description", "status_name", "sales_rep_name", "address_line1", "city", "state_text", "zip"],
  tasks: ["title", "description"],
  activities: ["note"],
};

const blank = (v) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** The names this collection's record_type_name may take, from the account, the first being the default. */
function recordTypes(ix, collection) {
  const names = (map) => [...map.values()].map((v) => v.name ?? v.TypeName);
  if (collection === "contacts") return names(ix.workflows.contact);
  if (collection === "jobs") return names(ix.workflows.job);
  return names(collection === "tasks" ? ix.taskTypes : ix.activityTypes);
}

const DEFAULT_TYPE = { contacts: "Lead", tasks: "Follow-up", activities: "Note" };

/**
 * @returns {{ record: Record<string, any>, errors: {field: string, message: string}[] }}
 */
function completeRecord(store, collection, draft) {
  const { ix } = store;
  const errors = [];
  const err = (field, message) => errors.push({ field, message });
  const types = recordTypes(ix, collection);
  const record = { ...draft };
  if (blank(record.record_type_name)) record.record_type_name = DEFAULT_TYPE[collection] ?? types[0];
  for (const field of STRING_FIELDS[collection]) {
    if (record[field] !== undefined && record[field] !== null && typeof record[field] !== "string") err(field, "must be a string.");
  }
  if (record.is_active !== undefined && typeof record.is_active !== "boolean") err("is_active", "must be true or false.");
  if (typeof record.record_type_name !== "string" || !types.includes(record.record_type_name)) {
    err("record_type_name", `must be one of: ${types.join(", ")}.`);
  } else if (collection === "contacts" || collection === "jobs") {
    const workflow = ix.workflows[collection === "contacts" ? "contact" : "job"].get(ix.norm(record.record_type_name));
    if (blank(record.status_name)) record.status_name = workflow.status[0].name;
  }
  const toRef = (value, field, kinds) => {
    if (value === null || typeof value !== "object" || Array.isArray(value) || blank(value.id) || typeof value.id !== "string") {
      err(`${field}.id`, "is required: the jnid of a " + kinds.join(" or ") + ".");
      return null;
    }
    const target = store.get("contacts", value.id) ?? store.get("jobs", value.id);
    if (!target || !kinds.includes(target.type)) {
      err(`${field}.id`, `no ${kinds.join(" or ")} has jnid "${value.id.slice(0, 40)}".`);
      return null;
    }
    return { id: target.jnid };
  };

  if (collection === "contacts") {
    for (const field of ["first_name", "last_name", "company", "email"]) record[field] ??= "";
    if (blank(record.first_name) && blank(record.display_name)) err("first_name", "first_name or display_name is required.");
    if (typeof record.email === "string" && record.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(record.email)) err("email", "is not a valid e-mail address.");
    record.tags ??= [];
    if (!Array.isArray(record.tags) || record.tags.some((t) => typeof t !== "string")) err("tags", "must be an array of strings.");
    if (blank(record.display_name) && errors.length === 0) {
      record.display_name = record.company || `${record.first_name} ${record.last_name}`.trim();
    }
  }
  if (collection === "jobs") {
    if (blank(record.name)) err("name", "is required.");
    record.approved_estimate_total ??= 0;
    if (typeof record.approved_estimate_total !== "number" || !Number.isFinite(record.approved_estimate_total) || record.approved_estimate_total < 0) {
      err("approved_estimate_total", "must be a number of 0 or more.");
    }
    if (record.primary !== null && record.primary !== undefined) {
      record.primary = toRef(record.primary, "primary", ["contact"]);
      if (record.primary && !draft.related) record.related = [record.primary];
    }
  }
  if (collection === "tasks") {
    record.date_start ??= 0;
    record.date_end ??= 0;
    record.is_completed ??= false;
    record.priority ??= 0;
    record.related ??= [];
    if (blank(record.title)) err("title", "is required.");
    for (const field of ["date_start", "date_end"]) {
      if (!Number.isInteger(record[field]) || record[field] < 0) err(field, "must be a unix time in whole seconds.");
    }
    if (Number.isInteger(record.date_start) && Number.isInteger(record.date_end) && record.date_start && record.date_end && record.date_end < record.date_start) {
      err("date_end", "must not be before date_start.");
    }
    if (typeof record.is_completed !== "boolean") err("is_completed", "must be true or false.");
    if (!Number.isInteger(record.priority) || record.priority < 0 || record.priority > 3) err("priority", "must be a whole number from 0 to 3.");
    if (!Array.isArray(record.related)) err("related", "must be an array of {\"id\"} references.");
    else record.related = record.related.map((item, i) => toRef(item, `related[${i}]`, ["job", "contact"]));
    if (record.owners !== undefined && (!Array.isArray(record.owners) || record.owners.some((o) => o === null || typeof o !== "object" || typeof o.id !== "string"))) {
      err("owners", "must be an array of {\"id\"}.");
    }
  }
  if (collection === "activities") {
    if (blank(record.note)) err("note", "is required.");
    if (record.primary === undefined || record.primary === null) err("primary.id", "is required: the jnid of the job or contact this note belongs to.");
    else record.primary = toRef(record.primary, "primary", ["job", "contact"]);
  }
  return { record, errors };
}
