// The mock JobNimbus API server: authentication, rate limits, simulations and routing to the legacy
// API (/api1) and the Platform API (the root).
// Import startMockUpstream(), or run `node mock/server.mjs --port 4010` (see cli.mjs).

import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { authenticate } from "./keys.mjs";
import { createRateLimiter } from "./ratelimit.mjs";
import { sendError, unauthorizedError } from "./errors.mjs";
import { HttpError, sendJson } from "./http.mjs";
import { handleLegacy, LEGACY_PREFIX } from "./legacy.mjs";
import { handlePlatform } from "./platform.mjs";
import { defaultNow } from "./seed/index.mjs";
import { applySimulation } from "./simulate.mjs";
import { createStore } from "./store.mjs";
import { createUploads } from "./uploads.mjs";

export { DEMO_KEY, DEMO_READONLY_KEY, TEST_KEY_PREFIX } from "./keys.mjs";

/** Splits the request target into the raw path (no query) and its parameters. */
function parseTarget(rawUrl) {
  let url = String(rawUrl || "/").replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  const hash = url.indexOf("#");
  if (hash !== -1) url = url.slice(0, hash);
  const q = url.indexOf("?");
  const path = (q === -1 ? url : url.slice(0, q)) || "/";
  return { path, params: new URLSearchParams(q === -1 ? "" : url.slice(q + 1)) };
}

function splitPath(path) {
  try {
    return path.split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    throw new HttpError(400, "The request path contains a malformed percent-encoding.");
  }
}

const pickRequestId = (incoming) =>
  typeof incoming === "string" && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();

const formatUrl = (host, port) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

/** Which API a path belongs to, for how its errors are worded: legacy (/api1) or platform. */
function apiOf(path) {
  const [, first = ""] = path.split("/");
  return first === LEGACY_PREFIX ? "legacy" : "platform";
}

/**
 * Starts the mock JobNimbus API.
 * @param {{ port?: number, host?: string, log?: boolean | ((line: string) => void), rateLimit?: number, now?: number, clock?: () => number }} [options]
 *   port 0 picks a free port; log prints one line per request; rateLimit is requests per second
 *   per key (0 turns it off); now (unix seconds) anchors the generated dates (default: today 00:00 UTC);
 *   clock (milliseconds, default Date.now) is the time writes, rate limits and presigned URLs go by.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void>, reset: () => void }>}
 */
export function startMockUpstream({ port = 4010, host = "127.0.0.1", log = false, rateLimit = 50, now = defaultNow(), clock = Date.now } = {}) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) return Promise.reject(new RangeError(`port must be an integer from 0 to 65535, got ${port}`));
  if (!Number.isInteger(rateLimit) || rateLimit < 0) return Promise.reject(new RangeError(`rateLimit must be a whole number, got ${rateLimit}`));
  const store = createStore({ now, clock });
  const uploads = createUploads({ store });
  const limiter = createRateLimiter({ limit: rateLimit, clock });
  let serverUrl = "";
  const writeLog = typeof log === "function" ? log : log ? (line) => console.log(line) : null;
  /** pending ?simulate=slow waits, so close() can end them */
  const sleepers = new Set();

  const sleeperFor = (res) => (ms) =>
    new Promise((resolve) => {
      const sleeper = { cancel: () => done(false) };
      const onClose = () => done(false);
      const timer = setTimeout(() => done(true), ms);
      function done(finished) {
        clearTimeout(timer);
        sleepers.delete(sleeper);
        res.off("close", onClose);
        resolve(finished);
      }
      sleepers.add(sleeper);
      res.on("close", onClose);
    });

  async function handle(req, res) {
    const started = performance.now();
    const requestId = pickRequestId(req.headers["x-request-id"]);
    const { path, params } = parseTarget(req.url);
    const method = String(req.method).toUpperCase();
    const api = apiOf(path);
    const ctx = { req, res, method, path, params, requestId, api, store, uploads, serverUrl, auth: null, user: null, sleep: sleeperFor(res) };
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("Cache-Control", "no-store");
    if (writeLog) {
      res.on("finish", () => writeLog(`${method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`));
    }
    try {
      if (path === "/health" || path === "/health/") {
        if (method !== "GET" && method !== "HEAD") {
          throw new HttpError(405, `${method} is not supported on /health. Allowed methods: GET, HEAD.`, { headers: { Allow: "GET, HEAD" } });
        }
        return sendJson(res, 200, { ok: true });
      }
      // Presigned upload URLs carry their own signature instead of a JobNimbus key (§3g).
      if (await uploads.serve(ctx)) return;
      const auth = authenticate(req.headers.authorization);
      if (!auth) throw unauthorizedError(api);
      ctx.auth = auth;
      // JobNimbus shows no rate-limit headers (§6), so neither does the mock.
      const rate = limiter.hit(auth.keyId);
      if (!rate.allowed) {
        throw new HttpError(429, `Too many requests: this API key may make ${rate.limit} requests per second. Wait ${rate.retryAfter} second(s), then try again.`, {
          extensions: { retry_after: rate.retryAfter },
          headers: { "Retry-After": String(rate.retryAfter) },
        });
      }
      if (await applySimulation(ctx)) return;
      const segments = splitPath(path);
      if (api === "legacy") await handleLegacy(ctx, segments.slice(1));
      else await handlePlatform(ctx, segments);
    } catch (err) {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) return sendError(ctx, err);
      console.error(`mock-upstream: unexpected error on ${method} ${path}: ${err instanceof Error ? err.stack : String(err)}`);
      sendError(ctx, new HttpError(500, "The mock JobNimbus API hit an unexpected error while handling this request."));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      serverUrl = formatUrl(host, actualPort);
      let closing = null;
      resolve({
        url: serverUrl,
        port: actualPort,
        reset: () => {
          store.reset();
          uploads.reset();
        },
        close() {
          closing ??= new Promise((done) => {
            for (const sleeper of [...sleepers]) sleeper.cancel();
            server.close(() => done());
            server.closeAllConnections();
          });
          return closing;
        },
      });
    });
  });
}

function isMain() {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const { runCli } = await import("./cli.mjs");
  await runCli(process.argv.slice(2), startMockUpstream);
}
