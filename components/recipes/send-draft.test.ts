import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyDraft, type RequestDraft } from "@/lib/request/request-model";
import { sendDraft } from "./send-draft";

const draft: RequestDraft = { ...emptyDraft(), upstream: "legacy", path: "contacts", query: [] };

function answerWith(response: (init: RequestInit) => Response | Promise<Response>) {
  vi.stubGlobal("fetch", vi.fn((_url: string, init: RequestInit) => Promise.resolve(response(init))));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sendDraft", () => {
  it("answers with the body parsed and the Problem Details read", async () => {
    const problem = { type: "https://example.test/problems/invalid", title: "Invalid", status: 422, errors: [{ field: "email", message: "is required" }] };
    answerWith(() => new Response(JSON.stringify(problem), { status: 422, headers: { "content-type": "application/problem+json" } }));
    const answer = await sendDraft(draft, new AbortController().signal);
    expect(answer.response.status).toBe(422);
    expect(answer.body).toEqual(problem);
    expect(answer.problem).toEqual(problem);
  });

  it("reads JSON that is not a problem as a body with no problem", async () => {
    answerWith(() => new Response('{"count":1,"results":[{"jnid":"c1"}]}', { headers: { "content-type": "application/json" } }));
    const answer = await sendDraft(draft, new AbortController().signal);
    expect(answer.body).toEqual({ count: 1, results: [{ jnid: "c1" }] });
    expect(answer.problem).toBeNull();
  });

  it("reads an answer that broke off as no answer at all: a recipe never shows part of one", async () => {
    let sent = false;
    const breaking = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError("network error"));
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"results":['));
      },
    });
    answerWith(() => new Response(breaking, { headers: { "content-type": "application/json" } }));
    const answer = await sendDraft(draft, new AbortController().signal);
    expect(answer.response).toMatchObject({ status: 0, statusText: "Network error", failure: "network", cutOff: false, request: { path: "contacts" } });
    expect(answer.response.bytes.byteLength).toBe(0);
    expect(answer.body).toBeUndefined();
  });

  it("rejects when cancelled, so the run stops", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")))),
      ),
    );
    const abort = new AbortController();
    const pending = sendDraft(draft, abort.signal);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
