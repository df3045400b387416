// Which methods a path takes and whether the key may use them: a 405 naming the allowed methods
// (with Allow), then a 403 when the key's access profile may only read.

import { forbiddenError } from "./errors.mjs";
import { HttpError } from "./http.mjs";
import { mayUse } from "./keys.mjs";

/**
 * @param {{ api: string, method: string, path: string, auth: { access: string } }} ctx
 * @param {string[]} methods what the path takes; HEAD goes wherever GET does
 * @param {string} [hint] a sentence added to the 405, such as how to delete without DELETE
 */
export function allowMethods(ctx, methods, hint = "") {
  const method = ctx.method === "HEAD" && methods.includes("GET") ? "GET" : ctx.method;
  if (!methods.includes(method)) {
    throw new HttpError(405, `${ctx.method} is not supported on ${ctx.path}. Allowed methods: ${methods.join(", ")}.${hint ? ` ${hint}` : ""}`, {
      headers: { Allow: methods.join(", ") },
    });
  }
  if (!mayUse(ctx.auth, method)) throw forbiddenError(ctx.method, ctx.path);
}
