// Who may enter through single sign-on (ALLOWED_EMAIL_DOMAINS) and with which role (CONSOLE_ROLES).
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { currentRole, emailVerified, isAllowedEmail, roleFor, signedInUser } from "./4-roles";

function env(extra: Record<string, string>) {
  return parseEnv({
    NEXTAUTH_SECRET: "tWZDJVIMIRDkbb5tlLbShPWolJ1OFZc92iP/gB92iN4=",
    NEXTAUTH_URL: "http://localhost:3000",
    VAULT_SECRET: "k54czylEQZqIQWHvG8HPYG2XNHezpKOtQmlMAVYjUrw=",
    OIDC_ISSUER: "https://login.example.com",
    OIDC_CLIENT_ID: "console",
    OIDC_CLIENT_SECRET: "secret",
    ...extra,
  });
}

describe("isAllowedEmail", () => {
  it("lets anyone in when ALLOWED_EMAIL_DOMAINS is empty", () => {
    const open = env({});
    expect(isAllowedEmail("anyone@anywhere.org", open)).toBe(true);
  });

  it("lets in only the listed domains, whatever the case", () => {
    const closed = env({ ALLOWED_EMAIL_DOMAINS: "acme.com,@Partner.IO" });
    expect(isAllowedEmail("alice@acme.com", closed)).toBe(true);
    expect(isAllowedEmail("Alice@ACME.COM", closed)).toBe(true);
    expect(isAllowedEmail("bob@partner.io", closed)).toBe(true);
    expect(isAllowedEmail("eve@evil.com", closed)).toBe(false);
  });

  it("does not mistake look-alike domains for listed ones", () => {
    const closed = env({ ALLOWED_EMAIL_DOMAINS: "acme.com" });
    expect(isAllowedEmail("eve@sub.acme.com", closed)).toBe(false);
    expect(isAllowedEmail("eve@acme.com.evil.com", closed)).toBe(false);
    expect(isAllowedEmail("eve@notacme.com", closed)).toBe(false);
    expect(isAllowedEmail("acme.com@evil.com", closed)).toBe(false);
    expect(isAllowedEmail("acme.com", closed)).toBe(false);
    expect(isAllowedEmail("", closed)).toBe(false);
  });
});

describe("roleFor", () => {
  it("defaults to viewer when CONSOLE_ROLES is empty or nothing matches", () => {
    expect(roleFor("alice@acme.com", env({}))).toBe("viewer");
    expect(roleFor("alice@acme.com", env({ CONSOLE_ROLES: "*@other.com=editor" }))).toBe("viewer");
  });

  it("matches an exact email", () => {
    const roles = env({ CONSOLE_ROLES: "boss@acme.com=editor" });
    expect(roleFor("boss@acme.com", roles)).toBe("editor");
    expect(roleFor("worker@acme.com", roles)).toBe("viewer");
  });

  it("matches *@domain for everyone at that domain, and only there", () => {
    const roles = env({ CONSOLE_ROLES: "*@acme.com=editor" });
    expect(roleFor("anyone@acme.com", roles)).toBe("editor");
    expect(roleFor("anyone@sub.acme.com", roles)).toBe("viewer");
    expect(roleFor("anyone@evilacme.com", roles)).toBe("viewer");
  });

  it("first match wins", () => {
    const exactFirst = env({ CONSOLE_ROLES: "boss@acme.com=editor,*@acme.com=viewer" });
    expect(roleFor("boss@acme.com", exactFirst)).toBe("editor");
    expect(roleFor("worker@acme.com", exactFirst)).toBe("viewer");
    const domainFirst = env({ CONSOLE_ROLES: "*@acme.com=viewer,boss@acme.com=editor" });
    expect(roleFor("boss@acme.com", domainFirst)).toBe("viewer");
  });

  it("is case-insensitive on both sides", () => {
    const roles = env({ CONSOLE_ROLES: "Boss@Acme.COM=Editor,*@PARTNER.io=editor" });
    expect(roleFor("BOSS@acme.com", roles)).toBe("editor");
    expect(roleFor("Someone@Partner.IO", roles)).toBe("editor");
  });
});

describe("currentRole", () => {
  const hash = "scrypt:32768:8:1:c2FsdA:aGFzaA";
  const users = (list: [string, string][]) => JSON.stringify(list.map(([email, role]) => ({ email, role, passwordHash: hash })));

  it("a password sign-in answers to CONSOLE_USERS as it is now: its role, or null once removed", () => {
    const now = env({ CONSOLE_USERS: users([["alice@acme.com", "viewer"]]) });
    expect(currentRole({ email: "alice@acme.com", provider: "credentials" }, now)).toBe("viewer");
    expect(currentRole({ email: "bob@acme.com", provider: "credentials" }, now)).toBeNull();
  });

  it("an SSO sign-in answers to ALLOWED_EMAIL_DOMAINS and CONSOLE_ROLES, and ends when its provider is turned off", () => {
    const now = env({ ALLOWED_EMAIL_DOMAINS: "acme.com", CONSOLE_ROLES: "boss@acme.com=editor" });
    expect(currentRole({ email: "boss@acme.com", provider: "oidc" }, now)).toBe("editor");
    expect(currentRole({ email: "worker@acme.com", provider: "oidc" }, now)).toBe("viewer");
    expect(currentRole({ email: "eve@evil.com", provider: "oidc" }, now)).toBeNull();
    expect(currentRole({ email: "boss@acme.com", provider: "google" }, now), "Google is not configured").toBeNull();
    // An SSO person with the same email as a password user does not inherit the password entry.
    expect(currentRole({ email: "boss@acme.com", provider: "credentials" }, now)).toBeNull();
  });
});

describe("emailVerified", () => {
  it("refuses an email the provider says is unverified, in either spelling", () => {
    expect(emailVerified("oidc", { email_verified: false })).toBe(false);
    expect(emailVerified("oidc", { email_verified: "false" })).toBe(false);
    expect(emailVerified("oidc", { email_verified: true })).toBe(true);
    expect(emailVerified("oidc", { email_verified: "true" })).toBe(true);
  });

  it("Google always sends the claim, so a Google profile without it is refused; issuers that never send it are not", () => {
    expect(emailVerified("google", { email: "a@acme.com" })).toBe(false);
    expect(emailVerified("google", { email_verified: true })).toBe(true);
    expect(emailVerified("azure-ad", { email: "a@acme.com" })).toBe(true);
    expect(emailVerified("oidc", {})).toBe(true);
  });
});

describe("signedInUser", () => {
  it("gives pages the data role (an admin writes as an editor) and whether /admin is theirs", () => {
    expect(signedInUser("a@acme.com", "admin")).toEqual({ email: "a@acme.com", role: "editor", admin: true });
    expect(signedInUser("e@acme.com", "editor")).toEqual({ email: "e@acme.com", role: "editor", admin: false });
    expect(signedInUser("v@acme.com", "viewer")).toEqual({ email: "v@acme.com", role: "viewer", admin: false });
  });

  it("an admin from CONSOLE_ROLES is an admin on every call", () => {
    const now = env({ CONSOLE_ROLES: "owner@acme.com=admin,*@acme.com=viewer" });
    expect(currentRole({ email: "owner@acme.com", provider: "oidc" }, now)).toBe("admin");
    expect(currentRole({ email: "staff@acme.com", provider: "oidc" }, now)).toBe("viewer");
  });
});
