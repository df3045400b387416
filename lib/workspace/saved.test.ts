import { describe, expect, it } from "vitest";
import { memoryStorage } from "./browser-storage";
import { newRow, type RequestDraft } from "@/lib/request/request-model";
import { SAVED_KEY, deleteSaved, exportSaved, importSaved, listSaved, mergeSaved, saveRequest, type SavedRequest } from "./saved";

function draft(overrides: Partial<RequestDraft> = {}): RequestDraft {
  return { upstream: "platform", method: "GET", path: "example/v1/contacts", pathParams: {}, query: [], headers: [], body: "", ...overrides };
}

function saved(storage: ReturnType<typeof memoryStorage>, name: string, d = draft()): SavedRequest {
  const result = saveRequest(storage, name, d, new Date("2025-03-04T05:06:07.000Z"));
  if (!result.ok) throw new Error(result.error);
  return result.saved;
}

describe("saveRequest, listSaved, deleteSaved", () => {
  it("saves a named draft and lists it back", () => {
    const storage = memoryStorage();
    const d = draft({ method: "POST", body: '{"a":1}', query: [newRow("limit", "5")] });
    const result = saveRequest(storage, "  New contact ", d, new Date("2025-03-04T05:06:07.000Z"));
    expect(result.ok).toBe(true);
    expect(listSaved(storage)).toEqual([{ id: expect.any(String), name: "New contact", savedAt: "2025-03-04T05:06:07.000Z", draft: d }]);
  });

  it("lists by name, A to Z, ignoring case", () => {
    const storage = memoryStorage();
    saved(storage, "beta");
    saved(storage, "Alpha");
    saved(storage, "gamma");
    expect(listSaved(storage).map((r) => r.name)).toEqual(["Alpha", "beta", "gamma"]);
  });

  it("overwrites a request saved under the same name, keeping its id", () => {
    const storage = memoryStorage();
    const first = saved(storage, "Contacts", draft({ path: "old" }));
    const second = saved(storage, "contacts ", draft({ path: "new" }));
    expect(second.id).toBe(first.id);
    expect(listSaved(storage).map((r) => [r.name, r.draft.path])).toEqual([["contacts", "new"]]);
  });

  it("refuses a blank name", () => {
    expect(saveRequest(memoryStorage(), "   ", draft())).toEqual({ ok: false, error: "Give the request a name." });
  });

  it("says so when the storage will not take it", () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
    const result = saveRequest(storage, "x", draft());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/storage/);
  });

  it("never stores refused headers", () => {
    const storage = memoryStorage();
    saved(storage, "x", draft({ headers: [newRow("Authorization", "Bearer secret-key"), newRow("Cookie", "a=b"), newRow("Accept", "application/json")] }));
    expect(storage.items.get(SAVED_KEY)).not.toContain("secret-key");
    expect(listSaved(storage)[0]?.draft.headers.map((h) => h.name)).toEqual(["Accept"]);
  });

  it("deletes by id", () => {
    const storage = memoryStorage();
    const a = saved(storage, "a");
    saved(storage, "b");
    expect(deleteSaved(storage, a.id).map((r) => r.name)).toEqual(["b"]);
    expect(listSaved(storage).map((r) => r.name)).toEqual(["b"]);
  });

  it("reads corrupt storage as an empty list and skips invalid entries", () => {
    expect(listSaved(memoryStorage({ [SAVED_KEY]: "{oops" }))).toEqual([]);
    const good = { id: "1", name: "good", savedAt: "2025-01-01T00:00:00.000Z", draft: draft() };
    const storage = memoryStorage({ [SAVED_KEY]: JSON.stringify([good, { id: "2", name: "bad", draft: { method: "GET" } }]) });
    expect(listSaved(storage).map((r) => r.name)).toEqual(["good"]);
  });
});

