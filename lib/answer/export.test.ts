import { describe, expect, it } from "vitest";
import type { Paging } from "@/lib/catalog/paging";
import type { PagePosition } from "@/lib/recipes/paging";
import { newRow } from "@/lib/request/request-model";
import { exportAll, exportPaging, MAX_PAGES, pagedDraft, SLICE_ROWS, type ExportOptions, type FetchedPage } from "./export";

const sizeFrom: Paging = { style: "offset", limit: "size", offset: "from", size: 1000, total: "count" };
const contacts = (n: number) => Array.from({ length: n }, (_, i) => ({ jnid: `c${i}`, display_name: `Contact ${i}`, date_created: 1_700_000_000 + i }));

/** A legacy list of `all` records answering size/from the way the API does. */
function legacyList(all: Record<string, unknown>[], { failAt }: { failAt?: number } = {}) {
  const asked: PagePosition[] = [];
  const fetchPage = async (position: PagePosition): Promise<FetchedPage> => {
    asked.push(position);
    if (failAt !== undefined && position.index === failAt) return { ok: false, reason: "JobNimbus answered 500" };
    return { ok: true, body: { count: all.length, results: all.slice(position.offset, position.offset + 1000) } };
  };
  return { asked, fetchPage };
}

function run(options: Partial<ExportOptions> & Pick<ExportOptions, "fetchPage">) {
  return exportAll({
    paging: sizeFrom,
    recordsIn: (body) => (body as { results: Record<string, unknown>[] }).results,
    signal: new AbortController().signal,
    yieldNow: async () => {},
    ...options,
  });
}

const lines = async (blob: Blob | null) => (blob ? (await blob.text()).split("\r\n").slice(0, -1) : []);

