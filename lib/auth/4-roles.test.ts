// Who may enter through single sign-on (ALLOWED_EMAIL_DOMAINS) and with which role (CONSOLE_ROLES).
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { isAllowedEmail, roleFor } from "./4-roles";

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
