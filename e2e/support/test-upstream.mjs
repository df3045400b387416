// A scriptable stand-in for JobNimbus that the "api" console is pointed at, plus a canary
// server that nothing may ever reach through the proxy. Both record every request.
//
// Behaviours are chosen by path (an optional /api1 prefix, the legacy base, is ignored):
//   /echo/...         200 JSON: method, path, query, headers and body as received
//   /redirect         302 to the canary (the console must not follow it)
//   /set-cookie       200 with Set-Cookie and Server headers (the console must drop them)
//   /slow?ms=N        waits N ms before sending headers
//   /hang-body        sends headers and a first chunk, then stalls
//   /reset            destroys the socket without answering
//   /problem/{401,403,422}   application/problem+json the way JobNimbus answers
//   /rate-limit       429 with Retry-After: 7 and X-RateLimit-* headers
//   /big?mb=N         N MB streamed in 64 KB chunks
//   anything else     200 echo
//
// Faults (e2e/api/faults.spec.ts):
//   /fault/hang-head            never answers at all (not even headers)
//   /fault/hang-body            headers with Content-Length and half the body, then stalls
//   /fault/reset-body?cl=0|1    headers and a first chunk, then a TCP reset (RST); cl=1 declares Content-Length
//   /fault/close-early          Content-Length: 4096, 100 bytes of body, then a clean close (FIN)
//   /fault/html-500             500 with an HTML error page
//   /fault/bad-json             200, Content-Type: application/json, a body that is not JSON
//   /fault/rate-limit           429 with Retry-After: 3 (JSON problem)
//   /fault/huge-headers?kb=N    200 with N KB of headers (default 64; Node's client refuses over 16 KB)
//
// Reflections (e2e/api/reflection.spec.ts): a JobNimbus that quotes the key it was sent. `form` picks
// how the Authorization header is quoted (see reflectedForms): plain, url, url-lower, json, json-slash,
// base64, base64url, key-base64, bearer-base64, basic-base64 (the key at each of base64's three byte alignments).
//   /reflect/body?form=F                 200 {"error":"…","received":"<form>",…} with the form as is (Content-Length)
//   /reflect/problem?form=F              401 problem whose detail quotes the form
//   /reflect/chunked?form=F&piece=N      200 chunked text, written N bytes at a time with a pause
//                                        between writes, so the key reaches the console split over chunks
//   /reflect/header/{name}?form=F        200 with response header {name} quoting the form
//   /reflect/header/{name}?value=V       200 with response header {name}: V (a control case)
//   /reflect/redirect?form=F             302 whose Location quotes the form
//   /reflect/gzip?form=F                 200, Content-Encoding: gzip, the reflected body compressed
//
// Control endpoints (called by tests directly, never through the proxy; a request carrying
// an Authorization header, as every proxied call does, is never treated as control):
//   GET/DELETE /__control/requests         what the upstream received / forget it (each with `ended`:
//                                          "finished", "cut" when the console hung up first, or absent while open)
//   GET        /__control/requests?compact=1  only method, path, authorization and body of each
//   POST       /__control/refuse?ms=N      stop listening for N ms (connections are refused)
//   GET/DELETE /__control/hits (canary)     what the canary received / forget it
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";

const CONTROL = "/__control/";
const CHUNK = Buffer.alloc(64 * 1024, "x");

/** Splits a raw request target (origin-form or absolute-form) into path and query, undecoded. */
function splitTarget(rawUrl) {
  const target = String(rawUrl || "/").replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  const q = target.indexOf("?");
  return { path: (q === -1 ? target : target.slice(0, q)) || "/", query: q === -1 ? "" : target.slice(q + 1) };
}

function rawHeaderPairs(raw) {
  const pairs = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i], raw[i + 1]]);
  return pairs;
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function redact(authorization) {
  const [scheme] = String(authorization).split(" ");
  return `${scheme} [redacted, ${String(authorization).length} chars]`;
}

