"use client";
// Sends one draft through the proxy and reads the answer as a stream: progress in bytes,
// elapsed time, Cancel (the abort reaches the proxy, which stops the upstream call).
import { useCallback, useRef, useState } from "react";
import { callProxy, type Progress, type ReceivedResponse } from "@/lib/console-api/proxy-call";
import { proxyUrl, type RequestDraft } from "@/lib/request/request-model";

export function useSend(onDone: (response: ReceivedResponse) => void) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const controller = useRef<AbortController | null>(null);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const send = useCallback(
    async (draft: RequestDraft, keyId?: string) => {
      // The composer says which path parameters are missing; such a draft is not sent.
      if (!proxyUrl(draft).ok) return;
      const abort = new AbortController();
      controller.current = abort;
      const response = await callProxy(draft, { keyId, signal: abort.signal, onProgress: setProgress });
      setProgress(null);
      onDone(response);
    },
    [onDone],
  );

  return { send, cancel, progress, sending: progress !== null };
}
