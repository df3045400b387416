import { describe, expect, it } from "vitest";
import { memoryStorage, newStoredId, readStoredJson, removeStored, writeStoredJson } from "@/lib/workspace/browser-storage";
import { requestDraftSchema } from "./draft-schema";

describe("requestDraftSchema", () => {
  it("fills defaults for optional parts", () => {
    expect(requestDraftSchema.parse({ upstream: "legacy", method: "DELETE", path: "jobs/{id}" })).toEqual({
      upstream: "legacy",
      method: "DELETE",
      path: "jobs/{id}",
      pathParams: {},
      query: [],
      headers: [],
      body: "",
    });
  });

  it("keeps row ids, but replaces missing and repeated ones", () => {
    const parsed = requestDraftSchema.parse({
      upstream: "platform",
      method: "GET",
      path: "x",
      query: [{ id: "a", name: "1", value: "", enabled: true }, { id: "a", name: "2", value: "" }, { name: "3", value: "", enabled: false }],
    });
    const ids = parsed.query.map((row) => row.id);
    expect(ids[0]).toBe("a");
    expect(new Set(ids).size).toBe(3);
    expect(parsed.query.map((row) => row.enabled)).toEqual([true, true, false]);
  });

  it("refuses unknown methods and upstreams, and over-long paths", () => {
    expect(requestDraftSchema.safeParse({ upstream: "platform", method: "TRACE", path: "x" }).success).toBe(false);
    expect(requestDraftSchema.safeParse({ upstream: "evil", method: "GET", path: "x" }).success).toBe(false);
    expect(requestDraftSchema.safeParse({ upstream: "platform", method: "GET", path: "x".repeat(3000) }).success).toBe(false);
  });
});

describe("browser storage helpers", () => {
  it("writes and reads JSON, and removes it", () => {
    const storage = memoryStorage();
    expect(writeStoredJson(storage, "k", { a: [1] })).toBe(true);
    expect(readStoredJson(storage, "k")).toEqual({ a: [1] });
    removeStored(storage, "k");
    expect(readStoredJson(storage, "k")).toBeUndefined();
  });

  it("never throws on broken storage or broken text", () => {
    const broken = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(readStoredJson(broken, "k")).toBeUndefined();
    expect(writeStoredJson(broken, "k", 1)).toBe(false);
    expect(() => removeStored(broken, "k")).not.toThrow();
    expect(readStoredJson(memoryStorage({ k: "{nope" }), "k")).toBeUndefined();
  });

  it("makes distinct ids", () => {
    expect(newStoredId()).not.toBe(newStoredId());
  });
});
