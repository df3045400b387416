// How each API words a failure. Legacy: `{"status", "body"}` like the observed 401 (§6). Platform:
// Problem Details with the documented 401 and 403 bodies exactly (§1a).

import { HttpError, send, sendJson } from "./http.mjs";

/** The legacy 401 body a live account answers for a missing or wrong key (W6W, §6). */
export const LEGACY_UNAUTHORIZED = "Authentication required";

/**
 * Platform problem types and titles by status. The documented 401 (DEV-AUTH) uses ASP.NET Core's
 * default type URL for 401; the mock takes the rest of that same default table (a guess, README).
 */
export const PLATFORM_PROBLEMS = {
  400: ["https://tools.ietf.org/html/rfc7231#section-6.5.1", "Bad Request"],
  401: ["https://tools.ietf.org/html/rfc7235#section-3.1", "Unauthorized"],
  403: ["https://tools.ietf.org/html/rfc7231#section-6.5.3", "Forbidden"],
  404: ["https://tools.ietf.org/html/rfc7231#section-6.5.4", "Not Found"],
  405: ["https://tools.ietf.org/html/rfc7231#section-6.5.5", "Method Not Allowed"],
  409: ["https://tools.ietf.org/html/rfc7231#section-6.5.8", "Conflict"],
  413: ["https://tools.ietf.org/html/rfc7231#section-6.5.11", "Payload Too Large"],
  429: ["https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests"],
  500: ["https://tools.ietf.org/html/rfc7231#section-6.6.1", "An error occurred while processing your request."],
};
export const PLATFORM_PROBLEM_CONTENT_TYPE = "application/problem+json";

/** `{type, title, status}` and, except for the documented 401 and 403, a `detail`. */
export function platformProblem(status, detail) {
  const [type, title] = PLATFORM_PROBLEMS[status] ?? PLATFORM_PROBLEMS[500];
  const body = { type, title, status };
  return status === 401 || status === 403 || !detail ? body : { ...body, detail };
}

/** 401 for a missing or unknown key, worded as `api` words it. */
export function unauthorizedError(api) {
  const detail = api === "legacy" ? LEGACY_UNAUTHORIZED : "";
  return new HttpError(401, detail, { headers: api === "legacy" ? {} : { "WWW-Authenticate": "Bearer" } });
}

/** 403 for a key whose access profile may only read. */
export function forbiddenError(method, path) {
  return new HttpError(403, `This API key's access profile does not allow ${method} on ${path}.`);
}

/**
 * Sends `err` (an HttpError) as the API of `ctx.api` words errors.
 * @param {{ api: "legacy" | "platform", res: import("node:http").ServerResponse, path: string, requestId: string }} ctx
 */
export function sendError(ctx, err) {
  const { res } = ctx;
  if (ctx.api === "legacy") return sendJson(res, err.status, { status: err.status, body: err.detail }, err.headers);
  return send(res, err.status, PLATFORM_PROBLEM_CONTENT_TYPE, JSON.stringify(platformProblem(err.status, err.detail)), err.headers);
}
