// openSeal against seals made by iron-session itself: it must open exactly what unsealData opens
// and refuse exactly what it refuses, with the reason.
import { sealData, unsealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { openSeal } from "./4-iron-open";

const SECRET = "s".repeat(32) + "-iron-open-test";
const OTHER = "o".repeat(32) + "-iron-open-test";
const PASSWORDS = { "7": SECRET };
const DATA = { owner: "alice@example.com#sid", keys: [{ id: "k1", key: "jnk_live_ünïcode_🔑" }], sealedAt: 1 };

async function sealed(ttlSeconds = 3600, password: Record<string, string> = PASSWORDS): Promise<string> {
  return sealData(DATA, { password, ttl: ttlSeconds });
}

/** The seal with part `index` (0-7, split on `*`) given one different base64url character. */
function withPartChanged(seal: string, index: number): string {
  const [body = "", version] = seal.split("~");
  const parts = body.split("*");
  const part = parts[index] ?? "";
  const at = Math.floor(part.length / 2);
  const next = part[at] === "A" ? "B" : "A";
  parts[index] = index === 5 ? String(Number(part) + 1) : `${part.slice(0, at)}${next}${part.slice(at + 1)}`;
  return `${parts.join("*")}~${version}`;
}

describe("openSeal", () => {
  it("opens what iron-session seals, with the same data unsealData returns", async () => {
    const seal = await sealed();
    const opened = openSeal(seal, PASSWORDS);
    expect(opened).toEqual({ ok: true, data: DATA });
    expect(await unsealData(seal, { password: PASSWORDS, ttl: 3600 })).toEqual(DATA);
  });

  it("finds the password by the seal's id among several (rotation)", async () => {
    const seal = await sealed(3600, { "9": OTHER });
    expect(openSeal(seal, { "7": SECRET, "9": OTHER })).toEqual({ ok: true, data: DATA });
    expect(openSeal(seal, PASSWORDS)).toEqual({ ok: false, reason: "unknown-password" });
  });

  it("does not find a password by an inherited property name", async () => {
    const seal = (await sealed()).replace("*7*", "*toString*");
    expect(openSeal(seal, PASSWORDS)).toEqual({ ok: false, reason: "unknown-password" });
  });

  it("refuses a seal whose password id maps to another secret as tampered", async () => {
    const seal = await sealed();
    expect(openSeal(seal, { "7": OTHER })).toEqual({ ok: false, reason: "tampered" });
  });

  it.each([2, 3, 4, 6, 7])("refuses a change in part %i as tampered, as unsealData does", async (index) => {
    const seal = await sealed();
    const changed = withPartChanged(seal, index);
    expect(changed).not.toBe(seal);
    expect(openSeal(changed, PASSWORDS)).toEqual({ ok: false, reason: "tampered" });
    expect(await unsealData(changed, { password: PASSWORDS, ttl: 3600 })).toEqual({});
  });

  it("refuses a later expiry written into the seal as tampered (the MAC covers it)", async () => {
    const seal = await sealed();
    expect(openSeal(withPartChanged(seal, 5), PASSWORDS)).toEqual({ ok: false, reason: "tampered" });
  });

  it("allows iron's 60 s of skew past the expiry, and refuses after it", async () => {
    const seal = await sealed(60);
    const expiry = Number(seal.split("*")[5]);
    expect(openSeal(seal, PASSWORDS, expiry + 59_000).ok).toBe(true);
    expect(openSeal(seal, PASSWORDS, expiry + 60_000)).toEqual({ ok: false, reason: "expired" });
    expect(await unsealData(seal, { password: PASSWORDS, ttl: 60 })).toEqual(DATA);
  });

  it.each([
    ["no version (an authentic v1-style seal)", (s: string) => s.split("~")[0] ?? ""],
    ["version 1", (s: string) => s.replace(/~2$/, "~1")],
    ["an extra ~ part", (s: string) => `${s}~2`],
    ["a part missing", (s: string) => s.replace(/\*[^*]*~2$/, "~2")],
    ["another prefix", (s: string) => s.replace(/^Fe26\.2/, "Fe26.1")],
    ["a non-numeric expiry", (s: string) => s.split("*").map((part, i) => (i === 5 ? "12ab" : part)).join("*")],
  ])("refuses a seal with %s as malformed", async (_name, change) => {
    const seal = await sealed();
    expect(openSeal(change(seal), PASSWORDS)).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses an unversioned seal whose MAC is cut short as tampered, as iron-session does", async () => {
    const seal = await sealed();
    expect(openSeal(seal.slice(0, -6), PASSWORDS)).toEqual({ ok: false, reason: "tampered" });
  });

  it.each(["", "garbage", "~2", "********~2"])("refuses %j as malformed", (seal) => {
    expect(openSeal(seal, PASSWORDS)).toEqual({ ok: false, reason: "malformed" });
  });
});
