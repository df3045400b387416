// Per-record operations shared by the Platform and Legacy routes: method and permission
// checks, 404 lookup, create, update and delete, each answering with the right status.

import { forbiddenDetail } from "./problems.mjs";
import { HttpError, readJsonObject, sendEmpty, sendJson } from "./http.mjs";
import { mayUse } from "./keys.mjs";

/** 405 (with Allow) if the method is not listed, then 403 if the key may not use it. */
export function allowMethods(ctx, methods) {
  if (!methods.includes(ctx.method)) {
    throw new HttpError(405, `${ctx.method} is not supported on ${ctx.path}. Allowed methods: ${methods.join(", ")}.`, {
      headers: { Allow: methods.join(", ") },
      extensions: { allowed_methods: methods },
    });
  }
  if (!mayUse(ctx.auth, ctx.method)) {
    throw new HttpError(403, forbiddenDetail(ctx.method, ctx.path), { extensions: { access: "read-only" } });
  }
}

export function notFound(ctx, what) {
  return new HttpError(404, what ?? `Nothing is at ${ctx.path}.`);
}

/** The record or a 404 naming what was missing. */
export function findRecord(ctx, collection, id) {
  const record = ctx.store.get(collection, id);
  if (!record) throw notFound(ctx, `No ${collection.replace(/s$/, "").replace(/ie$/, "y")} has jnid "${id.slice(0, 60)}".`);
  return record;
}

/**
 * Answers GET/PUT/PATCH/DELETE on one record (after allowMethods).
 * @param {string} collection
 * @param {string} id
 */
export async function serveRecord(ctx, collection, id) {
  const { method, store, res } = ctx;
  if (method === "GET" || method === "HEAD") return sendJson(res, 200, findRecord(ctx, collection, id));
  if (method === "DELETE") {
    findRecord(ctx, collection, id);
    store.remove(collection, id);
    return sendEmpty(res, 204);
  }
  findRecord(ctx, collection, id);
  const body = await readJsonObject(ctx.req);
  return sendJson(res, 200, store.update(collection, id, body));
}

/** Answers POST on a collection with 201, the record and a Location header. */
export async function createRecord(ctx, collection, location) {
  const body = await readJsonObject(ctx.req);
  const record = ctx.store.create(collection, body, ctx.auth.label);
  return sendJson(ctx.res, 201, record, { Location: `${location}/${record.jnid}` });
}
