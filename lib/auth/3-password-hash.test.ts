// scrypt password hashes for CONSOLE_USERS: verify the right password only, and never
// throw on a malformed stored string (a bad config line must not crash sign-in).
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./3-password-hash.mjs";

describe("hashPassword / verifyPassword", () => {
  it("verifies the password it hashed, and only that one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt:32768:8:1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(hash).not.toContain("$");
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
    expect(await verifyPassword("Correct horse battery staple", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts: two hashes of the same password differ, and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
    expect(a.split(":")[4]).not.toBe(b.split(":")[4]);
    expect(await verifyPassword("same", a)).toBe(true);
    expect(await verifyPassword("same", b)).toBe(true);
  });

  it("handles unicode passwords", async () => {
    const hash = await hashPassword("pässwörd-🔑");
    expect(await verifyPassword("pässwörd-🔑", hash)).toBe(true);
    expect(await verifyPassword("passwort-🔑", hash)).toBe(false);
  });

  it("refuses a tampered hash", async () => {
    const hash = await hashPassword("tamper me");
    const parts = hash.split(":");
    const digest = parts[5]!;
    const changedDigest = [...parts.slice(0, 5), `${digest[0] === "A" ? "B" : "A"}${digest.slice(1)}`].join(":");
    const salt = parts[4]!;
    const changedSalt = [...parts.slice(0, 4), `${salt[0] === "A" ? "B" : "A"}${salt.slice(1)}`, digest].join(":");
    const changedCost = ["scrypt", "16384", ...parts.slice(2)].join(":");
    for (const tampered of [changedDigest, changedSalt, changedCost]) {
      expect(tampered).not.toBe(hash);
      expect(await verifyPassword("tamper me", tampered)).toBe(false);
    }
  });

  const SALT = "AAAAAAAAAAAAAAAAAAAAAA";
  const DIGEST = "A".repeat(43);
  it.each([
    "",
    "scrypt",
    "scrypt:",
    "scrypt:32768:8:1",
    "scrypt:32768:8:1::",
    `scrypt:32768:8:1:${SALT}:`,
    `scrypt:32768:8:1::${DIGEST}`,
    `bcrypt:32768:8:1:${SALT}:${DIGEST}`,
    "$2b$10$abcdefghijklmnopqrstuuSomeBcryptHashLooksLikeThis12345",
    `scrypt:abc:8:1:${SALT}:${DIGEST}`,
    `scrypt::8:1:${SALT}:${DIGEST}`,
    `scrypt:0:8:1:${SALT}:${DIGEST}`,
    `scrypt:1:8:1:${SALT}:${DIGEST}`,
    `scrypt:3:8:1:${SALT}:${DIGEST}`,
    `scrypt:1000:8:1:${SALT}:${DIGEST}`,
    `scrypt:-32768:8:1:${SALT}:${DIGEST}`,
    `scrypt:1.5:8:1:${SALT}:${DIGEST}`,
    `scrypt:${2 ** 30}:8:1:${SALT}:${DIGEST}`,
    `scrypt:32768:0:1:${SALT}:${DIGEST}`,
    `scrypt:32768:8:0:${SALT}:${DIGEST}`,
    `scrypt:32768:8:1000000:${SALT}:${DIGEST}`,
    `scrypt:32768:100000:1:${SALT}:${DIGEST}`,
    `scrypt:32768:8:1:${SALT}:short`,
    `scrypt:32768:8:1:${SALT}:${DIGEST}:extra`,
    `scrypt:32768:8:1:${SALT}:${DIGEST}`,
  ])("returns false without throwing for %j", async (stored) => {
    await expect(verifyPassword("anything", stored)).resolves.toBe(false);
  });

  it("returns false for stored values that are not strings at all", async () => {
    await expect(verifyPassword("anything", undefined as unknown as string)).resolves.toBe(false);
    await expect(verifyPassword("anything", null as unknown as string)).resolves.toBe(false);
  });
});
