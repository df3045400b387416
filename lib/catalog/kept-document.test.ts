import { describe, expect, it } from "vitest";
import { indexedDbShelf, MAX_DOCUMENT_CHARS, refusalReason } from "./kept-document";
import { catalogFromKept, checkKept } from "./upload";

const doc = "openapi: 3.0.3\ninfo: {title: Kept, version: '1'}\npaths:\n  /example/v1/jobs:\n    get: {summary: Jobs}\n";

describe("a document kept in the browser", () => {
  it("is checked when it comes back: anything not of the kept shape is nothing kept", () => {
    const kept = { version: 1, name: "kept.yaml", text: doc, savedAt: "2025-06-11T10:00:00.000Z" };
    expect(checkKept(kept)).toEqual(kept);
    expect(checkKept({ ...kept, version: 2 })).toBeNull();
    expect(checkKept({ ...kept, name: "  " })).toBeNull();
    expect(checkKept({ ...kept, text: 42 })).toBeNull();
    expect(checkKept("kept.yaml")).toBeNull();
    expect(catalogFromKept(kept)).toMatchObject({ kept, result: { ok: true, catalog: { title: "Kept", operations: [{ summary: "Jobs" }] } } });
    expect(catalogFromKept({ ...kept, text: "openapi: [" })).toMatchObject({ result: { ok: false, error: expect.stringMatching(/^kept\.yaml is not valid YAML: .+ at line 1, column \d+/) } });
    expect(catalogFromKept(null)).toBeNull();
  });

  it("says in words why a browser would not keep it", async () => {
    expect(refusalReason(new DOMException("full", "QuotaExceededError"))).toBe("this browser has no room left for it");
    expect(refusalReason(new DOMException("no", "InvalidStateError"))).toMatch(/private window or storage turned off/);
    expect(refusalReason(new Error("?"))).toBe("this browser could not store it");
    const nowhere = indexedDbShelf(undefined);
    expect(await nowhere.keep("a.yaml", doc)).toEqual({ ok: false, reason: "this browser does not let the console keep files (private window or storage turned off)" });
    expect(await nowhere.load()).toBeUndefined();
    await expect(nowhere.forget()).resolves.toBeUndefined();
    expect(await nowhere.keep("big.json", "x".repeat(MAX_DOCUMENT_CHARS + 1))).toEqual({ ok: false, reason: "it is over 5 MB" });
  });
});
