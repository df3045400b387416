// Environment checks: every missing or weak setting gives one line that names the variable;
// defaults; list settings (VAULT_SECRET, CONSOLE_ROLES, ALLOWED_EMAIL_DOMAINS) parsed once.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, isHttps, parseEnv, secretWeakness } from "./env";

/** Made with `openssl rand -base64 32`, as .env.example says. */
const SESSION_SECRET = "YX6j+O9fkFZScrLVowu6mjrTp5nF4aQ+R2ICDnOHzEk=";
const VAULT_ONE = "8s1WxLTU5K024MRhHnMW7ai1As3aidxbJfb7j1bK8PQ=";
const VAULT_TWO = "Gvvd0iRpPqmdtDXS90hXwzBx6F8bIVkaEtJFzDqcWy8=";

const GOOD = {
  NEXTAUTH_SECRET: SESSION_SECRET,
  NEXTAUTH_URL: "http://localhost:3000",
  VAULT_SECRET: VAULT_ONE,
  CONSOLE_USERS: JSON.stringify([{ email: "Office@Example.com", role: "editor", passwordHash: "scrypt:32768:8:1:c2FsdA:aGFzaA" }]),
};

/** The error message parseEnv throws for `source`, or fails the test if it parses. */
function errorFor(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n\s+at /); // no stack trace
    return message;
  }
  throw new Error("expected parseEnv to refuse this environment");
}

describe("a good environment", () => {
  it("parses, with defaults for everything optional", () => {
    const env = parseEnv(GOOD);
    expect(env.JOBNIMBUS_BASE_URL).toBe("https://api.jobnimbus.com");
    expect(env.JOBNIMBUS_LEGACY_BASE_URL).toBe("https://app.jobnimbus.com/api1");
    expect(env.UPSTREAM_TIMEOUT_MS).toBe(30000);
    expect(env.VAULT_TTL_SECONDS).toBe(43200);
    expect(env.VAULT_SECRET).toEqual([VAULT_ONE]);
    expect(env.CONSOLE_ROLES).toEqual([]);
    expect(env.ALLOWED_EMAIL_DOMAINS).toEqual([]);
    expect(env.CONSOLE_DEMO).toBe(false);
    expect(env.OIDC_NAME).toBe("Single sign-on");
  });

  it("accepts admin as a CONSOLE_USERS role; TEAM_KEY_MAX_AGE_DAYS defaults to 90 and reads a number", () => {
    const users = JSON.stringify([{ email: "owner@example.com", role: "admin", passwordHash: "scrypt:32768:8:1:c2FsdA:aGFzaA" }]);
    expect(parseEnv({ ...GOOD, CONSOLE_USERS: users }).CONSOLE_USERS[0]?.role).toBe("admin");
    expect(parseEnv(GOOD).TEAM_KEY_MAX_AGE_DAYS).toBe(90);
    expect(parseEnv({ ...GOOD, TEAM_KEY_MAX_AGE_DAYS: "30" }).TEAM_KEY_MAX_AGE_DAYS).toBe(30);
  });

  it("leaves TEAM_KEYS out of the settings every module sees: only the vault reads it (lib/vault/5-team-keys.ts)", () => {
    const env = parseEnv({ ...GOOD, TEAM_KEYS: '[{"id":"office","key":"test-team-key-0000"}]' });
    expect(env).not.toHaveProperty("TEAM_KEYS");
    expect(JSON.stringify(env)).not.toContain("test-team-key-0000");
  });

  it("lower-cases CONSOLE_USERS emails so sign-in compares like with like", () => {
    expect(parseEnv(GOOD).CONSOLE_USERS).toEqual([{ email: "office@example.com", role: "editor", passwordHash: "scrypt:32768:8:1:c2FsdA:aGFzaA" }]);
  });

  it("reads numbers and URLs from strings, dropping trailing slashes", () => {
    const env = parseEnv({
      ...GOOD,
      UPSTREAM_TIMEOUT_MS: "1500",
      VAULT_TTL_SECONDS: "3600",
      JOBNIMBUS_BASE_URL: "http://127.0.0.1:4010/",
      JOBNIMBUS_LEGACY_BASE_URL: "http://127.0.0.1:4010/api1//",
      NEXTAUTH_URL: "https://console.example.com/",
    });
    expect(env.UPSTREAM_TIMEOUT_MS).toBe(1500);
    expect(env.VAULT_TTL_SECONDS).toBe(3600);
    expect(env.JOBNIMBUS_BASE_URL).toBe("http://127.0.0.1:4010");
    expect(env.JOBNIMBUS_LEGACY_BASE_URL).toBe("http://127.0.0.1:4010/api1");
    expect(env.NEXTAUTH_URL).toBe("https://console.example.com");
  });

  it("treats a blank NAME= (as .env.example leaves them) like an unset variable", () => {
    const env = parseEnv({ ...GOOD, JOBNIMBUS_BASE_URL: "", VAULT_TTL_SECONDS: " ", OIDC_ISSUER: "", GOOGLE_CLIENT_ID: "" });
    expect(env.JOBNIMBUS_BASE_URL).toBe("https://api.jobnimbus.com");
    expect(env.VAULT_TTL_SECONDS).toBe(43200);
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(errorFor({ ...GOOD, NEXTAUTH_SECRET: "" })).toMatch(/^NEXTAUTH_SECRET is missing/);
  });

  it("isHttps follows NEXTAUTH_URL, whatever the case of its scheme", () => {
    expect(isHttps(parseEnv({ ...GOOD, NEXTAUTH_URL: "https://console.example.com" }))).toBe(true);
    expect(isHttps(parseEnv({ ...GOOD, NEXTAUTH_URL: "HTTPS://console.example.com" }))).toBe(true);
    expect(isHttps(parseEnv({ ...GOOD, NEXTAUTH_URL: "http://localhost:3000" }))).toBe(false);
  });
});

