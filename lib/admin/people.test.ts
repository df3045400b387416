// /admin's "People": everyone the configuration names with the role they get now, and the single sign-on
// rules in words, including the settings that let nobody in.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { configuredPeople, roleInWords, ssoRules } from "./people";

const HASH = "scrypt:32768:8:1:c2FsdA:aGFzaA";
const BASE = {
  NEXTAUTH_SECRET: "tWZDJVIMIRDkbb5tlLbShPWolJ1OFZc92iP/gB92iN4=",
  NEXTAUTH_URL: "http://localhost:3000",
  VAULT_SECRET: "k54czylEQZqIQWHvG8HPYG2XNHezpKOtQmlMAVYjUrw=",
  CONSOLE_USERS: JSON.stringify([
    { email: "dana@roofco.com", role: "admin", passwordHash: HASH },
    { email: "jill@roofco.com", role: "viewer", passwordHash: HASH },
  ]),
};
const GOOGLE = { GOOGLE_CLIENT_ID: "g", GOOGLE_CLIENT_SECRET: "s" };

describe("configuredPeople", () => {
  it("lists CONSOLE_USERS with their role and 'email and password'", () => {
    expect(configuredPeople(parseEnv(BASE))).toEqual([
      { email: "dana@roofco.com", role: "admin", signsInWith: "email and password" },
      { email: "jill@roofco.com", role: "viewer", signsInWith: "email and password" },
    ]);
  });

  it("adds the exact emails of CONSOLE_ROLES with the role the first matching entry gives them, and the provider's name", () => {
    const env = parseEnv({ ...BASE, ...GOOGLE, ALLOWED_EMAIL_DOMAINS: "roofco.com", CONSOLE_ROLES: "boss@roofco.com=editor,*@roofco.com=viewer,late@roofco.com=admin" });
    expect(configuredPeople(env).slice(2)).toEqual([
      { email: "boss@roofco.com", role: "editor", signsInWith: "Google Workspace" },
      // The domain rule comes first, so it wins: the page says the role they really get.
      { email: "late@roofco.com", role: "viewer", signsInWith: "Google Workspace" },
    ]);
  });

  it("says when a named person cannot get in: no single sign-on, or a domain that is not allowed", () => {
    const noSso = configuredPeople(parseEnv({ ...BASE, CONSOLE_ROLES: "boss@roofco.com=editor" }));
    expect(noSso[2]).toMatchObject({ email: "boss@roofco.com", blocked: expect.stringMatching(/no single sign-on is configured/) });
    const otherDomain = configuredPeople(parseEnv({ ...BASE, ...GOOGLE, ALLOWED_EMAIL_DOMAINS: "roofco.com", CONSOLE_ROLES: "x@partner.io=editor" }));
    expect(otherDomain[2]).toMatchObject({ email: "x@partner.io", blocked: expect.stringMatching(/not in ALLOWED_EMAIL_DOMAINS/) });
  });
});

describe("ssoRules", () => {
  it("says each domain rule in words, then who else gets in as a viewer", () => {
    const env = parseEnv({ ...BASE, ...GOOGLE, ALLOWED_EMAIL_DOMAINS: "roofco.com,partner.io", CONSOLE_ROLES: "boss@roofco.com=editor,*@roofco.com=editor" });
    expect(ssoRules(env)).toEqual([
      "Anyone at roofco.com signs in with Google Workspace as an editor (reads and changes data).",
      "Anyone else at partner.io signs in with Google Workspace as a viewer (reads only).",
    ]);
  });

  it("warns when any domain may enter, and when a rule's domain is not allowed", () => {
    expect(ssoRules(parseEnv({ ...BASE, ...GOOGLE }))).toEqual([
      "Anyone else whom Google Workspace lets in, at any email domain, signs in as a viewer (reads only). Set ALLOWED_EMAIL_DOMAINS to keep others out.",
    ]);
    const rules = ssoRules(parseEnv({ ...BASE, ...GOOGLE, ALLOWED_EMAIL_DOMAINS: "roofco.com", CONSOLE_ROLES: "*@partner.io=editor,*@roofco.com=viewer" }));
    expect(rules[0]).toMatch(/^CONSOLE_ROLES makes anyone at partner\.io an editor .*nobody there can sign in\.$/);
    expect(rules[1]).toBe("Anyone at roofco.com signs in with Google Workspace as a viewer (reads only).");
    expect(rules).toHaveLength(2);
  });

  it("without single sign-on: nothing, or that CONSOLE_ROLES has no effect", () => {
    expect(ssoRules(parseEnv(BASE))).toEqual([]);
    expect(ssoRules(parseEnv({ ...BASE, CONSOLE_ROLES: "*@roofco.com=editor" }))).toEqual(["CONSOLE_ROLES is set, but no single sign-on is configured, so it has no effect."]);
  });

  it("names every role in words", () => {
    expect(["viewer", "editor", "admin"].map((role) => roleInWords(role as "viewer"))).toEqual([
      "a viewer (reads only)",
      "an editor (reads and changes data)",
      "an admin (changes data and sees this page)",
    ]);
  });
});
