// The checks every console API handler runs itself, in this order: who is signed in (a valid
// sign-in, still allowed by the configuration, not signed out), did the call come from our own
// pages, may this role use this method. Every refusal writes one audit line, with its reason.
import "server-only";
import { randomUUID } from "node:crypto";
import { getEnv, type Env } from "@/lib/config/env";
import { problemResponse } from "@/lib/problems/problem";
import { audit } from "@/lib/proxy/7-audit";
import { getStore } from "@/lib/store/store";
import { currentRole } from "./4-roles";
import { readSession, type ConsoleSession } from "./6-session";

export type Guarded = { ok: true; session: ConsoleSession } | { ok: false; response: Response };

type Refusal = { slug: "unauthenticated" | "csrf-rejected" | "role-forbidden" | "admin-only"; reason: string; detail: string };

/** The problem answer for a refusal, and its audit line (who, what, why; never a cookie or a body). */
export function refuse(request: Request, user: string | null, { slug, reason, detail }: Refusal): Response {
  const instance = new URL(request.url).pathname;
  const requestId = randomUUID();
  const response = problemResponse(slug, { detail, instance });
  response.headers.set("x-request-id", requestId);
  audit({ event: "refused", user, method: request.method.toUpperCase(), path: instance, status: response.status, outcome: "refused", reason, requestId });
  return response;
}

/** 1. Session: a valid next-auth JWT whose person the configuration still lets in, not signed out; or a 401 problem. */
export async function requireSession(request: Request, env: Env = getEnv()): Promise<Guarded> {
  const token = await readSession(request, env);
  const no = (user: string | null, reason: string, detail: string): Guarded => ({
    ok: false,
    response: refuse(request, user, { slug: "unauthenticated", reason, detail }),
  });
  if (!token) return no(null, "no-session", "Sign in to the console first; this call carries no valid sign-in.");
  const role = currentRole(token, env);
  if (!role) return no(token.email, "not-allowed", "Your account is no longer allowed into this console. Ask whoever runs it.");
  if (await getStore(env).isRevoked(token)) return no(token.email, "signed-out", "This sign-in has ended (it was signed out). Sign in again.");
  // The role in force now, whatever the token says it was at sign-in.
  return { ok: true, session: role === token.role ? token : Object.freeze({ ...token, role }) };
}

/** 2. CSRF: our pages always send X-CSRF: 1; browsers add Origin / Sec-Fetch-Site we can check. Null when it passes. */
export function csrfRefusal(request: Request, env: Env = getEnv()): Refusal | null {
  const no = (detail: string): Refusal => ({ slug: "csrf-rejected", reason: "csrf", detail });
  if (request.headers.get("x-csrf") !== "1") return no("The X-CSRF: 1 header is missing; only the console's own pages may call this.");
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== new URL(env.NEXTAUTH_URL).origin) {
    return no(`The request came from ${origin.slice(0, 200)}, not from this console.`);
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    return no(`The browser reports this request as ${site.slice(0, 40)}; only same-origin calls are accepted.`);
  }
  return null;
}

/** 3. Role: viewers read; editors and admins read and write. */
export function checkRole(request: Request, session: ConsoleSession, method: string): Response | null {
  if (session.role !== "viewer" || method === "GET") return null;
  return refuse(request, session.email, { slug: "role-forbidden", reason: "role", detail: `Viewers may only send GET requests; this was ${method}.` });
}

/** Session then CSRF: the pair every route starts with. */
export async function guard(request: Request, env: Env = getEnv()): Promise<Guarded> {
  const signedIn = await requireSession(request, env);
  if (!signedIn.ok) return signedIn;
  const csrf = csrfRefusal(request, env);
  return csrf ? { ok: false, response: refuse(request, signedIn.session.email, csrf) } : signedIn;
}

/** Session, CSRF, then the admin role (read from the configuration now): what every /api/admin route starts with. */
export async function guardAdmin(request: Request, env: Env = getEnv()): Promise<Guarded> {
  const guarded = await guard(request, env);
  if (!guarded.ok || guarded.session.role === "admin") return guarded;
  const detail = `Only the console's administrators may use this; your role is ${guarded.session.role}.`;
  return { ok: false, response: refuse(request, guarded.session.email, { slug: "admin-only", reason: "not-admin", detail }) };
}
