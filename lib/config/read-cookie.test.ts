// readCookie: one cookie by exact name from a Cookie header, value untouched.
import { describe, expect, it } from "vitest";
import { readCookie } from "./read-cookie";

describe("readCookie", () => {
  it("finds a cookie by exact name among others, with spaces trimmed", () => {
    expect(readCookie("a=1; jnc-vault=Fe26.2*1*x~2 ;b=2", "jnc-vault")).toBe("Fe26.2*1*x~2");
    expect(readCookie("__Host-jnc-vault=v1", "__Host-jnc-vault")).toBe("v1");
  });

  it("keeps '=' and percent signs inside the value as they are", () => {
    expect(readCookie("t=a=b==; u=%2F", "t")).toBe("a=b==");
    expect(readCookie("t=a=b==; u=%2F", "u")).toBe("%2F");
  });

  it("does not match a name that only contains or ends with the one asked for", () => {
    expect(readCookie("xjnc-vault=evil; jnc-vault-old=old", "jnc-vault")).toBeUndefined();
    expect(readCookie("__Host-jnc-vault=secure", "jnc-vault")).toBeUndefined();
  });

  it("takes the first of duplicate names", () => {
    expect(readCookie("jnc-vault=first; jnc-vault=second", "jnc-vault")).toBe("first");
  });

  it("is undefined for no header, an empty header or a nameless pair", () => {
    expect(readCookie(null, "a")).toBeUndefined();
    expect(readCookie("", "a")).toBeUndefined();
    expect(readCookie("=a; a", "a")).toBeUndefined();
  });

  it("reads an empty value as empty, not missing", () => {
    expect(readCookie("a=; b=2", "a")).toBe("");
  });
});
