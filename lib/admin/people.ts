// Who may sign in, as /admin says it: everyone named in the configuration (CONSOLE_USERS, and the exact
// emails of CONSOLE_ROLES for single sign-on) with the role they get now, and the single sign-on rules in
// words ("anyone at roofco.com signs in with Google Workspace as a viewer"), so nobody has to read JSON.
import "server-only";
import { signInMethods } from "@/lib/auth/1-sign-in";
import { isAllowedEmail, roleFor } from "@/lib/auth/4-roles";
import type { Env, Role } from "@/lib/config/env";

export type Person = {
  email: string;
  role: Role;
  /** How they sign in, in words: "email and password", "Google Workspace". */
  signsInWith: string;
  /** Set when the configuration names them but they cannot get in that way, with why. */
  blocked?: string;
};

/** "a viewer" and so on: the role with what it may do. */
export function roleInWords(role: Role): string {
  if (role === "admin") return "an admin (changes data and sees this page)";
  if (role === "editor") return "an editor (reads and changes data)";
  return "a viewer (reads only)";
}

/** "Google Workspace", "Google Workspace or Company sign-in": the single sign-on the console offers now. */
function ssoInWords(env: Env): string | null {
  const names = signInMethods(env)
    .filter((method) => method.kind === "sso")
    .map((method) => method.name);
  return names.length === 0 ? null : names.join(" or ");
}

/** Everyone the configuration names, password sign-ins first, each with the role the console gives them now. */
export function configuredPeople(env: Env): Person[] {
  const people: Person[] = env.CONSOLE_USERS.map(({ email, role }) => ({ email, role, signsInWith: "email and password" }));
  const sso = ssoInWords(env);
  for (const { pattern } of env.CONSOLE_ROLES) {
    if (pattern.startsWith("*@")) continue;
    const person: Person = { email: pattern, role: roleFor(pattern, env), signsInWith: sso ?? "single sign-on" };
    if (!sso) person.blocked = "no single sign-on is configured, so this CONSOLE_ROLES entry lets nobody in";
    else if (!isAllowedEmail(pattern, env)) person.blocked = "their domain is not in ALLOWED_EMAIL_DOMAINS, so they cannot sign in";
    people.push(person);
  }
  return people;
}

/** The single sign-on rules for everyone not named, one sentence each, in the order they apply. */
export function ssoRules(env: Env): string[] {
  const sso = ssoInWords(env);
  if (!sso) {
    return env.CONSOLE_ROLES.length > 0 ? ["CONSOLE_ROLES is set, but no single sign-on is configured, so it has no effect."] : [];
  }
  const rules: string[] = [];
  const ruled = new Set<string>();
  for (const { pattern, role } of env.CONSOLE_ROLES) {
    if (!pattern.startsWith("*@")) continue;
    const domain = pattern.slice(2);
    if (ruled.has(domain)) continue;
    ruled.add(domain);
    rules.push(
      isAllowedEmail(`x@${domain}`, env)
        ? `Anyone at ${domain} signs in with ${sso} as ${roleInWords(role)}.`
        : `CONSOLE_ROLES makes anyone at ${domain} ${roleInWords(role)}, but ${domain} is not in ALLOWED_EMAIL_DOMAINS, so nobody there can sign in.`,
    );
  }
  const others = env.ALLOWED_EMAIL_DOMAINS.filter((domain) => !ruled.has(domain));
  if (env.ALLOWED_EMAIL_DOMAINS.length === 0) {
    rules.push(`Anyone else whom ${sso} lets in, at any email domain, signs in as ${roleInWords("viewer")}. Set ALLOWED_EMAIL_DOMAINS to keep others out.`);
  } else if (others.length > 0) {
    rules.push(`Anyone else at ${others.join(" or ")} signs in with ${sso} as ${roleInWords("viewer")}.`);
  }
  return rules;
}
