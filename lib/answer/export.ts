// "Download all": every page of a list, one after another, into one CSV. Pure: the caller says how
// to fetch a page; this walks the paging (size/from up to count, or the document's paging), turns
// each page into CSV text in slices, yields between them so the page stays responsive, and keeps
// what was fetched when a page fails or someone cancels.
import { pagingParameters, type Paging } from "@/lib/catalog/paging";
import { FIRST_PAGE, hasMore, nextCursorIn, nextPosition, pageQuery, totalIn, type PagePosition } from "@/lib/recipes/paging";
import { newRow, type RequestDraft } from "@/lib/request/request-model";
import { columnsOf, csvHeader, csvRowsText, type CsvRecord } from "./csv";

/** A page as it came back: its body, or why it did not. */
export type FetchedPage = { ok: true; body: unknown } | { ok: false; reason: string };

export type ExportProgress = { pages: number; fetched: number; total: number | null };

export type ExportOutcome =
  | { status: "done"; csv: Blob; rows: number; pages: number; laterColumns: string[] }
  | { status: "cancelled"; csv: Blob | null; rows: number; pages: number }
  | { status: "failed"; csv: Blob | null; rows: number; page: number; reason: string };

export type ExportOptions = {
  paging: Paging;
  /** Fetches the page at `position`; rejects only when `signal` aborts. */
  fetchPage: (position: PagePosition, signal: AbortSignal) => Promise<FetchedPage>;
  /** The records in a page's body; null when the body holds none the export can read. */
  recordsIn: (body: unknown) => CsvRecord[] | null;
  /** The CSV's columns; without them, the first page's members (later pages' other members are listed in the outcome). */
  columns?: readonly string[];
  /** One record as the CSV's cells (e.g. names for ids); default: the record itself. */
  toRow?: (record: CsvRecord) => CsvRecord;
  signal: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Gives the browser a turn (paint, input); default: a macrotask. */
  yieldNow?: () => Promise<void>;
};

/** Records turned into CSV text at a time, between turns for the browser. */
export const SLICE_ROWS = 500;
/** Pages at most: a paging that never ends (an API that ignores the offset) must not loop for ever. */
export const MAX_PAGES = 1000;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Walks every page into one CSV. The next page is asked for as soon as this one's answer says there
 * is one, so the network works while this page becomes CSV. The blob is built from the pages' parts
 * at the end, so memory holds CSV text, not records; `csv` is null only when nothing was fetched
 * before a failure or cancel.
 */
export async function exportAll(options: ExportOptions): Promise<ExportOutcome> {
  const { paging, fetchPage, recordsIn, toRow = (record) => record, signal, onProgress, yieldNow = macrotask } = options;
  let columns: readonly string[] | null = options.columns ?? null;
  const laterColumns = new Set<string>();
  const parts: string[] = [];
  let rows = 0;
  let total: number | null = null;
  let position = FIRST_PAGE;
  let pages = 0;
  const blob = () => (columns ? new Blob([csvHeader(columns), ...parts], { type: "text/csv;charset=utf-8" }) : null);
  const ask = (at: PagePosition) => {
    const asked = fetchPage(at, signal);
    // A page asked for ahead may be abandoned (Cancel): its rejection is then nobody's to handle.
    asked.catch(() => undefined);
    return asked;
  };

  let next: Promise<FetchedPage> | null = ask(position);
  while (next) {
    if (signal.aborted) return { status: "cancelled", csv: blob(), rows, pages };
    let page: FetchedPage;
    try {
      page = await next;
    } catch (error) {
      if (signal.aborted) return { status: "cancelled", csv: blob(), rows, pages };
      throw error;
    }
    if (!page.ok) return { status: "failed", csv: blob(), rows, page: pages + 1, reason: page.reason };
    const records = recordsIn(page.body);
    if (!records) return { status: "failed", csv: blob(), rows, page: pages + 1, reason: "its answer held no list of records" };
    pages += 1;
    total = totalIn(paging, page.body) ?? total;
    const nextCursor = nextCursorIn(paging, page.body);
    const more: boolean = pages < MAX_PAGES && hasMore(paging, { loaded: rows + records.length, total, lastPageSize: records.length, nextCursor });
    position = nextPosition(position, records.length, nextCursor);
    next = more ? ask(position) : null;
    for (let at = 0; at < records.length; at += SLICE_ROWS) {
      const slice = records.slice(at, at + SLICE_ROWS).map(toRow);
      if (!columns) columns = columnsOf(slice);
      for (const key of columnsOf(slice)) if (!columns.includes(key)) laterColumns.add(key);
      parts.push(csvRowsText(slice, columns));
      rows += slice.length;
      await yieldNow();
      if (signal.aborted) return { status: "cancelled", csv: blob(), rows, pages };
    }
    onProgress?.({ pages, fetched: rows, total });
  }
  return { status: "done", csv: blob() ?? new Blob([], { type: "text/csv;charset=utf-8" }), rows, pages, laterColumns: [...laterColumns] };
}

/** How big a page "Download all" asks the legacy API for: its documented default. */
export const LEGACY_EXPORT_PAGE_SIZE = 1000;

/**
 * The paging "Download all" uses: on the legacy API, 1000 a page (fewer, bigger pages); elsewhere
 * the document's own size, which may have a maximum this cannot see.
 */
export function exportPaging(paging: Paging, upstream: "legacy" | "platform"): Paging {
  if (upstream !== "legacy") return paging;
  if (paging.style === "offset") return { ...paging, size: LEGACY_EXPORT_PAGE_SIZE };
  return paging.limit ? { ...paging, size: LEGACY_EXPORT_PAGE_SIZE } : paging;
}

/** A list request with the paging's parameters for `position` in place of any it had. */
export function pagedDraft(draft: RequestDraft, paging: Paging, position: PagePosition): RequestDraft {
  const names = new Set(pagingParameters(paging));
  const kept = draft.query.filter((row) => !(row.enabled && names.has(row.name)));
  return { ...draft, query: [...kept, ...pageQuery(paging, position).map(([name, value]) => newRow(name, value))] };
}