describe("exportSaved and importSaved", () => {
  it("round-trips through a pretty, versioned file", () => {
    const storage = memoryStorage();
    saved(storage, "one", draft({ method: "PATCH", path: "example/v1/contacts/{id}", pathParams: { id: "7" }, body: "{}" }));
    saved(storage, "two", draft({ upstream: "legacy", query: [newRow("size", "5", false)] }));
    const text = exportSaved(listSaved(storage));
    expect(JSON.parse(text)).toMatchObject({ format: "jobnimbus-console.saved-requests", version: 1 });
    expect(text).toContain('\n  "requests": [');
    const result = importSaved(text);
    expect(result).toEqual({ ok: true, requests: listSaved(storage), warnings: [] });
  });

  it("never exports refused headers", () => {
    const request: SavedRequest = { id: "1", name: "x", savedAt: "t", draft: draft({ headers: [newRow("Authorization", "Bearer secret-key"), newRow("If-Match", "v1")] }) };
    const text = exportSaved([request]);
    expect(text).not.toContain("secret-key");
    expect(text).not.toMatch(/authorization/i);
    expect(text).toContain("If-Match");
  });

  it("leaves refused headers out of an import and says which ones", () => {
    const file = { format: "jobnimbus-console.saved-requests", version: 1, requests: [{ name: "Sneaky", draft: draft({ headers: [newRow("Cookie", "s=1"), newRow("Accept", "text/csv")] }) }] };
    const result = importSaved(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.requests[0]?.draft.headers.map((h) => h.name)).toEqual(["Accept"]);
    expect(result.warnings).toEqual(['Request 1 ("Sneaky"): left out the Cookie header. Cookies are never sent to JobNimbus.']);
  });

  it("says when the text is not JSON", () => {
    const result = importSaved("name,path\nx,y");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^This file is not JSON/);
  });

  it("says when the file is some other kind of JSON", () => {
    for (const text of ["[]", "{}", '{"format":"postman","version":1,"requests":[]}', "null"]) {
      const result = importSaved(text);
      expect(!result.ok && result.error).toMatch(/not a JobNimbus Console saved-requests file/);
    }
  });

  it("says when the version is one it cannot read", () => {
    const result = importSaved(JSON.stringify({ format: "jobnimbus-console.saved-requests", version: 2, requests: [] }));
    expect(!result.ok && result.error).toBe("This file is version 2; this console reads version 1.");
  });

  it("says when requests is not a list", () => {
    const result = importSaved(JSON.stringify({ format: "jobnimbus-console.saved-requests", version: 1, requests: {} }));
    expect(!result.ok && result.error).toBe(`This file's "requests" should be a list.`);
  });

  it("names the entry and the field that is wrong", () => {
    const requests = [
      { name: "fine", draft: draft() },
      { name: "Bad method", draft: { ...draft(), method: "TRACE" } },
      { name: "", draft: draft() },
      { name: "No path", draft: { ...draft(), path: 5 } },
    ];
    const result = importSaved(JSON.stringify({ format: "jobnimbus-console.saved-requests", version: 1, requests }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.error.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Request 2 \("Bad method"\): draft\.method: Invalid option: expected one of "GET"/);
    expect(lines[1]).toBe('Request 3 (""): name: empty; every request needs a name');
    expect(lines[2]).toMatch(/^Request 4 \("No path"\): draft\.path: .*expected string/);
  });

  it("says which fields are missing", () => {
    const result = importSaved(JSON.stringify({ format: "jobnimbus-console.saved-requests", version: 1, requests: [{ name: "C" }] }));
    expect(!result.ok && result.error).toBe('Request 1 ("C"): draft: missing');
  });

  it("fills in a missing id and date, and gives rows ids", () => {
    const file = { format: "jobnimbus-console.saved-requests", version: 1, requests: [{ name: "x", draft: { upstream: "platform", method: "GET", path: "p", query: [{ name: "a", value: "1" }] } }] };
    const result = importSaved(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [request] = result.requests;
    expect(request?.id).toBeTruthy();
    expect(request?.savedAt).toMatch(/^\d{4}-/);
    expect(request?.draft).toEqual({ upstream: "platform", method: "GET", path: "p", pathParams: {}, query: [{ id: expect.any(String), name: "a", value: "1", enabled: true }], headers: [], body: "" });
  });

  it("merges imported requests into storage, same name overwriting", () => {
    const storage = memoryStorage();
    const existing = saved(storage, "Contacts", draft({ path: "old" }));
    saved(storage, "Jobs");
    const imported: SavedRequest[] = [
      { id: existing.id, name: "contacts", savedAt: "t", draft: draft({ path: "new" }) },
      { id: "zzz", name: "Tasks", savedAt: "t", draft: draft({ path: "tasks" }) },
    ];
    const list = mergeSaved(storage, imported);
    expect(list?.map((r) => [r.name, r.draft.path])).toEqual([["contacts", "new"], ["Jobs", "example/v1/contacts"], ["Tasks", "tasks"]]);
    expect(list?.find((r) => r.name === "contacts")?.id).toBe(existing.id);
  });
});
