// The checks every /api/keys and /api/proxy handler runs itself, in this order:
// who is signed in, did the call come from our own pages, may this role use this method.
import "server-only";
import { getEnv, type Env } from "@/lib/config/env";
import { problemResponse } from "@/lib/problems/problem";
import { readSession, type ConsoleSession } from "./6-session";

export type Guarded = { ok: true; session: ConsoleSession } | { ok: false; response: Response };

/** 1. Session: a valid next-auth JWT, or a 401 problem. */
export async function requireSession(request: Request, env: Env = getEnv()): Promise<Guarded> {
  const session = await readSession(request, env);
  if (session) return { ok: true, session };
  return {
    ok: false,
    response: problemResponse("unauthenticated", {
      detail: "Sign in to the console first; this call carries no valid sign-in.",
      instance: new URL(request.url).pathname,
    }),
  };
}

/** 2. CSRF: our pages always send X-CSRF: 1; browsers add Origin / Sec-Fetch-Site we can check. */
export function checkCsrf(request: Request, env: Env = getEnv()): Response | null {
  const refuse = (detail: string) =>
    problemResponse("csrf-rejected", { detail, instance: new URL(request.url).pathname });
  if (request.headers.get("x-csrf") !== "1") return refuse("The X-CSRF: 1 header is missing; only the console's own pages may call this.");
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== new URL(env.NEXTAUTH_URL).origin) {
    return refuse(`The request came from ${origin.slice(0, 200)}, not from this console.`);
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    return refuse(`The browser reports this request as ${site.slice(0, 40)}; only same-origin calls are accepted.`);
  }
  return null;
}

/** 3. Role: viewers read, editors read and write. */
export function checkRole(session: ConsoleSession, method: string, instance: string): Response | null {
  if (session.role === "editor" || method === "GET") return null;
  return problemResponse("role-forbidden", {
    detail: `Viewers may only send GET requests; this was ${method}.`,
    instance,
  });
}

/** Session then CSRF: the pair every route starts with. */
export async function guard(request: Request, env: Env = getEnv()): Promise<Guarded> {
  const signedIn = await requireSession(request, env);
  if (!signedIn.ok) return signedIn;
  const csrf = checkCsrf(request, env);
  return csrf ? { ok: false, response: csrf } : signedIn;
}
