// Platform API routes: /{service}/v1/{endpoint}[/{id}] with limit/offset paging,
// ?q text search, ?status and ?sort. Only the "crm" service exists in the mock.
// /crm/v1/activities/feed pages another way, by cursor: newest first, `next_cursor` in each answer.

import { sendJson } from "./http.mjs";
import { DEFAULT_SORT, decodeCursor, encodeCursor, parsePaging, parseSort, parseWholeNumber, sortRecords, textMatcher } from "./query.mjs";
import { allowMethods, createRecord, notFound, serveRecord } from "./resource.mjs";

export const SERVICES = { crm: ["contacts", "jobs", "tasks", "activities"] };
export const PLATFORM_VERSION = "v1";

function list(ctx, collection) {
  const { params } = ctx;
  const paging = parsePaging(params, { limitName: "limit", offsetName: "offset", defaultLimit: 25, maxLimit: 200 });
  const all = ctx.store.list(collection);
  const sort = parseSort(params.get("sort"), all, "sort") ?? DEFAULT_SORT;
  let records = all;
  const q = params.get("q");
  if (q) records = records.filter(textMatcher(q));
  const status = params.get("status");
  if (status) records = records.filter((r) => typeof r.status_name === "string" && r.status_name.toLowerCase() === status.trim().toLowerCase());
  const sorted = sortRecords(records, sort);
  sendJson(ctx.res, 200, {
    results: sorted.slice(paging.offset, paging.offset + paging.limit),
    count: records.length,
    limit: paging.limit,
    offset: paging.offset,
  });
}

export const FEED_DEFAULT_LIMIT = 20;
export const FEED_MAX_LIMIT = 100;

const isFeedKey = (key) => Array.isArray(key) && key.length === 2 && Number.isSafeInteger(key[0]) && typeof key[1] === "string";
/** Newest first, then by jnid: the order the feed pages in. */
const feedOrder = (a, b) => b.date_created - a.date_created || (a.jnid < b.jnid ? -1 : a.jnid > b.jnid ? 1 : 0);

/**
 * Recent activity across every record, cursor-paged: a cursor names the last record of a page, so
 * notes added meanwhile never shift the pages still to come.
 */
function feed(ctx) {
  const { params } = ctx;
  const limit = parseWholeNumber(params, "limit", FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT, 1);
  const after = decodeCursor(params, "cursor", isFeedKey);
  const type = params.get("type")?.trim().toLowerCase();
  let records = ctx.store.list("activities").filter((r) => Number.isSafeInteger(r.date_created) && typeof r.jnid === "string");
  if (type) records = records.filter((r) => typeof r.record_type_name === "string" && r.record_type_name.toLowerCase() === type);
  records.sort(feedOrder);
  const rest = after ? records.filter((r) => feedOrder(r, { date_created: after[0], jnid: after[1] }) > 0) : records;
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  sendJson(ctx.res, 200, { results: page, next_cursor: rest.length > limit && last ? encodeCursor([last.date_created, last.jnid]) : null });
}

/** @param {string[]} segments decoded path segments, e.g. ["crm", "v1", "contacts", "abc123de"] */
export async function handlePlatform(ctx, segments) {
  const [service, version, endpoint, id, ...rest] = segments;
  const endpoints = Object.hasOwn(SERVICES, service) ? SERVICES[service] : null;
  if (!endpoints) {
    throw notFound(ctx, `There is no service "${String(service).slice(0, 40)}". Paths look like /{service}/v1/{endpoint}; available services: ${Object.keys(SERVICES).join(", ")}.`);
  }
  if (version !== PLATFORM_VERSION || !endpoint || !endpoints.includes(endpoint) || rest.length) {
    throw notFound(ctx, `There is no endpoint at ${ctx.path}. Available: ${endpoints.map((e) => `/${service}/${PLATFORM_VERSION}/${e}`).join(", ")}.`);
  }
  const base = `/${service}/${PLATFORM_VERSION}/${endpoint}`;
  if (endpoint === "activities" && id === "feed") {
    allowMethods(ctx, ["GET", "HEAD"]);
    return feed(ctx);
  }
  if (id === undefined) {
    allowMethods(ctx, ["GET", "HEAD", "POST"]);
    return ctx.method === "POST" ? createRecord(ctx, endpoint, base) : list(ctx, endpoint);
  }
  allowMethods(ctx, ["GET", "HEAD", "PUT", "PATCH", "DELETE"]);
  return serveRecord(ctx, endpoint, id);
}
