// Turns what the upstream call came back with into the browser's answer: the streamed
// response with its allowed headers, or a problem that says why there is none.
import "server-only";
import { problemResponse } from "../problems/problem";
import { responseHeadersFromUpstream } from "./4-headers";
import type { UpstreamResult } from "./5-upstream";

export function toResponse(
  result: UpstreamResult,
  context: { instance: string; requestId: string; timeoutMs: number; host: string },
): Response {
  const { instance, requestId } = context;
  switch (result.kind) {
    case "response":
      return new Response(result.body as globalThis.ReadableStream<Uint8Array> | null, {
        status: result.status,
        headers: responseHeadersFromUpstream(result.headers, firstHeader(result.headers["x-request-id"])),
      });
    case "redirect":
      // The location has the key masked already (lib/proxy/5-upstream.ts), so cutting it short cannot leave part of it.
      return problemResponse("upstream-redirect", {
        detail: `JobNimbus answered ${result.status} and pointed to ${result.location.slice(0, 500)}; the redirect was not followed.`,
        instance,
        extensions: { location: result.location.slice(0, 500), requestId },
      });
    case "encoded":
      return problemResponse("upstream-encoded", {
        detail: `JobNimbus answered ${result.status} with ${result.encoding}-compressed content, although the console asks for uncompressed answers. A compressed answer cannot be checked for your key, so it was not passed on. Tell whoever runs the console.`,
        instance,
        extensions: { requestId },
      });
    case "timeout":
      return problemResponse("upstream-timeout", {
        detail: `No answer from ${context.host} within ${seconds(context.timeoutMs)} seconds. Try again, or ask for fewer records at once.`,
        instance,
        extensions: { requestId },
      });
    case "unreachable":
      return problemResponse("upstream-unreachable", {
        detail: unreachableDetail(result.code, context.host),
        instance,
        extensions: { requestId },
      });
    case "aborted":
      // The browser is gone; nobody reads this, but Next needs a Response.
      return new Response(null, { status: 499 });
  }
}

/** 1500 → "1.5", 30000 → "30": the limit as configured, not rounded up to a whole second. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/** Node's HTTP parser codes (HPE_*) mean JobNimbus answered, but with something that cannot be read as HTTP. */
function unreachableDetail(code: string, host: string): string {
  if (code === "HPE_HEADER_OVERFLOW") {
    return `${host} answered with response headers larger than the 16 KB the console accepts (${code}), so the answer was not read. Tell whoever runs the console.`;
  }
  if (code.startsWith("HPE_")) {
    return `${host} sent an answer that is not valid HTTP (${code}), so it was not read. Try again; if it persists, tell whoever runs the console.`;
  }
  return `The connection to ${host} failed (${code}). Try again shortly; if it persists, tell whoever runs the console.`;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
