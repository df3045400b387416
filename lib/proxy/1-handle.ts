// One proxied call, end to end, in the order of the design's diagram and of this folder's files:
// session, CSRF and role (lib/auth) → 2 path → 3 body → vault (lib/vault: the person's own key or a team
// key) → 2 actor (whom the call acts as) → 4 headers → 5 upstream → 6 the answer streamed back → 7 one
// audit line (refusals write one too).
import "server-only";
import { randomUUID } from "node:crypto";
import { checkRole, guard } from "@/lib/auth/7-guards";
import { vaultOwner } from "@/lib/auth/6-session";
import { getEnv } from "@/lib/config/env";
import { problemResponse } from "@/lib/problems/problem";
import { readVaultWithReason } from "@/lib/vault/3-vault";
import { chooseKey } from "@/lib/vault/5-team-keys";
import { applyActor } from "./2-actor";
import { buildUpstreamUrl, parseProxyTarget } from "./2-target";
import { readLimitedBody } from "./3-body";
import { requestHeadersForUpstream } from "./4-headers";
import { forwardToUpstream } from "./5-upstream";
import { toResponse } from "./6-answer";
import { audit } from "./7-audit";

export async function handleProxy(request: Request): Promise<Response> {
  const env = getEnv();
  const started = performance.now();
  const requestId = randomUUID();
  const instance = new URL(request.url).pathname;
  const method = request.method.toUpperCase();

  const guarded = await guard(request, env);
  if (!guarded.ok) return guarded.response;
  const { session } = guarded;
  const roleRefusal = checkRole(request, session, method);
  if (roleRefusal) return roleRefusal;
  /** A refusal after the guards: its problem answer and its audit line. */
  const refused = (reason: string, response: Response) => {
    response.headers.set("x-request-id", requestId);
    audit({ event: "refused", user: session.email, method, path: instance, status: response.status, outcome: "refused", reason, requestId });
    return response;
  };

  const target = parseProxyTarget(request.url);
  if (!target.ok) return refused("invalid-path", problemResponse("invalid-path", { detail: target.reason, instance }));
  const upstreamName = request.headers.get("x-console-upstream") ?? "platform";
  if (upstreamName !== "platform" && upstreamName !== "legacy") {
    return refused(
      "invalid-upstream",
      problemResponse("invalid-request", {
        detail: "X-Console-Upstream must be 'platform' or 'legacy'.",
        instance,
      }),
    );
  }

  const body = method === "GET" || method === "DELETE" ? { ok: true as const, body: null } : await readLimitedBody(request);
  if (!body.ok) {
    return refused("too-large", problemResponse("payload-too-large", { detail: "The request body is over 5 MB and was not sent.", instance }));
  }

  const { vault, rejected } = await readVaultWithReason(request, vaultOwner(session), env);
  const keyId = request.headers.get("x-console-key-id");
  const choice = chooseKey(vault, session.role, keyId);
  if (!choice.ok && choice.reason === "not-for-role") {
    return refused(
      "team-key-role",
      problemResponse("team-key-forbidden", { detail: `The shared key ${keyId?.slice(0, 40) ?? ""} is not for the ${session.role} role. Pick another key.`, instance }),
    );
  }
  if (!choice.ok) {
    // A key cookie that is not this sign-in's (another person's, tampered, expired) says so in the reason.
    return refused(
      rejected ? `no-api-key: vault ${rejected}` : "no-api-key",
      problemResponse("no-api-key", {
        detail: keyId
          ? "The chosen key is not among your saved keys. Pick another key or add it again."
          : "You have no saved API key in this sign-in. Add one in the keys panel (JobNimbus: Settings > API Keys).",
        instance,
      }),
    );
  }
  const { apiKey, shared } = choice;
  const keyLabel = apiKey.label;
  const { query, actor } = applyActor(target.query, choice.actor, upstreamName, session.email);

  const base = upstreamName === "legacy" ? env.JOBNIMBUS_LEGACY_BASE_URL : env.JOBNIMBUS_BASE_URL;
  const url = buildUpstreamUrl(base, { path: target.path, query });
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
  // The answer view says "Sent as …": who JobNimbus recorded, when the console chose it.
  if (actor) response.headers.set("x-console-actor", actor);
  const line = (outcome: string) =>
    audit({
      event: "proxy",
      user: session.email,
      key: keyLabel,
      ...(shared ? { shared } : {}),
      ...(actor ? { actor } : {}),
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
