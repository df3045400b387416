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
