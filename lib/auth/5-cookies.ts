// Names and flags of next-auth's cookies: `__Host-` and Secure whenever the console is served over https.
import "server-only";
import type { CookiesOptions } from "next-auth";
import { getEnv, isHttps, type Env } from "@/lib/config/env";

export function sessionCookieName(env: Env = getEnv()): string {
  return isHttps(env) ? "__Host-jnc.session-token" : "jnc.session-token";
}

/** Every next-auth cookie, with one naming rule. SameSite=Lax: the OIDC callback arrives from the provider's site. */
export function authCookies(env: Env = getEnv()): CookiesOptions {
  const secure = isHttps(env);
  const prefix = secure ? "__Host-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const cookie = (name: string) => ({ name: `${prefix}jnc.${name}`, options });
  return {
    sessionToken: { name: sessionCookieName(env), options },
    callbackUrl: cookie("callback-url"),
    csrfToken: cookie("csrf-token"),
    pkceCodeVerifier: { ...cookie("pkce.code_verifier"), options: { ...options, maxAge: 900 } },
    state: { ...cookie("state"), options: { ...options, maxAge: 900 } },
    nonce: cookie("nonce"),
  };
}
