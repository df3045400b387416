// Platform API routes: /{service}/v1/{endpoint}[/{id}] with limit/offset paging,
// ?q text search, ?status and ?sort. Only the "crm" service exists in the mock.

import { sendJson } from "./http.mjs";
import { DEFAULT_SORT, parsePaging, parseSort, sortRecords, textMatcher } from "./query.mjs";
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
  if (id === undefined) {
    allowMethods(ctx, ["GET", "HEAD", "POST"]);
    return ctx.method === "POST" ? createRecord(ctx, endpoint, base) : list(ctx, endpoint);
  }
  allowMethods(ctx, ["GET", "HEAD", "PUT", "PATCH", "DELETE"]);
  return serveRecord(ctx, endpoint, id);
}
