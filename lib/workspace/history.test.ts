import { describe, expect, it } from "vitest";
import { memoryStorage } from "./browser-storage";
import {
  HISTORY_BODY_LIMIT_BYTES,
  HISTORY_KEY,
  HISTORY_MAX_CHARS,
  HISTORY_MAX_ENTRIES,
  addToHistory,
  clearHistory,
  draftOf,
  historyEntryFor,
  loadHistory,
  searchHistory,
  type HistoryEntry,
} from "./history";
import { newRow, type RequestDraft } from "@/lib/request/request-model";

function draft(overrides: Partial<RequestDraft> = {}): RequestDraft {
  return { upstream: "platform", method: "GET", path: "example/v1/contacts", pathParams: {}, query: [], headers: [], body: "", ...overrides };
}

function entry(overrides: Partial<RequestDraft> = {}, status = 200): HistoryEntry {
  return historyEntryFor(draft(overrides), { status, durationMs: 12 }, new Date("2025-01-02T03:04:05.000Z"));
}

describe("historyEntryFor and draftOf", () => {
  it("records the draft, the outcome and the time, and gives the draft back", () => {
    const d = draft({ method: "POST", body: "{}", query: [newRow("a", "1")] });
    const e = historyEntryFor(d, { status: 201, durationMs: 40 }, new Date("2025-01-02T03:04:05.000Z"));
    expect(e).toMatchObject({ at: "2025-01-02T03:04:05.000Z", method: "POST", status: 201, durationMs: 40, body: "{}" });
    expect(e.id).toBeTruthy();
    expect(draftOf(e)).toEqual(d);
  });
});

describe("addToHistory and loadHistory", () => {
  it("stores entries newest first and reads them back", () => {
    const storage = memoryStorage();
    const first = entry({ path: "one" });
    const second = entry({ path: "two" });
    addToHistory(storage, first);
    const list = addToHistory(storage, second);
    expect(list.map((e) => e.path)).toEqual(["two", "one"]);
    expect(loadHistory(storage)).toEqual(list);
  });

  it("never stores refused headers such as Authorization or Cookie", () => {
    const storage = memoryStorage();
    addToHistory(storage, entry({ headers: [newRow("Authorization", "Bearer secret-key"), newRow("cookie", "s=1"), newRow("Accept", "application/json")] }));
    const raw = storage.items.get(HISTORY_KEY) ?? "";
    expect(raw).not.toContain("secret-key");
    expect(raw).not.toMatch(/authorization|cookie/i);
    expect(loadHistory(storage)[0]?.headers.map((h) => h.name)).toEqual(["Accept"]);
  });

  it("never stores anything but the entry's own fields (no response bodies)", () => {
    const storage = memoryStorage();
    addToHistory(storage, { ...entry(), responseBody: "private customer data" } as HistoryEntry);
    expect(storage.items.get(HISTORY_KEY)).not.toContain("private customer data");
  });

  it("strips refused headers that an older version left in storage", () => {
    const stored = { ...entry(), headers: [{ id: "h1", name: "Authorization", value: "Bearer x", enabled: true }] };
    const storage = memoryStorage({ [HISTORY_KEY]: JSON.stringify([stored]) });
    expect(loadHistory(storage)[0]?.headers).toEqual([]);
  });

  it("keeps at most HISTORY_MAX_ENTRIES, dropping the oldest", () => {
    const storage = memoryStorage();
    for (let i = 0; i < HISTORY_MAX_ENTRIES + 5; i += 1) addToHistory(storage, entry({ path: `p${i}` }));
    const list = loadHistory(storage);
    expect(list).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(list[0]?.path).toBe(`p${HISTORY_MAX_ENTRIES + 4}`);
    expect(list.at(-1)?.path).toBe("p5");
  });

  it("stays under the size limit by dropping the oldest entries", () => {
    const storage = memoryStorage();
    const body = "x".repeat(60_000);
    for (let i = 0; i < 40; i += 1) addToHistory(storage, entry({ method: "POST", path: `p${i}`, body }));
    const raw = storage.items.get(HISTORY_KEY) ?? "";
    expect(raw.length).toBeLessThanOrEqual(HISTORY_MAX_CHARS);
    const list = loadHistory(storage);
    expect(list.length).toBeGreaterThan(10);
    expect(list.length).toBeLessThan(40);
    expect(list[0]?.path).toBe("p39");
  });

  it("stores a long body cut at the limit, on a character boundary, with a flag", () => {
    const storage = memoryStorage();
    const body = "é".repeat(HISTORY_BODY_LIMIT_BYTES); // two bytes each: twice the limit
    const [stored] = addToHistory(storage, entry({ method: "POST", body }));
    expect(stored?.bodyTruncated).toBe(true);
    expect(stored?.body).toBe("é".repeat(HISTORY_BODY_LIMIT_BYTES / 2));
    expect(loadHistory(storage)[0]?.bodyTruncated).toBe(true);
    const [short] = addToHistory(storage, entry({ method: "POST", body: "{}" }));
    expect(short?.bodyTruncated).toBeUndefined();
    expect(short?.body).toBe("{}");
  });

  it("keeps the newest entry when the storage quota is full, giving up old ones", () => {
    const storage = memoryStorage();
    for (let i = 0; i < 10; i += 1) addToHistory(storage, entry({ path: `p${i}` }));
    const setItem = storage.setItem;
    storage.setItem = (key, value) => {
      if (value.length > 2_000) throw new DOMException("full", "QuotaExceededError");
      setItem(key, value);
    };
    const list = addToHistory(storage, entry({ path: "newest" }));
    expect(list[0]?.path).toBe("newest");
    expect(list.length).toBeLessThan(11);
    expect(loadHistory(storage)).toEqual(list);
  });

  it("reads corrupt or foreign data as an empty list, never a throw", () => {
    for (const text of ["{not json", '"text"', "null", "{}", "42"]) {
      expect(loadHistory(memoryStorage({ [HISTORY_KEY]: text }))).toEqual([]);
    }
    const throwing = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => {}, removeItem: () => {} };
    expect(loadHistory(throwing)).toEqual([]);
  });

  it("skips invalid entries and keeps the valid ones", () => {
    const good = entry({ path: "good" });
    const storage = memoryStorage({ [HISTORY_KEY]: JSON.stringify([{ ...good, method: "TRACE" }, good, { id: "x" }, null]) });
    expect(loadHistory(storage).map((e) => e.path)).toEqual(["good"]);
  });

  it("clears everything", () => {
    const storage = memoryStorage();
    addToHistory(storage, entry());
    clearHistory(storage);
    expect(storage.items.has(HISTORY_KEY)).toBe(false);
    expect(loadHistory(storage)).toEqual([]);
  });
});

