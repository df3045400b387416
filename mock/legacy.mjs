// Legacy API routes under /api1 (jobnimbus-api.md §2-§4): which resource a path names and which
// methods it takes (GET, POST and PUT only); files and account settings have their own modules.

import { handleAccount } from "./legacy-account.mjs";
import { handleFiles } from "./legacy-files.mjs";
import { NO_DELETE, actingUser, create, listAnswer, readRecord, update } from "./legacy-records.mjs";
import { allowMethods } from "./methods.mjs";
import { HttpError } from "./http.mjs";

export const LEGACY_PREFIX = "api1";

/** path under /api1 → collection and the key its list answers under (§5g) */
const RESOURCES = {
  contacts: { collection: "contacts", key: "results" },
  jobs: { collection: "jobs", key: "results" },
  tasks: { collection: "tasks", key: "results" },
  activities: { collection: "activities", key: "activity" },
  "v2/products": { collection: "products", key: "results" },
  "v2/workorders": { collection: "workorders", key: "results" },
  "v2/estimates": { collection: "estimates", key: "results" },
  "v2/invoices": { collection: "invoices", key: "results" },
  "v2/materialorders": { collection: "materialorders", key: "results" },
};

/** @param {string[]} segments decoded path segments after "api1" */
export async function handleLegacy(ctx, segments) {
  ctx.user = actingUser(ctx);
  const [first, ...rest] = segments;
  if (first === "account" || first === "utility") return handleAccount(ctx, segments);
  if (first === "files") return handleFiles(ctx, rest);
  const [name, tail] = first === "v2" ? [`v2/${rest[0]}`, rest.slice(1)] : [first, rest];
  const resource = Object.hasOwn(RESOURCES, name) ? RESOURCES[name] : null;
  if (!resource || tail.length > 1) {
    throw new HttpError(404, `There is nothing at ${ctx.path}. Resources: ${[...Object.keys(RESOURCES), "files", "account/settings", "account/users"].map((r) => `/${LEGACY_PREFIX}/${r}`).join(", ")}.`);
  }
  const { collection, key } = resource;
  const [id] = tail;
  if (id === undefined) {
    allowMethods(ctx, ["GET", "POST"], NO_DELETE);
    return ctx.method === "POST" ? create(ctx, collection) : listAnswer(ctx, collection, key);
  }
  allowMethods(ctx, ["GET", "PUT"], NO_DELETE);
  return ctx.method === "PUT" ? update(ctx, collection, id) : readRecord(ctx, collection, id);
}
