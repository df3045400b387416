import { describe, expect, it } from "vitest";
import { isRecord } from "./is-record";

describe("isRecord", () => {
  it("accepts JSON objects, empty ones included", () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(JSON.parse('{"jnid":"abc","count":0}'))).toBe(true);
  });

  it("refuses arrays, null and every other value", () => {
    for (const value of [[], [{}], null, undefined, "text", 0, true]) expect(isRecord(value)).toBe(false);
  });
});