/**
 * How a careless JobNimbus could quote the Authorization header it was sent ("Bearer <key>"): as is,
 * URL-encoded (upper- or lower-case hex), JSON-escaped (with "/" escaped too, as PHP does), base64 and
 * base64url of the header, base64 of the key alone, and base64 of a longer text holding the header or
 * "user:<key>", so the key starts at each of the three byte alignments base64 has.
 */
export function reflectedForms(authorization) {
  const header = String(authorization ?? "");
  const key = header.replace(/^Bearer /, "");
  const b64 = (text) => Buffer.from(text).toString("base64");
  return {
    plain: header,
    url: encodeURIComponent(header),
    "url-lower": encodeURIComponent(header).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    json: JSON.stringify(header).slice(1, -1),
    "json-slash": JSON.stringify(header).slice(1, -1).replace(/\//g, "\\/"),
    base64: b64(header),
    base64url: Buffer.from(header).toString("base64url"),
    "key-base64": b64(key),
    "bearer-base64": `token=${b64(`{"authorization":"${header}"}`)}`,
    "basic-base64": `Basic ${b64(`user:${key}`)}`,
  };
}

function isControl(req, path) {
  return path.startsWith(CONTROL) && req.headers.authorization === undefined;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

const problemBodies = {
  401: { title: "Unauthorized", detail: "The API key is missing or invalid." },
  403: { title: "Forbidden", detail: "The API key's access profile does not allow this." },
  422: { title: "Unprocessable Entity", detail: "display_name is required.", errors: [{ field: "display_name", message: "is required" }] },
};

/**
 * @param {{ port: number, canaryPort: number, host?: string }} options
 * @returns {Promise<{ url: string, canaryUrl: string, close: () => Promise<void> }>}
 */
export async function startTestUpstream({ port, canaryPort, host = "127.0.0.1" }) {
  const url = `http://${host}:${port}`;
  const canaryUrl = `http://${host}:${canaryPort}`;
  /** @type {object[]} */
  let requests = [];
  /** @type {object[]} */
  let hits = [];
  const timers = new Set();
  const later = (ms, fn) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  };
  const cancel = (timer) => {
    clearTimeout(timer);
    timers.delete(timer);
  };
  let closed = false;

  const record = async (req, list, res) => {
    const entry = {
      time: new Date().toISOString(),
      method: req.method,
      url: req.url,
      ...splitTarget(req.url),
      httpVersion: req.httpVersion,
      headers: req.headers,
      rawHeaders: rawHeaderPairs(req.rawHeaders),
      body: "",
    };
    list.push(entry);
    // How the exchange ended: "finished" (answer sent), or "cut" (the console hung up first).
    res?.on("close", () => {
      entry.ended = res.writableFinished ? "finished" : "cut";
    });
    entry.body = await readBody(req);
    return entry;
  };

  /** The fault behaviours: each one a way JobNimbus (or the network) can break an answer. */
  const fault = (name, params, req, res) => {
    const socket = req.socket;
    switch (name) {
      case "hang-head": {
        // Keeps the socket open and silent until the console gives up (or close() ends it).
        return;
      }
      case "hang-body": {
        const body = '{"records":[' + '{"jnid":"x"},'.repeat(20);
        res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length * 2) });
        res.write(body);
        return; // never ends
      }
      case "reset-body": {
        const first = '{"records":[' + '{"jnid":"abc","display_name":"Cut"},'.repeat(50);
        const headers = { "content-type": "application/json" };
        if (params.get("cl") === "1") headers["content-length"] = String(first.length * 4);
        res.writeHead(200, headers);
        res.write(first, () => later(20, () => socket.resetAndDestroy()));
        return;
      }
      case "close-early": {
        const declared = 4096;
        res.writeHead(200, { "content-type": "application/json", "content-length": String(declared) });
        res.write('{"records":[' + "0,".repeat(44), () => socket.end());
        return;
      }
      case "html-500": {
        const html = "<!doctype html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>nginx</p></body></html>";
        res.writeHead(500, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
        return res.end(html);
      }
      case "bad-json": {
        const text = '{"records": [{"jnid": "1", "display_name": "Half\n';
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
        return res.end(text);
      }
      case "rate-limit": {
        const text = JSON.stringify({ type: "https://api.jobnimbus.com/problems/rate-limited", title: "Too Many Requests", status: 429, detail: "Slow down." });
        res.writeHead(429, { "content-type": "application/problem+json", "content-length": Buffer.byteLength(text), "retry-after": "3" });
        return res.end(text);
      }
      case "huge-headers": {
        const kb = Math.max(1, Math.min(Number(params.get("kb") ?? 64) || 64, 1024));
        const filler = "f".repeat(1000);
        const headers = { "content-type": "application/json" };
        for (let i = 0; i < kb; i += 1) headers[`x-filler-${i}`] = filler;
        return sendJson(res, 200, { headersKb: kb }, headers);
      }
      default:
        return sendJson(res, 404, { error: `unknown fault ${name}` });
    }
  };

  /** The reflection behaviours: JobNimbus quoting the key it was sent, in one of its forms. */
  const reflect = (name, params, req, res) => {
    const forms = reflectedForms(req.headers.authorization);
    const form = forms[params.get("form") ?? "plain"];
    if (form === undefined) return sendJson(res, 400, { error: `unknown form ${params.get("form")}` });
    // The form goes in as it is, not JSON-escaped again, so each form is on the wire exactly as named.
    const body = () => `{"error":"The token is not valid","received":"${form}","hint":"check the header"}`;
    if (name === "body") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body()) });
      return res.end(body());
    }
    if (name === "problem") {
      const text = JSON.stringify({ type: "https://api.jobnimbus.com/problems/401", title: "Unauthorized", status: 401, detail: `Rejected Authorization: ${form}` });
      res.writeHead(401, { "content-type": "application/problem+json", "content-length": Buffer.byteLength(text) });
      return res.end(text);
    }
    if (name === "chunked") {
      const text = Buffer.from(`before|${form}|after|${"z".repeat(100)}|${form}|end`);
      const piece = Math.max(1, Math.min(Number(params.get("piece") ?? 3) || 3, 4096));
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      let at = 0;
      const next = () => {
        if (res.destroyed) return;
        if (at >= text.length) return res.end();
        res.write(text.subarray(at, at + piece));
        at += piece;
        later(3, next);
      };
      return next();
    }
    if (name.startsWith("header/")) {
      const header = name.slice("header/".length).toLowerCase();
      const value = params.get("value") ?? (header === "content-disposition" ? `attachment; filename="${form}.json"` : header === "etag" ? `"${form}"` : form);
      return sendJson(res, 200, { reflected: header }, { [header]: value });
    }
    if (name === "redirect") {
      res.writeHead(302, { location: `https://login.example.test/again?token=${form}`, "content-type": "text/plain" });
      return res.end("moved");
    }
    if (name === "gzip") {
      const zipped = gzipSync(body());
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": zipped.length });
      return res.end(zipped);
    }
    return sendJson(res, 404, { error: `unknown reflection ${name}` });
  };

  const upstream = createServer(async (req, res) => {
    const { path, query } = splitTarget(req.url);
    if (isControl(req, path)) return control(req, res, path, query);
    const entry = await record(req, requests, res);
    const params = new URLSearchParams(query);
    const route = path.replace(/^\/api1(?=\/|$)/, "") || "/";
    // The key is in the Authorization header; the echo names only its shape, so every answer the
    // console relays stays free of keys (tests read the real header from /__control/requests).
    const echo = () => ({
      method: entry.method,
      url: entry.url,
      path: entry.path,
      query: entry.query,
      headers: { ...entry.headers, ...(entry.headers.authorization ? { authorization: redact(entry.headers.authorization) } : {}) },
      body: entry.body,
    });

    if (route === "/redirect") {
      res.writeHead(302, { location: `${canaryUrl}/stolen`, "content-type": "text/plain" });
      return res.end("moved");
    }
    if (route === "/set-cookie") {
      return sendJson(res, 200, { ok: true }, { "set-cookie": "upstream=1; Path=/", server: "test-upstream", "x-powered-by": "test-upstream" });
    }
    if (route === "/slow") {
      const ms = Math.min(Number(params.get("ms") ?? 1000) || 0, 120_000);
      const timer = later(ms, () => {
        if (!res.destroyed) sendJson(res, 200, { slept: ms, ...echo() });
      });
      res.on("close", () => cancel(timer));
      return;
    }
    if (route === "/hang-body") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"records":[');
      return; // never ends; close() destroys the socket
    }
    if (route === "/reset") {
      req.socket.destroy();
      return;
    }
    if (route.startsWith("/fault/")) return fault(route.slice("/fault/".length), params, req, res);
    if (route.startsWith("/reflect/")) return reflect(route.slice("/reflect/".length), params, req, res);
    const problem = /^\/problem\/(401|403|422)$/.exec(route);
    if (problem) {
      const status = Number(problem[1]);
      const text = JSON.stringify({
        type: `https://api.jobnimbus.com/problems/${status}`,
        status,
        instance: entry.path,
        ...problemBodies[status],
      });
      res.writeHead(status, { "content-type": "application/problem+json", "content-length": Buffer.byteLength(text) });
      return res.end(text);
    }
    if (route === "/rate-limit") {
      const text = JSON.stringify({ type: "https://api.jobnimbus.com/problems/rate-limited", title: "Too Many Requests", status: 429, detail: "Slow down." });
      res.writeHead(429, {
        "content-type": "application/problem+json",
        "content-length": Buffer.byteLength(text),
        "retry-after": "7",
        "x-ratelimit-limit": "50",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": "7",
      });
      return res.end(text);
    }
    if (route === "/big") {
      const total = Math.max(0, Math.min(Number(params.get("mb") ?? 1) || 0, 256)) * 1024 * 1024;
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(total) });
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          const size = Math.min(CHUNK.length, total - sent);
          sent += size;
          if (!res.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size))) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => res.removeAllListeners("drain"));
      return pump();
    }
    return sendJson(res, 200, echo());
  });

  const control = async (req, res, path, query) => {
    await readBody(req);
    if (path === `${CONTROL}requests` && req.method === "GET" && new URLSearchParams(query).get("compact") === "1") {
      return sendJson(res, 200, requests.map(({ method, path: p, headers, body }) => ({ method, path: p, authorization: headers.authorization ?? null, body })));
    }
    if (path === `${CONTROL}requests` && req.method === "GET") return sendJson(res, 200, requests);
    if (path === `${CONTROL}requests` && req.method === "DELETE") {
      requests = [];
      return sendJson(res, 200, { ok: true });
    }
    if (path === `${CONTROL}refuse` && req.method === "POST") {
      const ms = Math.max(50, Math.min(Number(new URLSearchParams(query).get("ms") ?? 1000) || 1000, 30_000));
      res.on("finish", () => {
        upstream.close();
        upstream.closeAllConnections();
        later(ms, () => {
          if (!closed) upstream.listen(port, host);
        });
      });
      return sendJson(res, 200, { refusingForMs: ms }, { connection: "close" });
    }
    return sendJson(res, 404, { error: `unknown control endpoint ${req.method} ${path}` });
  };

  const canary = createServer(async (req, res) => {
    const { path } = splitTarget(req.url);
    if (isControl(req, path)) {
      await readBody(req);
      if (path === `${CONTROL}hits` && req.method === "GET") return sendJson(res, 200, hits);
      if (path === `${CONTROL}hits` && req.method === "DELETE") {
        hits = [];
        return sendJson(res, 200, { ok: true });
      }
      return sendJson(res, 404, { error: `unknown control endpoint ${req.method} ${path}` });
    }
    await record(req, hits);
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("canary");
  });

  await listen(upstream, port, host);
  try {
    await listen(canary, canaryPort, host);
  } catch (error) {
    upstream.close();
    throw error;
  }

  return {
    url,
    canaryUrl,
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(
        [upstream, canary].map(
          (server) =>
            new Promise((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
              if (!server.listening) resolve();
            }),
        ),
      );
    },
  };
}
