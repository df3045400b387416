"use client";
// One draft through the proxy as a promise (recipes run steps in order: look-up, request, pages),
// answered in the same shape as the composer's, so the response viewer can show it in "details".
import { consoleFetch } from "@/lib/console-api/console-fetch";
import { forwardedHeaders, proxyUrl, sendsBody, type RequestDraft } from "@/lib/request/request-model";
import { isProblemContentType, parseProblem, type Problem } from "@/lib/problems/problem";
import type { ReceivedResponse } from "@/components/composer/use-send";

export type Answer = { response: ReceivedResponse; body: unknown; problem: Problem | null };

/** Rejects only when `signal` aborts; a network failure is an answer with status 0. */
export async function sendDraft(draft: RequestDraft, signal: AbortSignal): Promise<Answer> {
  const url = proxyUrl(draft);
  const request = { method: draft.method, path: url.ok ? url.path.replace(/^\/api\/proxy\//, "") : draft.path, upstream: draft.upstream };
  const startedAt = performance.now();
  const base = { request, headers: [] as [string, string][], contentType: null, bytes: new Uint8Array(), cutOff: false };
  if (!url.ok) {
    return { response: { ...base, status: 0, statusText: "Not sent", durationMs: 0, failure: "network" }, body: undefined, problem: null };
  }
  const headers = new Headers({ "x-console-upstream": draft.upstream });
  for (const [name, value] of forwardedHeaders(draft)) headers.set(name, value);
  let res: Response;
  let bytes: Uint8Array;
  try {
    res = await consoleFetch(url.path, { method: draft.method, headers, body: sendsBody(draft) ? draft.body : undefined, signal });
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (error) {
    if (signal.aborted) throw error;
    const durationMs = Math.round(performance.now() - startedAt);
    return { response: { ...base, status: 0, statusText: "Network error", durationMs, failure: "network" }, body: undefined, problem: null };
  }
  const contentType = res.headers.get("content-type");
  const response: ReceivedResponse = {
    status: res.status,
    statusText: res.statusText,
    headers: [...res.headers.entries()],
    contentType,
    bytes,
    durationMs: Math.round(performance.now() - startedAt),
    cutOff: false,
    request,
  };
  let body: unknown;
  if (/json/i.test(contentType ?? "") && bytes.byteLength > 0) {
    try {
      body = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    } catch {
      body = undefined;
    }
  }
  return { response, body, problem: isProblemContentType(contentType) ? parseProblem(body) : null };
}

export function headerOf(response: ReceivedResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}