describe("searchHistory", () => {
  const entries = [
    entry({ method: "GET", path: "example/v1/contacts", query: [newRow("limit", "10")] }, 200),
    entry({ method: "DELETE", path: "example/v1/contacts/{id}", pathParams: { id: "abc123" } }, 404),
    entry({ method: "POST", upstream: "legacy", path: "jobs", query: [newRow("filter", "Zoë")] }, 201),
    entry({ method: "GET", path: "tasks" }, 0),
  ];
  const paths = (found: HistoryEntry[]) => found.map((e) => e.path);

  it("returns everything for blank text", () => {
    expect(searchHistory(entries, "  ")).toHaveLength(4);
  });

  it("matches method, path, query and status, case-insensitively", () => {
    expect(paths(searchHistory(entries, "delete"))).toEqual(["example/v1/contacts/{id}"]);
    expect(paths(searchHistory(entries, "JOBS"))).toEqual(["jobs"]);
    expect(paths(searchHistory(entries, "limit=10"))).toEqual(["example/v1/contacts"]);
    expect(paths(searchHistory(entries, "zoë"))).toEqual(["jobs"]);
    expect(paths(searchHistory(entries, "404"))).toEqual(["example/v1/contacts/{id}"]);
  });

  it("matches the path as sent, with its parameters filled", () => {
    expect(paths(searchHistory(entries, "abc123"))).toEqual(["example/v1/contacts/{id}"]);
  });

  it("needs every word to match, and knows status classes", () => {
    expect(paths(searchHistory(entries, "get contacts"))).toEqual(["example/v1/contacts"]);
    expect(paths(searchHistory(entries, "4xx"))).toEqual(["example/v1/contacts/{id}"]);
    expect(paths(searchHistory(entries, "2xx post"))).toEqual(["jobs"]);
    expect(searchHistory(entries, "nothing-like-this")).toEqual([]);
  });
});
