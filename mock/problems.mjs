// RFC 9457 Problem Details: one builder and the catalogue of problem types the mock emits.
// Every error body is `application/problem+json` with a type URL under api.jobnimbus.com.

export const PROBLEM_BASE = "https://api.jobnimbus.com/problems/";
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

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

/**
 * @param {number} status
 * @param {string} detail
 * @param {{ instance: string, extensions?: Record<string, unknown> }} where
 */
export function problem(status, detail, { instance, extensions = {} }) {
  const [slug, title] = CATALOGUE[status] ?? CATALOGUE[500];
  return { type: PROBLEM_BASE + slug, title, status, detail, instance, ...extensions };
}

export const UNAUTHORIZED_DETAIL = "The API key is missing or invalid.";

export function forbiddenDetail(method, path) {
  return `This API key's access profile does not allow ${method} on ${path}. Ask an administrator for an access profile with write permission.`;
}