describe("exportAll", () => {
  it("walks size/from up to count into one CSV: one header, one line per record, in order", async () => {
    const all = contacts(2_512);
    const { asked, fetchPage } = legacyList(all);
    const progress: number[] = [];
    const outcome = await run({ fetchPage, onProgress: (p) => progress.push(p.fetched) });
    expect(outcome).toMatchObject({ status: "done", rows: 2_512, pages: 3, laterColumns: [] });
    expect(asked.map((p) => p.offset)).toEqual([0, 1000, 2000]);
    expect(progress).toEqual([1000, 2000, 2_512]);
    const csv = await lines(outcome.csv);
    expect(csv[0]).toBe("jnid,display_name,date_created");
    expect(csv).toHaveLength(2_513);
    expect(csv[2_512]).toBe("c2511,Contact 2511,1700002511");
  });

  it("goes on from where a short page ended while count says more; ends at an empty page, or a short one without a count", async () => {
    const all = contacts(1000);
    const capped = await run({ fetchPage: async (p) => ({ ok: true, body: { count: 1000, results: all.slice(p.offset, p.offset + 400) } }) });
    expect(capped).toMatchObject({ status: "done", rows: 1000, pages: 3 });
    const empty = await run({ fetchPage: async (p) => ({ ok: true, body: { count: 5000, results: p.offset === 0 ? contacts(1000) : [] } }) });
    expect(empty).toMatchObject({ status: "done", rows: 1000, pages: 2 });
    const uncounted = await run({ paging: { ...sizeFrom, total: undefined }, fetchPage: async (p) => ({ ok: true, body: { results: p.offset === 0 ? contacts(1000) : contacts(3) } }) });
    expect(uncounted).toMatchObject({ status: "done", rows: 1003, pages: 2 });
  });

  it("never walks past MAX_PAGES, whatever the API keeps answering", async () => {
    const endless = await run({ paging: { style: "offset", limit: "size", offset: "from", size: 1 }, fetchPage: async () => ({ ok: true, body: { results: contacts(1) } }) });
    expect(endless).toMatchObject({ status: "done", pages: MAX_PAGES, rows: MAX_PAGES });
  });

  it("keeps what was fetched when a page fails part way, and says which page", async () => {
    const { fetchPage } = legacyList(contacts(2_512), { failAt: 2 });
    const outcome = await run({ fetchPage });
    expect(outcome).toMatchObject({ status: "failed", rows: 2000, page: 3, reason: "JobNimbus answered 500" });
    expect(await lines(outcome.csv)).toHaveLength(2001);
    const first = await run({ fetchPage: legacyList(contacts(10), { failAt: 0 }).fetchPage });
    expect(first).toMatchObject({ status: "failed", csv: null, rows: 0, page: 1 });
    const odd = await run({ fetchPage: async () => ({ ok: true, body: { message: "hi" } }), recordsIn: () => null });
    expect(odd).toMatchObject({ status: "failed", page: 1, reason: "its answer held no list of records" });
  });

  it("asks for the next page while this one becomes CSV, one page ahead and no more", async () => {
    const events: string[] = [];
    const { fetchPage } = legacyList(contacts(2_512));
    await run({
      fetchPage: async (p) => (events.push(`ask ${p.offset}`), fetchPage(p)),
      toRow: (record) => (record.jnid === "c0" || record.jnid === "c1000" ? (events.push(`write ${String(record.jnid)}`), record) : record),
    });
    expect(events).toEqual(["ask 0", "ask 1000", "write c0", "ask 2000", "write c1000"]);
  });

  it("stops when cancelled, between slices too, and keeps the rows it wrote", async () => {
    const abort = new AbortController();
    const { asked, fetchPage } = legacyList(contacts(2_512));
    let turns = 0;
    const outcome = await run({ fetchPage, signal: abort.signal, yieldNow: async () => void (++turns === 3 && abort.abort()) });
    expect(outcome).toMatchObject({ status: "cancelled", rows: 3 * SLICE_ROWS, pages: 2 });
    expect(asked, "the page after is already asked for, and dropped").toHaveLength(3);
    expect(await lines(outcome.csv)).toHaveLength(3 * SLICE_ROWS + 1);
    const during = new AbortController();
    const pending = run({ fetchPage: (_p, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(new DOMException("x", "AbortError")))), signal: during.signal });
    during.abort();
    expect(await pending).toMatchObject({ status: "cancelled", csv: null, rows: 0 });
  });

  it("yields to the browser between slices of a page, so no one turn converts a whole page", async () => {
    let turns = 0;
    await run({ fetchPage: legacyList(contacts(2_500)).fetchPage, yieldNow: async () => void turns++ });
    expect(turns).toBe(Math.ceil(1000 / SLICE_ROWS) * 2 + Math.ceil(500 / SLICE_ROWS));
  });

  it("writes the columns it is given through toRow; without them, lists members only later pages had", async () => {
    const given = await run({ fetchPage: legacyList(contacts(3)).fetchPage, columns: ["Name"], toRow: (r) => ({ Name: String(r.display_name).toUpperCase() }) });
    expect(await lines(given.csv)).toEqual(["Name", "CONTACT 0", "CONTACT 1", "CONTACT 2"]);
    const ragged = await run({ fetchPage: async (p) => ({ ok: true, body: { count: 1001, results: p.offset === 0 ? contacts(1000) : [{ jnid: "x", cf_string_7: "late" }] } }) });
    expect(ragged).toMatchObject({ status: "done", rows: 1001, laterColumns: ["cf_string_7"] });
  });

  it("follows a cursor when the paging is by cursor", async () => {
    const cursor: Paging = { style: "cursor", cursor: "after", next: "next", limit: "limit", size: 2 };
    const asked: (string | null)[] = [];
    const outcome = await run({
      paging: cursor,
      fetchPage: async (p) => (asked.push(p.cursor), { ok: true, body: { results: contacts(2), next: p.cursor === null ? "b" : p.cursor === "b" ? "c" : null } }),
    });
    expect(asked).toEqual([null, "b", "c"]);
    expect(outcome).toMatchObject({ status: "done", rows: 6 });
  });
});

describe("exportPaging", () => {
  it("asks the legacy API for 1000 a page, and leaves a document's own paging alone", () => {
    expect(exportPaging({ ...sizeFrom, size: 25 }, "legacy")).toEqual(sizeFrom);
    const platform: Paging = { style: "offset", limit: "limit", offset: "offset", size: 50 };
    expect(exportPaging(platform, "platform")).toBe(platform);
  });
});

describe("pagedDraft", () => {
  it("puts the page's size and from in place of the ones the request had, and keeps the rest", () => {
    const draft = { upstream: "legacy" as const, method: "GET" as const, path: "contacts", pathParams: {}, headers: [], body: "", query: [newRow("size", "5"), newRow("filter", "{}"), newRow("from", "9", false)] };
    const paged = pagedDraft(draft, sizeFrom, { index: 1, offset: 1000, cursor: null });
    expect(paged.query.map((r) => [r.name, r.value, r.enabled])).toEqual([["filter", "{}", true], ["from", "9", false], ["size", "1000", true], ["from", "1000", true]]);
  });
});