describe("each missing or weak setting names its variable", () => {
  it.each<[string, Record<string, string | undefined>, RegExp]>([
    ["NEXTAUTH_SECRET missing", { NEXTAUTH_SECRET: undefined }, /^NEXTAUTH_SECRET is missing/],
    ["NEXTAUTH_SECRET short", { NEXTAUTH_SECRET: SESSION_SECRET.slice(0, 31) }, /^NEXTAUTH_SECRET is too short.*32/],
    ["VAULT_SECRET missing", { VAULT_SECRET: undefined }, /^VAULT_SECRET is missing/],
    ["VAULT_SECRET short", { VAULT_SECRET: "short" }, /^VAULT_SECRET .*32/],
    ["VAULT_SECRET one part short in a list", { VAULT_SECRET: `${VAULT_ONE},${VAULT_TWO.slice(0, 31)}` }, /^VAULT_SECRET .*comma-separated.*32/],
    ["VAULT_SECRET with an empty part", { VAULT_SECRET: `${VAULT_ONE},` }, /^VAULT_SECRET /],
    ["NEXTAUTH_SECRET one character 32 times", { NEXTAUTH_SECRET: "a".repeat(32) }, /^NEXTAUTH_SECRET is too easy to guess: .*openssl rand -base64 32$/],
    ["NEXTAUTH_SECRET a short pattern", { NEXTAUTH_SECRET: "Kq7/Wz+9=Yx".repeat(4) }, /^NEXTAUTH_SECRET is too easy to guess: it repeats a pattern; .*openssl rand -base64 32$/],
    ["NEXTAUTH_SECRET few characters", { NEXTAUTH_SECRET: "0110100111010010110100110010110101" }, /^NEXTAUTH_SECRET is too easy to guess: it uses fewer than 10 different characters/],
    ["NEXTAUTH_SECRET counting up", { NEXTAUTH_SECRET: "abcdefghijklmnopqrstuvwxyz0123456789" }, /^NEXTAUTH_SECRET is too easy to guess: it counts up/],
    ["NEXTAUTH_SECRET a placeholder", { NEXTAUTH_SECRET: "change-me-to-a-long-random-string-2024" }, /^NEXTAUTH_SECRET is too easy to guess: it is a placeholder/],
    ["VAULT_SECRET weak", { VAULT_SECRET: "v".repeat(40) }, /^VAULT_SECRET is too easy to guess \(it\): .*openssl rand -base64 32$/],
    ["VAULT_SECRET weak second of a list", { VAULT_SECRET: `${VAULT_ONE},${"old-secret-42".repeat(3)}` }, /^VAULT_SECRET is too easy to guess \(its second secret\): it repeats a pattern/],
    ["VAULT_SECRET equal to NEXTAUTH_SECRET", { VAULT_SECRET: SESSION_SECRET }, /^VAULT_SECRET reuses NEXTAUTH_SECRET \(it\); each needs its own random value: .*openssl rand -base64 32$/],
    ["NEXTAUTH_SECRET inside a VAULT_SECRET list", { VAULT_SECRET: `${VAULT_ONE},${SESSION_SECRET}` }, /^VAULT_SECRET reuses NEXTAUTH_SECRET \(its second secret\)/],
    ["NEXTAUTH_URL missing", { NEXTAUTH_URL: undefined }, /^NEXTAUTH_URL is missing/],
    ["NEXTAUTH_URL not a URL", { NEXTAUTH_URL: "not a url" }, /^NEXTAUTH_URL .*http/],
    ["NEXTAUTH_URL without scheme", { NEXTAUTH_URL: "console.example.com" }, /^NEXTAUTH_URL /],
    ["NEXTAUTH_URL other scheme", { NEXTAUTH_URL: "ftp://console.example.com" }, /^NEXTAUTH_URL .*https?:\/\//],
    ["JOBNIMBUS_BASE_URL not http", { JOBNIMBUS_BASE_URL: "javascript:alert(1)" }, /^JOBNIMBUS_BASE_URL /],
    ["JOBNIMBUS_LEGACY_BASE_URL relative", { JOBNIMBUS_LEGACY_BASE_URL: "/api1" }, /^JOBNIMBUS_LEGACY_BASE_URL /],
    ["UPSTREAM_TIMEOUT_MS not a number", { UPSTREAM_TIMEOUT_MS: "soon" }, /^UPSTREAM_TIMEOUT_MS /],
    ["UPSTREAM_TIMEOUT_MS too large", { UPSTREAM_TIMEOUT_MS: "999999999" }, /^UPSTREAM_TIMEOUT_MS .*300000/],
    ["VAULT_TTL_SECONDS too small", { VAULT_TTL_SECONDS: "10" }, /^VAULT_TTL_SECONDS .*300/],
    ["VAULT_TTL_SECONDS fractional", { VAULT_TTL_SECONDS: "600.5" }, /^VAULT_TTL_SECONDS /],
    ["CONSOLE_USERS bad JSON", { CONSOLE_USERS: "[{email:" }, /^CONSOLE_USERS .*JSON array/],
    ["CONSOLE_USERS an object, not an array", { CONSOLE_USERS: '{"email":"a@b.co"}' }, /^CONSOLE_USERS .*JSON array/],
    ["CONSOLE_USERS entry without a hash", { CONSOLE_USERS: '[{"email":"a@b.co","role":"viewer"}]' }, /^CONSOLE_USERS\[0\]\.passwordHash /],
    ["CONSOLE_USERS bad role", { CONSOLE_USERS: '[{"email":"a@b.co","role":"owner","passwordHash":"scrypt:x"}]' }, /^CONSOLE_USERS\[0\]\.role .*viewer.*editor.*admin/],
    ["CONSOLE_USERS bad email", { CONSOLE_USERS: '[{"email":"nobody","role":"viewer","passwordHash":"scrypt:x"}]' }, /^CONSOLE_USERS\[0\]\.email /],
    ["CONSOLE_USERS plain-text password", { CONSOLE_USERS: '[{"email":"a@b.co","role":"viewer","passwordHash":"hunter2"}]' }, /^CONSOLE_USERS\[0\]\.passwordHash .*hash-password/],
    ["OIDC_CLIENT_ID without OIDC_ISSUER", { OIDC_CLIENT_ID: "console", OIDC_CLIENT_SECRET: "x" }, /^OIDC_ISSUER is missing.*OIDC_CLIENT_ID/],
    ["OIDC_CLIENT_ID without its secret", { OIDC_CLIENT_ID: "console", OIDC_ISSUER: "https://login.example.com" }, /^OIDC_CLIENT_SECRET is missing.*OIDC_CLIENT_ID/],
    ["GOOGLE_CLIENT_ID without its secret", { GOOGLE_CLIENT_ID: "g" }, /^GOOGLE_CLIENT_SECRET is missing.*GOOGLE_CLIENT_ID/],
    ["AZURE_AD_CLIENT_ID without a tenant", { AZURE_AD_CLIENT_ID: "a", AZURE_AD_CLIENT_SECRET: "s" }, /^AZURE_AD_TENANT_ID is missing/],
    ["OIDC_ISSUER not a URL", { OIDC_ISSUER: "login.example.com" }, /^OIDC_ISSUER /],
    ["CONSOLE_ROLES bad entry", { CONSOLE_ROLES: "alice@acme.com=owner" }, /^CONSOLE_ROLES .*alice@acme\.com=owner.*viewer, editor, admin/],
    ["TEAM_KEY_MAX_AGE_DAYS not a whole number", { TEAM_KEY_MAX_AGE_DAYS: "ninety" }, /^TEAM_KEY_MAX_AGE_DAYS .*days/],
    ["TEAM_KEY_MAX_AGE_DAYS zero", { TEAM_KEY_MAX_AGE_DAYS: "0" }, /^TEAM_KEY_MAX_AGE_DAYS .*from 1 to 3650/],
    ["CONSOLE_ROLES entry without @", { CONSOLE_ROLES: "alice=editor" }, /^CONSOLE_ROLES /],
    ["CONSOLE_DEMO not a flag", { CONSOLE_DEMO: "yes please" }, /^CONSOLE_DEMO /],
  ])("%s", (_name, overrides, expected) => {
    const message = errorFor({ ...GOOD, ...overrides });
    expect(message).toMatch(expected);
    // Each line names a variable first, and secrets never appear in the message.
    for (const line of message.split("\n")) expect(line).toMatch(/^[A-Z][A-Z0-9_]+(\[\d+\](\.\w+)?)? \S/);
    for (const secret of [SESSION_SECRET, VAULT_ONE, "a".repeat(32), "v".repeat(40), "Kq7/Wz+9=Yx"]) expect(message).not.toContain(secret);
    expect(message.split("\n").filter((line) => /SECRET/.test(line.split(" ")[0]!)).length, "one line about secrets at most per case").toBeLessThanOrEqual(1);
  });

  it("no sign-in method at all", () => {
    expect(errorFor({ ...GOOD, CONSOLE_USERS: undefined })).toMatch(/^CONSOLE_USERS .*no single sign-on/);
    expect(errorFor({ ...GOOD, CONSOLE_USERS: "[]" })).toMatch(/^CONSOLE_USERS .*no single sign-on/);
  });

  it("single sign-on alone is enough", () => {
    const env = parseEnv({ ...GOOD, CONSOLE_USERS: undefined, OIDC_ISSUER: "https://login.example.com/", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" });
    expect(env.CONSOLE_USERS).toEqual([]);
    expect(env.OIDC_ISSUER).toBe("https://login.example.com");
  });

  it("one line per problem when several are wrong", () => {
    const lines = errorFor({ NEXTAUTH_SECRET: "short", NEXTAUTH_URL: "nope", VAULT_SECRET: "x" }).split("\n");
    expect(lines.map((line) => line.split(" ")[0])).toEqual(expect.arrayContaining(["NEXTAUTH_SECRET", "NEXTAUTH_URL", "VAULT_SECRET"]));
    expect(lines.filter((line) => line.startsWith("NEXTAUTH_URL "))).toHaveLength(1);
  });
});

describe("secrets", () => {
  it("random secrets pass: a thousand each of openssl rand -base64 32 / -hex 32 and base64url", () => {
    for (let i = 0; i < 1000; i += 1) {
      const bytes = randomBytes(32);
      for (const text of [bytes.toString("base64"), bytes.toString("hex"), bytes.toString("base64url")]) expect(secretWeakness(text), text).toBeNull();
    }
  });

  it("long enough but guessable ones do not", () => {
    for (const text of ["x".repeat(64), "abc".repeat(11), "0123456789".repeat(4), "password-password-password-password", "ZYXWVUTSRQPONMLKJIHGFEDCBA987654"]) {
      expect(secretWeakness(text), text).not.toBeNull();
    }
  });

  it("a secret can be reused nowhere but where it was: a VAULT_SECRET list keeps its own", () => {
    expect(() => parseEnv({ ...GOOD, VAULT_SECRET: `${VAULT_TWO},${VAULT_ONE}` })).not.toThrow();
    expect(errorFor({ ...GOOD, NEXTAUTH_SECRET: VAULT_TWO, VAULT_SECRET: `${VAULT_ONE},${VAULT_TWO}` }).split("\n")).toEqual([
      "VAULT_SECRET reuses NEXTAUTH_SECRET (its second secret); each needs its own random value: make a random one with: openssl rand -base64 32",
    ]);
  });
});

describe("lists", () => {
  it("VAULT_SECRET: comma-separated, trimmed, first one first", () => {
    const env = parseEnv({ ...GOOD, VAULT_SECRET: ` ${VAULT_TWO} , ${VAULT_ONE}` });
    expect(env.VAULT_SECRET).toEqual([VAULT_TWO, VAULT_ONE]);
  });

  it("CONSOLE_ROLES: lower-cased entries in order, exact emails and *@domain, admin among the roles", () => {
    const env = parseEnv({ ...GOOD, CONSOLE_ROLES: " Owner@Acme.com=Admin, Boss@Acme.com = Editor , *@ACME.com=viewer,*@partner.io=editor, " });
    expect(env.CONSOLE_ROLES).toEqual([
      { pattern: "owner@acme.com", role: "admin" },
      { pattern: "boss@acme.com", role: "editor" },
      { pattern: "*@acme.com", role: "viewer" },
      { pattern: "*@partner.io", role: "editor" },
    ]);
  });

  it("ALLOWED_EMAIL_DOMAINS: lower-cased, leading @ dropped, blanks skipped", () => {
    const env = parseEnv({ ...GOOD, ALLOWED_EMAIL_DOMAINS: "Acme.com, @partner.io,," });
    expect(env.ALLOWED_EMAIL_DOMAINS).toEqual(["acme.com", "partner.io"]);
  });

  it("CONSOLE_DEMO: 1 and true turn it on", () => {
    expect(parseEnv({ ...GOOD, CONSOLE_DEMO: "1" }).CONSOLE_DEMO).toBe(true);
    expect(parseEnv({ ...GOOD, CONSOLE_DEMO: "true" }).CONSOLE_DEMO).toBe(true);
    expect(parseEnv({ ...GOOD, CONSOLE_DEMO: "0" }).CONSOLE_DEMO).toBe(false);
  });
});

describe("shared state and sign-in protection", () => {
  it("defaults: no Redis (memory), 10 failures, no trusted proxy", () => {
    const env = parseEnv(GOOD);
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.LOGIN_MAX_FAILURES).toBe(10);
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("takes redis:// and rediss:// URLs and whole numbers in range", () => {
    const env = parseEnv({ ...GOOD, REDIS_URL: "rediss://default:pw@redis.example.com:6380", LOGIN_MAX_FAILURES: "5", TRUSTED_PROXY_HOPS: "1" });
    expect(env.REDIS_URL).toBe("rediss://default:pw@redis.example.com:6380");
    expect(env.LOGIN_MAX_FAILURES).toBe(5);
    expect(env.TRUSTED_PROXY_HOPS).toBe(1);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ["REDIS_URL another scheme", { REDIS_URL: "http://redis.example.com" }, /^REDIS_URL must start with redis:\/\/ or rediss:\/\//],
    ["LOGIN_MAX_FAILURES zero", { LOGIN_MAX_FAILURES: "0" }, /^LOGIN_MAX_FAILURES /],
    ["TRUSTED_PROXY_HOPS not a number", { TRUSTED_PROXY_HOPS: "nginx" }, /^TRUSTED_PROXY_HOPS /],
  ])("%s names the variable", (_name, overrides, expected) => {
    expect(errorFor({ ...GOOD, ...overrides })).toMatch(expected);
  });
});
