"use client";
// One draft through the proxy as a promise (recipes run steps in order: look-up, request, pages),
// answered in the same shape as the composer's, so the response viewer can show it in "details".
import { callProxy, jsonBody, noAnswer, problemIn, type ReceivedResponse } from "@/lib/console-api/proxy-call";
import type { Problem } from "@/lib/problems/problem";
import type { RequestDraft } from "@/lib/request/request-model";

export type Answer = { response: ReceivedResponse; body: unknown; problem: Problem | null };

/** Rejects only when `signal` aborts; a network failure is an answer with status 0. */
export async function sendDraft(draft: RequestDraft, signal: AbortSignal): Promise<Answer> {
  const response = await callProxy(draft, { signal });
  if (response.failure === "cancelled") throw new DOMException("Cancelled", "AbortError");
  // A recipe never shows part of an answer: one that broke off reads as no answer at all.
  if (response.cutOff) return { response: noAnswer(response.request, "Network error", "network", response.durationMs), body: undefined, problem: null };
  const body = jsonBody(response);
  return { response, body, problem: await problemIn(response, body) };
}
