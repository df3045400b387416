// Legacy API routes: /api1/{contacts|jobs|tasks|activities|files}[/{jnid}] with size/from
// paging and the Elasticsearch-style ?filter; file downloads come back as real binaries.

import { HttpError, send, sendJson } from "./http.mjs";
import { DEFAULT_SORT, compileFilter, parsePaging, parseSort, sortRecords } from "./query.mjs";
import { allowMethods, createRecord, findRecord, notFound, serveRecord } from "./resource.mjs";

export const LEGACY_PREFIX = "api1";
export const LEGACY_ENDPOINTS = ["contacts", "jobs", "tasks", "activities", "files"];

function list(ctx, collection) {
  const { params } = ctx;
  const paging = parsePaging(params, { limitName: "size", offsetName: "from", defaultLimit: 25, maxLimit: 1000 });
  const matches = compileFilter(params.get("filter"));
  const all = ctx.store.list(collection);
  let sort = DEFAULT_SORT;
  const field = params.get("sort_field");
  if (field) {
    const direction = (params.get("sort_direction") ?? "desc").toLowerCase();
    if (direction !== "asc" && direction !== "desc") {
      const message = `must be "asc" or "desc", got "${direction.slice(0, 20)}".`;
      throw new HttpError(422, `Invalid query parameter "sort_direction": ${message}`, { extensions: { errors: [{ field: "sort_direction", message }] } });
    }
    sort = { ...parseSort(field, all, "sort_field"), desc: direction === "desc" };
  }
  const records = all.filter(matches);
  const sorted = sortRecords(records, sort);
  sendJson(ctx.res, 200, { count: records.length, results: sorted.slice(paging.offset, paging.offset + paging.limit) });
}

function download(ctx, id) {
  const meta = findRecord(ctx, "files", id);
  const body = ctx.store.fileBody(id) ?? Buffer.alloc(0);
  send(ctx.res, 200, meta.content_type, body, {
    "Content-Disposition": `attachment; filename="${meta.filename.replace(/[^\w.-]/g, "_")}"`,
    "X-Content-Type-Options": "nosniff",
  });
}

/** @param {string[]} segments decoded path segments after "api1" */
export async function handleLegacy(ctx, segments) {
  const [endpoint, id, ...rest] = segments;
  if (!endpoint || !LEGACY_ENDPOINTS.includes(endpoint) || rest.length) {
    throw notFound(ctx, `There is no endpoint at ${ctx.path}. Available: ${LEGACY_ENDPOINTS.map((e) => `/${LEGACY_PREFIX}/${e}`).join(", ")}.`);
  }
  const base = `/${LEGACY_PREFIX}/${endpoint}`;
  if (endpoint === "files") {
    allowMethods(ctx, id === undefined ? ["GET", "HEAD"] : ["GET", "HEAD", "DELETE"]);
    if (id === undefined) return list(ctx, "files");
    return ctx.method === "DELETE" ? serveRecord(ctx, "files", id) : download(ctx, id);
  }
  if (id === undefined) {
    allowMethods(ctx, ["GET", "HEAD", "POST"]);
    return ctx.method === "POST" ? createRecord(ctx, endpoint, base) : list(ctx, endpoint);
  }
  allowMethods(ctx, ["GET", "HEAD", "PUT", "DELETE"]);
  return serveRecord(ctx, endpoint, id);
}
