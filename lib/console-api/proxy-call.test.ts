import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyDraft, newRow, type RequestDraft } from "@/lib/request/request-model";
import { callProxy, headerOf, jsonBody, noAnswer, problemIn, proxyHeaders, readBody, type Progress } from "./proxy-call";

const encoder = new TextEncoder();

function draft(changes: Partial<RequestDraft>): RequestDraft {
  return { ...emptyDraft(), ...changes };
}

/** A body that sends `chunks`, then breaks (as a reset connection does) instead of ending. */
function breakingBody(chunks: string[]): ReadableStream<Uint8Array> {
  const queue = [...chunks];
  return new ReadableStream({
    pull(controller) {
      const next = queue.shift();
      if (next === undefined) controller.error(new TypeError("network error"));
      else controller.enqueue(encoder.encode(next));
    },
  });
}

type Call = { url: string; init: RequestInit; headers: Headers };

/** Stands in for the browser's fetch; records each call and answers with `answer(init)`. */
function stubFetch(answer: (init: RequestInit) => Promise<Response> | Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init, headers: new Headers(init.headers) });
      return answer(init);
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("proxyHeaders", () => {
  it("names the API, and the key only when one is picked", () => {
    const headers = proxyHeaders(draft({ upstream: "legacy" }));
    expect(headers.get("x-console-upstream")).toBe("legacy");
    expect(headers.has("x-console-key-id")).toBe(false);
    expect(proxyHeaders(draft({}), "team:office").get("x-console-key-id")).toBe("team:office");
  });

  it("carries the draft's forwarded headers and a JSON content type for a body, never the refused ones", () => {
    const headers = proxyHeaders(
      draft({
        method: "POST",
        body: '{"first_name":"Ada"}',
        headers: [newRow("Accept", "application/json"), newRow("Authorization", "Bearer nope"), newRow("X-Console-Key-Id", "someone-else"), newRow("If-Match", "x", false)],
      }),
    );
    expect(headers.get("accept")).toBe("application/json");
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.has("authorization")).toBe(false);
    expect(headers.has("x-console-key-id")).toBe(false);
    expect(headers.has("if-match")).toBe(false);
  });
});

describe("readBody", () => {
  it("reads a whole body and reports the running total after each chunk", async () => {
    const seen: number[] = [];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("hello "));
        controller.enqueue(encoder.encode("world"));
        controller.close();
      },
    });
    const { bytes, cutOff, broken } = await readBody(new Response(body, { headers: { "content-length": "11" } }), (n) => seen.push(n));
    expect(new TextDecoder().decode(bytes)).toBe("hello world");
    expect(cutOff).toBe(false);
    expect(broken).toBe(false);
    expect(seen).toEqual([6, 11]);
  });

  it("keeps what arrived and says the answer was cut off when the connection breaks mid-body", async () => {
    const seen: number[] = [];
    const { bytes, cutOff, broken } = await readBody(new Response(breakingBody(['{"results":[', '{"jnid":"1"}'])), (n) => seen.push(n));
    expect(new TextDecoder().decode(bytes)).toBe('{"results":[{"jnid":"1"}');
    expect(cutOff).toBe(true);
    expect(broken).toBe(true);
    expect(seen).toEqual([12, 24]);
  });

  it("says the answer was cut off when fewer bytes came than Content-Length promised", async () => {
    const res = new Response("short", { headers: { "content-length": "100" } });
    expect(await readBody(res)).toMatchObject({ cutOff: true, broken: false });
    expect(await readBody(new Response("exact", { headers: { "content-length": "5" } }))).toMatchObject({ cutOff: false });
  });

  it("reads an answer with no body as empty and whole", async () => {
    expect(await readBody(new Response(null, { status: 204 }))).toMatchObject({ bytes: new Uint8Array(), cutOff: false });
  });
});

