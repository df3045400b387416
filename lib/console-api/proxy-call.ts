// The browser's one way to call /api/proxy/...: the headers a draft travels with, the envelope the
// response viewer shows (ReceivedResponse), and the reading of the answer as it streams in.
import type { Problem } from "@/lib/problems/problem";
import { forwardedHeaders, proxyUrl, sendsBody, type RequestDraft } from "@/lib/request/request-model";
import { consoleFetch } from "./console-fetch";

/** One answer as the response viewer shows it, whoever sent the request. */
export type ReceivedResponse = {
  status: number;
  statusText: string;
  headers: [string, string][];
  contentType: string | null;
  bytes: Uint8Array;
  durationMs: number;
  /** True when the connection broke before the whole body arrived. */
  cutOff: boolean;
  /** Set when no HTTP answer arrived at all (network failure, cancelled). */
  failure?: "network" | "cancelled";
  request: { method: string; path: string; upstream: string };
};

export type Progress = { startedAt: number; bytes: number; total: number | null };

export type CallOptions = {
  /** Which saved key to use; without it the proxy uses the person's active key. */
  keyId?: string;
  /** Cancel: the abort reaches the proxy, which stops the upstream call. */
  signal?: AbortSignal;
  /** Told when the call starts and, at most every PROGRESS_EVERY_MS, how much has arrived. */
  onProgress?: (progress: Progress) => void;
};

const PROXY_PREFIX = "/api/proxy/";

/** Often enough for the byte count to look live, seldom enough not to re-render on every chunk. */
const PROGRESS_EVERY_MS = 100;

/**
 * The headers a draft travels with: which API, which key (none: the active one) and the draft's
 * own headers the proxy forwards. consoleFetch adds X-CSRF to every call.
 */
export function proxyHeaders(draft: Pick<RequestDraft, "upstream" | "method" | "body" | "headers">, keyId?: string): Headers {
  const headers = new Headers({ "x-console-upstream": draft.upstream });
  if (keyId) headers.set("x-console-key-id", keyId);
  for (const [name, value] of forwardedHeaders(draft)) headers.set(name, value);
  return headers;
}

/** The envelope of a call that got no HTTP answer: never sent, cancelled, or the network failed. */
export function noAnswer(request: ReceivedResponse["request"], statusText: string, failure: "network" | "cancelled", durationMs: number): ReceivedResponse {
  return { request, status: 0, statusText, headers: [], contentType: null, bytes: new Uint8Array(), durationMs, cutOff: false, failure };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads a body to its end, telling `onBytes` the running total after each chunk. `cutOff` when the
 * stream broke (a reset, or Cancel) or fewer bytes came than Content-Length promised.
 */
export async function readBody(res: Response, onBytes?: (bytes: number) => void): Promise<{ bytes: Uint8Array; cutOff: boolean; broken: boolean }> {
  const total = Number(res.headers.get("content-length")) || null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  let broken = false;
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        size += value.byteLength;
        onBytes?.(size);
      }
    } catch {
      broken = true;
    }
  }
  return { bytes: concat(chunks, size), cutOff: broken || (total !== null && size < total), broken };
}

/**
 * Sends a draft through the proxy and reads the whole answer. Never rejects: a draft that cannot
 * be sent (a path parameter missing), a network failure and Cancel are answers with status 0.
 */
export async function callProxy(draft: RequestDraft, { keyId, signal, onProgress }: CallOptions = {}): Promise<ReceivedResponse> {
  const url = proxyUrl(draft);
  const request = { method: draft.method, path: url.ok ? url.path.slice(PROXY_PREFIX.length) : draft.path, upstream: draft.upstream };
  if (!url.ok) return noAnswer(request, "Not sent", "network", 0);
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  onProgress?.({ startedAt, bytes: 0, total: null });
  let res: Response;
  try {
    res = await consoleFetch(url.path, { method: draft.method, headers: proxyHeaders(draft, keyId), body: sendsBody(draft) ? draft.body : undefined, signal });
  } catch {
    return signal?.aborted ? noAnswer(request, "Cancelled", "cancelled", elapsed()) : noAnswer(request, "Network error", "network", elapsed());
  }
  const total = Number(res.headers.get("content-length")) || null;
  let lastPaint = 0;
  const { bytes, cutOff, broken } = await readBody(
    res,
    onProgress &&
      ((size) => {
        const now = performance.now();
        if (now - lastPaint <= PROGRESS_EVERY_MS) return;
        lastPaint = now;
        onProgress({ startedAt, bytes: size, total });
      }),
  );
  return {
    status: res.status,
    statusText: res.statusText,
    headers: [...res.headers.entries()],
    contentType: res.headers.get("content-type"),
    bytes,
    durationMs: elapsed(),
    cutOff,
    ...(broken && signal?.aborted ? { failure: "cancelled" as const } : {}),
    request,
  };
}

/** The body parsed as JSON when the answer says it is JSON; undefined when empty, not JSON, or not valid. */
export function jsonBody(response: Pick<ReceivedResponse, "contentType" | "bytes">): unknown {
  if (!/json/i.test(response.contentType ?? "") || response.bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(response.bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The problem in an answer: Problem Details, or a failed answer in another shape JobNimbus sends
 * (the legacy API's {"status", "body"}, a message, plain text), else null. The reader and its schema
 * library load only when asked, so they stay out of the console page's first load; if they cannot
 * load, the answer is read by its status alone.
 */
export async function problemIn(response: Pick<ReceivedResponse, "contentType" | "status" | "bytes">, body: unknown): Promise<Problem | null> {
  const text = /^text\//i.test(response.contentType ?? "") ? new TextDecoder().decode(response.bytes) : null;
  return import("@/lib/problems/answer-problem").then(
    ({ problemFromAnswer }) => problemFromAnswer(response.contentType, body, text, response.status)?.problem ?? null,
    () => null,
  );
}

/** One response header by its lower-case name. */
export function headerOf(response: Pick<ReceivedResponse, "headers">, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}
