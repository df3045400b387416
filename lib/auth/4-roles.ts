// Who may enter through single sign-on, and with which role (ALLOWED_EMAIL_DOMAINS, CONSOLE_ROLES).
import "server-only";
import type { Env, Role } from "@/lib/config/env";

/** "" for a string without "@", so a bare "acme.com" never passes as an address at acme.com. */
function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at === -1 ? "" : email.slice(at + 1).toLowerCase();
}

export function isAllowedEmail(email: string, env: Pick<Env, "ALLOWED_EMAIL_DOMAINS">): boolean {
  if (env.ALLOWED_EMAIL_DOMAINS.length === 0) return true;
  return env.ALLOWED_EMAIL_DOMAINS.includes(domainOf(email));
}

/** First matching CONSOLE_ROLES entry wins: an exact email, or `*@domain`; otherwise viewer. */
export function roleFor(email: string, env: Pick<Env, "CONSOLE_ROLES">): Role {
  const lower = email.toLowerCase();
  const match = env.CONSOLE_ROLES.find(
    ({ pattern }) => pattern === lower || (pattern.startsWith("*@") && pattern.slice(2) === domainOf(lower)),
  );
  return match?.role ?? "viewer";
}

const usersByEmail = new WeakMap<Env["CONSOLE_USERS"], Map<string, Role>>();

/** Which SSO providers the configuration turns on now; a sign-in through one turned off ends. */
function ssoConfigured(provider: string, env: Env): boolean {
  if (provider === "google") return Boolean(env.GOOGLE_CLIENT_ID);
  if (provider === "azure-ad") return Boolean(env.AZURE_AD_CLIENT_ID);
  if (provider === "oidc") return Boolean(env.OIDC_CLIENT_ID);
  return false;
}

/**
 * The role this sign-in has under the configuration in force now, or null when the person may no
 * longer enter: asked on every call, so removing or demoting someone takes effect at their next
 * request, not at their next sign-in. A password sign-in answers to CONSOLE_USERS; an SSO one to
 * ALLOWED_EMAIL_DOMAINS and CONSOLE_ROLES.
 */
export function currentRole(signIn: { email: string; provider: string }, env: Env): Role | null {
  if (signIn.provider === "credentials") {
    let users = usersByEmail.get(env.CONSOLE_USERS);
    if (!users) {
      users = new Map(env.CONSOLE_USERS.map((user) => [user.email, user.role]));
      usersByEmail.set(env.CONSOLE_USERS, users);
    }
    return users.get(signIn.email) ?? null;
  }
  if (!ssoConfigured(signIn.provider, env) || !isAllowedEmail(signIn.email, env)) return null;
  return roleFor(signIn.email, env);
}

/** Providers that always send `email_verified`: a profile of theirs without it is refused. */
const SENDS_EMAIL_VERIFIED = new Set(["google"]);

/**
 * Whether single sign-on vouches for the email: `email_verified` must be true (or "true", as some
 * issuers send it) wherever it is sent. Entra ID does not send it (docs/security.md says what holds there).
 */
export function emailVerified(provider: string | undefined, profile: unknown): boolean {
  const claim = (profile as { email_verified?: unknown } | null | undefined)?.email_verified;
  if (claim === undefined || claim === null) return !SENDS_EMAIL_VERIFIED.has(provider ?? "");
  return claim === true || claim === "true";
}

/**
 * The signed-in person as pages pass them to the browser: an admin writes as an editor does, so the parts
 * that only ask "may this person write?" see "editor", and `admin` opens /admin in the header.
 */
export function signedInUser(email: string, role: Role): { email: string; role: "viewer" | "editor"; admin: boolean } {
  return { email, role: role === "admin" ? "editor" : role, admin: role === "admin" };
}