describe("callProxy", () => {
  it("calls /api/proxy with the draft's method, query, body and headers, X-CSRF included", async () => {
    const calls = stubFetch(() => new Response('{"jnid":"c1"}', { status: 201, statusText: "Created", headers: { "content-type": "application/json", "x-request-id": "r1" } }));
    const response = await callProxy(
      draft({ upstream: "legacy", method: "POST", path: "contacts", query: [newRow("actor", "a@b.co")], body: '{"first_name":"Ada"}' }),
      { keyId: "k1" },
    );
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe("/api/proxy/contacts?actor=a%40b.co");
    expect(call!.init).toMatchObject({ method: "POST", body: '{"first_name":"Ada"}', credentials: "same-origin", cache: "no-store" });
    expect(call!.headers.get("x-csrf")).toBe("1");
    expect(call!.headers.get("x-console-upstream")).toBe("legacy");
    expect(call!.headers.get("x-console-key-id")).toBe("k1");
    expect(response).toMatchObject({
      status: 201,
      statusText: "Created",
      contentType: "application/json",
      cutOff: false,
      request: { method: "POST", path: "contacts?actor=a%40b.co", upstream: "legacy" },
    });
    expect(response.failure).toBeUndefined();
    expect(headerOf(response, "x-request-id")).toBe("r1");
    expect(jsonBody(response)).toEqual({ jnid: "c1" });
  });

  it("sends no body with a GET, even when the draft still holds one", async () => {
    const calls = stubFetch(() => new Response(""));
    await callProxy(draft({ method: "GET", path: "contacts", body: '{"left":"over"}' }));
    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[0]!.headers.has("content-type")).toBe(false);
  });

  it("does not send a draft whose path parameters are missing", async () => {
    const calls = stubFetch(() => new Response(""));
    const response = await callProxy(draft({ path: "contacts/{jnid}" }));
    expect(calls).toHaveLength(0);
    expect(response).toMatchObject({ status: 0, statusText: "Not sent", failure: "network", request: { path: "contacts/{jnid}" } });
  });

  it("answers a network failure with status 0", async () => {
    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await callProxy(draft({ path: "contacts" }))).toMatchObject({ status: 0, statusText: "Network error", failure: "network", cutOff: false });
  });

  it("answers Cancel before the answer came with status 0, cancelled", async () => {
    stubFetch(
      (init) =>
        new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")))),
    );
    const abort = new AbortController();
    const pending = callProxy(draft({ path: "contacts" }), { signal: abort.signal });
    abort.abort();
    expect(await pending).toMatchObject({ status: 0, statusText: "Cancelled", failure: "cancelled" });
  });

  it("keeps the status and what arrived of a body that breaks off, and reports progress from 0", async () => {
    stubFetch(() => new Response(breakingBody(["[1,", "2,"]), { status: 200, headers: { "content-type": "application/json" } }));
    const progress: Progress[] = [];
    const response = await callProxy(draft({ path: "fault/reset-body" }), { onProgress: (p) => progress.push(p) });
    expect(response).toMatchObject({ status: 200, cutOff: true });
    expect(response.failure).toBeUndefined();
    expect(new TextDecoder().decode(response.bytes)).toBe("[1,2,");
    expect(jsonBody(response)).toBeUndefined();
    expect(progress[0]).toMatchObject({ bytes: 0, total: null });
  });

  it("says a body stopped by Cancel was cancelled, not just cut off", async () => {
    const abort = new AbortController();
    stubFetch(
      (init) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(encoder.encode("[1,"));
              init.signal?.addEventListener("abort", () => controller.error(new DOMException("The operation was aborted.", "AbortError")));
            },
          }),
        ),
    );
    const response = await callProxy(draft({ path: "contacts" }), { signal: abort.signal, onProgress: (p) => p.bytes > 0 && abort.abort() });
    expect(response).toMatchObject({ status: 200, cutOff: true, failure: "cancelled" });
  });
});

describe("jsonBody", () => {
  const bytes = (text: string) => encoder.encode(text);

  it("parses a body its content type says is JSON, problem+json included", () => {
    expect(jsonBody({ contentType: "application/json; charset=utf-8", bytes: bytes('{"count":0}') })).toEqual({ count: 0 });
    expect(jsonBody({ contentType: "application/problem+json", bytes: bytes('{"status":404}') })).toEqual({ status: 404 });
  });

  it("is undefined for an empty body, another content type, or JSON that is not valid", () => {
    expect(jsonBody({ contentType: "application/json", bytes: new Uint8Array() })).toBeUndefined();
    expect(jsonBody({ contentType: "text/html", bytes: bytes("{}") })).toBeUndefined();
    expect(jsonBody({ contentType: null, bytes: bytes("{}") })).toBeUndefined();
    expect(jsonBody({ contentType: "application/json", bytes: bytes('{"cut') })).toBeUndefined();
  });
});

describe("problemIn", () => {
  const jobnimbus401 = { type: "https://tools.ietf.org/html/rfc7235#section-3.1", title: "Unauthorized", status: 401 };
  const answer = (contentType: string, status = 200, text = "") => ({ contentType, status, bytes: encoder.encode(text) });

  it("reads Problem Details from an application/problem+json answer, extensions kept", async () => {
    expect(await problemIn(answer("application/problem+json", 401), jobnimbus401)).toEqual(jobnimbus401);
    expect(await problemIn(answer("application/problem+json; charset=utf-8", 400), { title: "Bad", errors: [{ field: "email" }] })).toEqual({
      type: "about:blank",
      title: "Bad",
      errors: [{ field: "email" }],
    });
  });

  it("reads the legacy API's {status, body} and plain text of a failed answer as problems too", async () => {
    expect(await problemIn(answer("application/json", 401), { status: 401, body: "Authentication required" })).toEqual({ type: "about:blank", status: 401, detail: "Authentication required" });
    expect(await problemIn(answer("text/plain", 503, "Service Unavailable"), undefined)).toEqual({ type: "about:blank", status: 503, detail: "Service Unavailable" });
  });

  it("is null for a success that is not a problem, and for bodies that are not one", async () => {
    expect(await problemIn(answer("application/json", 200), jobnimbus401)).toBeNull();
    expect(await problemIn(answer("application/problem+json", 400), undefined)).toBeNull();
    expect(await problemIn(answer("application/problem+json", 400), { status: "not a number" })).toBeNull();
    expect(await problemIn(answer("text/html", 502, "<h1>502</h1>"), undefined)).toBeNull();
  });
});

describe("noAnswer", () => {
  it("is an envelope with status 0, no headers and no body", () => {
    expect(noAnswer({ method: "GET", path: "contacts", upstream: "platform" }, "Network error", "network", 12)).toEqual({
      request: { method: "GET", path: "contacts", upstream: "platform" },
      status: 0,
      statusText: "Network error",
      headers: [],
      contentType: null,
      bytes: new Uint8Array(),
      durationMs: 12,
      cutOff: false,
      failure: "network",
    });
  });
});
