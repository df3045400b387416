"use client";
// Sends one draft through the proxy and reads the answer as a stream: progress in bytes,
// elapsed time, Cancel (the abort reaches the proxy, which stops the upstream call).
import { useCallback, useRef, useState } from "react";
import { consoleFetch } from "@/lib/console-api/console-fetch";
import { forwardedHeaders, proxyUrl, sendsBody, type RequestDraft } from "@/lib/request/request-model";

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

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function useSend(onDone: (response: ReceivedResponse) => void) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const controller = useRef<AbortController | null>(null);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const send = useCallback(
    async (draft: RequestDraft, keyId?: string) => {
      const url = proxyUrl(draft);
      if (!url.ok) return;
      const abort = new AbortController();
      controller.current = abort;
      const startedAt = performance.now();
      setProgress({ startedAt, bytes: 0, total: null });
      const headers = new Headers({ "x-console-upstream": draft.upstream });
      if (keyId) headers.set("x-console-key-id", keyId);
      for (const [name, value] of forwardedHeaders(draft)) headers.set(name, value);
      const withBody = sendsBody(draft);
      const request = { method: draft.method, path: url.path.replace(/^\/api\/proxy\//, ""), upstream: draft.upstream };
      const base = { request, headers: [] as [string, string][], contentType: null, bytes: new Uint8Array(), cutOff: false };
      let res: Response;
      try {
        res = await consoleFetch(url.path, { method: draft.method, headers, body: withBody ? draft.body : undefined, signal: abort.signal });
      } catch {
        const cancelled = abort.signal.aborted;
        setProgress(null);
        onDone({ ...base, status: 0, statusText: cancelled ? "Cancelled" : "Network error", durationMs: Math.round(performance.now() - startedAt), failure: cancelled ? "cancelled" : "network" });
        return;
      }
      const total = Number(res.headers.get("content-length")) || null;
      const chunks: Uint8Array[] = [];
      let size = 0;
      let cutOff = false;
      let lastPaint = 0;
      if (res.body) {
        const reader = res.body.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            size += value.byteLength;
            const now = performance.now();
            if (now - lastPaint > 100) {
              lastPaint = now;
              setProgress({ startedAt, bytes: size, total });
            }
          }
        } catch {
          cutOff = true;
        }
      }
      setProgress(null);
      onDone({
        status: res.status,
        statusText: res.statusText,
        headers: [...res.headers.entries()],
        contentType: res.headers.get("content-type"),
        bytes: concat(chunks, size),
        durationMs: Math.round(performance.now() - startedAt),
        cutOff: cutOff || (total !== null && size < total),
        ...(cutOff && abort.signal.aborted ? { failure: "cancelled" as const } : {}),
        request,
      });
    },
    [onDone],
  );

  return { send, cancel, progress, sending: progress !== null };
}
