// One proxied call, end to end, in the order of the design's diagram:
// session → CSRF → role → path → body → vault → upstream → streamed answer + audit line.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit } from "./audit";
import { getEnv } from "./env";
import { checkRole, guard } from "./guards";
import { problemResponse } from "./problem";
import { requestHeadersForUpstream, responseHeadersFromUpstream } from "./proxy-headers";
import { buildUpstreamUrl, parseProxyTarget } from "./proxy-path";
import { readLimitedBody } from "./request-body";
import { vaultOwner } from "./session";
import { forwardToUpstream, type UpstreamResult } from "./upstream";
import { pickKey, readVault } from "./vault";

export const PROXY_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export async function handleProxy(request: Request): Promise<Response> {
  const env = getEnv();
  const started = performance.now();
  const requestId = randomUUID();
  const instance = new URL(request.url).pathname;
  const method = request.method.toUpperCase();

  const guarded = await guard(request, env);
  if (!guarded.ok) return guarded.response;
  const { session } = guarded;
  if (!(PROXY_METHODS as readonly string[]).includes(method)) {
    return problemResponse("method-not-allowed", {
      detail: `${method.slice(0, 20)} is not proxied.`,
      instance,
      headers: { allow: PROXY_METHODS.join(", ") },
    });
  }
  const roleRefusal = checkRole(session, method, instance);
  if (roleRefusal) return roleRefusal;

  const target = parseProxyTarget(request.url);
  if (!target.ok) return problemResponse("invalid-path", { detail: target.reason, instance });
  const upstreamName = request.headers.get("x-console-upstream") ?? "platform";
  if (upstreamName !== "platform" && upstreamName !== "legacy") {
    return problemResponse("invalid-request", {
      detail: "X-Console-Upstream must be 'platform' or 'legacy'.",
      instance,
    });
  }

  const body = method === "GET" || method === "DELETE" ? { ok: true as const, body: null } : await readLimitedBody(request);
  if (!body.ok) {
    return problemResponse("payload-too-large", { detail: "The request body is over 5 MB and was not sent.", instance });
  }

  const vault = await readVault(request, vaultOwner(session), env);
  const apiKey = pickKey(vault, request.headers.get("x-console-key-id"));
  if (!apiKey) {
    return problemResponse("no-api-key", {
      detail: request.headers.get("x-console-key-id")
        ? "The chosen key is not among your saved keys. Pick another key or add it again."
        : "You have no saved API key in this sign-in. Add one in the keys panel (JobNimbus: Settings > API Keys).",
      instance,
    });
  }

  const base = upstreamName === "legacy" ? env.JOBNIMBUS_LEGACY_BASE_URL : env.JOBNIMBUS_BASE_URL;
  const url = buildUpstreamUrl(base, target);
  const result = await forwardToUpstream({
    method,
    url,
    apiKey,
    headers: requestHeadersForUpstream(request.headers),
    body: body.body,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    requestId,
    signal: request.signal,
  });

  const response = toResponse(result, { instance, requestId, timeoutMs: env.UPSTREAM_TIMEOUT_MS, host: url.host });
  response.headers.set("x-request-id", requestId);
  const line = (outcome: string) =>
    audit({
      user: session.email,
      method,
      path: url.pathname,
      upstream: upstreamName,
      status: response.status,
      outcome,
      durationMs: Math.round(performance.now() - started),
      requestId,
    });
  // A relayed answer is logged once its body is over: how it ended, and how long the whole call took.
  if (result.kind === "response") void result.ended.then((end) => line(end === "complete" ? "response" : end));
  else line(result.kind);
  return response;
}

function toResponse(
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
      return problemResponse("upstream-redirect", {
        detail: `JobNimbus answered ${result.status} and pointed to ${result.location.slice(0, 500)}; the redirect was not followed.`,
        instance,
        extensions: { location: result.location.slice(0, 500), requestId },
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
