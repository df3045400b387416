// One legacy resource's records (jobnimbus-api.md §3, §4, §6): list them in the resource's envelope,
// read one, create and update with the account's checks; shared by the records, files and v2 routes.

import { checkWrite } from "./legacy-validate.mjs";
import { HttpError, readJsonObject, sendJson } from "./http.mjs";
import { listRecords, parseFields } from "./query.mjs";
import { blankRecord, pickFields } from "./records.mjs";

export const NO_DELETE = 'The JobNimbus API has no DELETE: to delete a record, PUT {"is_active": false} to it.';

/** Fields the server keeps for itself; derived ones come from the names a write sends. */
const SERVER_FIELDS = ["jnid", "recid", "number", "customer", "type", "created_by", "created_by_name", "date_updated", "date_status_change", "sales_rep_name"];
const DERIVED = {
  contacts: ["record_type", "status", "source"],
  jobs: ["record_type", "status", "source"],
  workorders: ["record_type", "status"],
  tasks: ["record_type"],
  activities: ["record_type"],
  files: ["record_type_name", "filename", "content_type", "size", "md5"],
};

/** The fields of `body` a write may set: what the collection's records have, and custom fields (cf_*). */
export function writableFields(store, collection, body, creating) {
  const known = new Set([...Object.keys(blankRecord(collection, { id: "" }, 0)), ...Object.keys(store.list(collection)[0] ?? {}), "record_type_name", "status_name", "source_name"]);
  const refused = new Set([...SERVER_FIELDS, ...(DERIVED[collection] ?? []), ...(creating ? [] : ["date_created"])]);
  return Object.fromEntries(Object.entries(body).filter(([k]) => !refused.has(k) && (known.has(k) || /^cf_[a-z]+_\d+$/.test(k))));
}

/** The user a call acts as: `?actor=<email>` (§2), or the account owner, whose admin-level key the mock's keys stand for. */
export function actingUser(ctx) {
  const raw = ctx.params.get("actor");
  if (raw === null || raw.trim() === "") return ctx.store.owner();
  const user = ctx.store.ix.usersByEmail.get(raw.trim().toLowerCase());
  if (!user || !user.is_active) {
    throw new HttpError(400, `actor ${JSON.stringify(raw.slice(0, 120))} is not an active user of this account; use the email of a team member from GET /account/users, or leave actor out.`);
  }
  return user;
}

export function findRecord(ctx, collection, id) {
  const record = ctx.store.get(collection, id);
  if (!record) throw new HttpError(404, `No ${collection.replace(/ies$/, "y").replace(/s$/, "")} has jnid ${JSON.stringify(id.slice(0, 60))}.`);
  return record;
}

/** 400 with every problem of a write, in plain sentences. */
export function refuseProblems(problems) {
  if (problems.length) throw new HttpError(400, problems.join(" "));
}

export function listAnswer(ctx, collection, key) {
  const { count, page, fields } = listRecords(ctx.params, ctx.store.list(collection));
  sendJson(ctx.res, 200, { count, [key]: fields ? page.map((r) => pickFields(r, fields)) : page });
}

/** Work orders without a workflow go into the account's first work-order workflow, at its first status (a guess). */
function withWorkOrderDefaults(ix, fields) {
  if (fields.record_type_name !== undefined && fields.record_type_name !== null && fields.record_type_name !== "") return fields;
  const [workflow] = ix.workflows.workorder.values();
  return workflow ? { ...fields, record_type_name: workflow.name, status_name: fields.status_name || workflow.status[0]?.name } : fields;
}

export async function create(ctx, collection) {
  const { store } = ctx;
  const body = await readJsonObject(ctx.req);
  const given = writableFields(store, collection, body, true);
  const fields = collection === "workorders" ? withWorkOrderDefaults(store.ix, given) : given;
  refuseProblems(checkWrite(collection, fields, { ix: store.ix, account: store.account, find: store.find, creating: true, body }));
  sendJson(ctx.res, 200, store.insert(collection, fields, ctx.user));
}

export async function update(ctx, collection, id) {
  const { store } = ctx;
  const current = findRecord(ctx, collection, id);
  const body = await readJsonObject(ctx.req);
  const fields = writableFields(store, collection, body, false);
  refuseProblems(checkWrite(collection, { ...current, ...fields }, { ix: store.ix, account: store.account, find: store.find, creating: false, body }));
  sendJson(ctx.res, 200, store.update(collection, id, fields, ctx.user));
}

/** One record, trimmed to `fields` when asked. */
export function readRecord(ctx, collection, id) {
  sendJson(ctx.res, 200, pickFields(findRecord(ctx, collection, id), parseFields(ctx.params)));
}
