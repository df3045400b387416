// Sends one request to JobNimbus with the person's key and hands back the answer as a stream.
// One of two modules that ever hold a key: it goes into the Authorization header and nowhere else, and
// whatever JobNimbus sends back (body, headers, a redirect target) has that key masked (./5-key-mask).
import "server-only";
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { revealKey, type ApiKey } from "@/lib/vault/3-vault";
import { keyMask, type KeyMask } from "./5-key-mask";

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 256 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

export type UpstreamCall = {
  method: string;
  url: URL;
  /** Opened here, and only here, for the Authorization header. */
  apiKey: ApiKey;
  headers: Record<string, string>;
  body: Buffer | null;
  timeoutMs: number;
  requestId: string;
  /** Aborted when the browser goes away (or presses Cancel): the upstream call stops too. */
  signal?: AbortSignal;
};

/** How an answer's body ended: whole, broken off by JobNimbus or the network, or dropped because the caller left. */
export type BodyEnd = "complete" | "cut-off" | "aborted";

export type UpstreamResult =
  | {
      kind: "response";
      status: number;
      headers: http.IncomingHttpHeaders;
      body: ReadableStream<Uint8Array> | null;
      /** Settles once the body is over (at once when there is none). */
      ended: Promise<BodyEnd>;
    }
  | { kind: "redirect"; status: number; location: string }
  /** A compressed answer (Content-Encoding other than identity): it cannot be checked for the key, so it is not relayed. */
  | { kind: "encoded"; status: number; encoding: string }
  | { kind: "timeout" }
  | { kind: "unreachable"; code: string }
  | { kind: "aborted" };

const NO_BODY_STATUSES = new Set([204, 205, 304]);

/** Every header value with the key masked; a repeated header stays a list. */
function maskedHeaders(headers: http.IncomingHttpHeaders, mask: KeyMask): http.IncomingHttpHeaders {
  const out: http.IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.map((item) => mask.text(item)) : mask.text(value);
  }
  return out;
}

/** The answer's Content-Encoding when it is not the identity (the console asks for identity only). */
function compression(headers: http.IncomingHttpHeaders): string | null {
  const encoding = String(headers["content-encoding"] ?? "").trim().toLowerCase();
  return encoding === "" || encoding === "identity" ? null : encoding.slice(0, 40);
}

export function forwardToUpstream(call: UpstreamCall): Promise<UpstreamResult> {
  const apiKey = revealKey(call.apiKey);
  const mask = keyMask(apiKey);
  const transport = call.url.protocol === "https:" ? https : http;
  const agent = call.url.protocol === "https:" ? agents["https:"] : agents["http:"];
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: UpstreamResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    let request: http.ClientRequest;
    try {
      request = transport.request(call.url, {
        method: call.method,
        agent,
        headers: {
          ...call.headers,
          authorization: `Bearer ${apiKey}`,
          // A compressed answer could not be searched for the key as it streams.
          "accept-encoding": "identity",
          "user-agent": "jobnimbus-console/0.1",
          "x-request-id": call.requestId,
          ...(call.body ? { "content-length": String(call.body.length) } : {}),
        },
      });
    } catch (error) {
      // e.g. ERR_INVALID_CHAR for a header value Node refuses: nothing was sent; a problem, not a bare 500.
      settle({ kind: "unreachable", code: (error as NodeJS.ErrnoException).code ?? "ERROR" });
      return;
    }

    // No answer (headers) within the limit → 504; after headers, an idle body is cut off.
    const timer = setTimeout(() => {
      settle({ kind: "timeout" });
      request.destroy();
    }, call.timeoutMs);

    const onAbort = () => {
      settle({ kind: "aborted" });
      request.destroy();
    };
    call.signal?.addEventListener("abort", onAbort, { once: true });

    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      settle({ kind: "unreachable", code: error.code ?? "ERROR" });
    });

    request.on("response", (response) => {
      clearTimeout(timer);
      const status = response.statusCode ?? 502;
      if (status >= 300 && status < 400 && status !== 304) {
        response.resume();
        settle({ kind: "redirect", status, location: mask.text(String(response.headers.location ?? "(no Location header)")) });
        return;
      }
      const headers = maskedHeaders(response.headers, mask);
      const encoding = NO_BODY_STATUSES.has(status) ? null : compression(response.headers);
      if (encoding) {
        response.destroy();
        settle({ kind: "encoded", status, encoding: mask.text(encoding) });
        return;
      }
      response.setTimeout(call.timeoutMs, () => response.destroy(new Error("upstream body stalled")));
      response.on("close", () => call.signal?.removeEventListener("abort", onAbort));
      const ended = new Promise<BodyEnd>((resolveEnd) => {
        response.once("close", () => resolveEnd(response.complete ? "complete" : call.signal?.aborted ? "aborted" : "cut-off"));
      });
      if (NO_BODY_STATUSES.has(status) || call.method === "HEAD") {
        response.resume();
        settle({ kind: "response", status, headers, body: null, ended });
        return;
      }
      const body = (Readable.toWeb(response) as ReadableStream<Uint8Array>).pipeThrough(mask.body());
      settle({ kind: "response", status, headers, body, ended });
    });

    request.end(call.body ?? undefined);
  });
}
