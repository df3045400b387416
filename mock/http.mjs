// Low-level HTTP helpers: JSON responses, the HttpError type, body reading.
// Handlers throw HttpError; errors.mjs words it as the API that was called does.

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** An error that becomes a problem response with the given status. */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} detail
   * @param {{ extensions?: Record<string, unknown>, headers?: Record<string, string> }} [more]
   */
  constructor(status, detail, { extensions = {}, headers = {} } = {}) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.extensions = extensions;
    this.headers = headers;
  }
}

export function send(res, status, contentType, body, headers = {}) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (contentType) res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", buf.length);
  res.end(buf);
}

export function sendJson(res, status, value, headers = {}) {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value), headers);
}

export function sendEmpty(res, status, headers = {}) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end();
}

/** Reads the whole body, refusing more than `limit` bytes with a 413. */
export function readBody(req, limit = MAX_BODY_BYTES) {
  const tooLarge = () => new HttpError(413, `The request body is larger than the ${limit / 1024 / 1024} MB limit.`, {
    extensions: { limit_bytes: limit },
  });
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk) => {
      if (over) return; // keep draining so the socket can answer
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => { if (!over) resolve(Buffer.concat(chunks)); });
    req.on("error", reject);
  });
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Reads and parses a JSON object body; 400 for a missing, non-JSON or non-object body. */
export async function readJsonObject(req) {
  const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
  const raw = await readBody(req);
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/.test(contentType)) {
    throw new HttpError(400, `The request body must be JSON (Content-Type: application/json), not "${contentType.slice(0, 80)}".`);
  }
  const text = raw.toString("utf8").trim();
  if (!text) throw new HttpError(400, "The request body is empty; send a JSON object.");
  let value;
  try {
    value = JSON.parse(text, (key, v) => (FORBIDDEN_KEYS.has(key) ? undefined : v));
  } catch (e) {
    throw new HttpError(400, `The request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new HttpError(400, "The request body must be a JSON object.");
  }
  return value;
}
