// /admin's "Activity": the trail of proxied calls, refusals, sign-ins and sign-outs kept in the shared store,
// newest first, filtered by person and by status, a page at a time on the page and whole as a CSV download.
import "server-only";
import { recordsToCsv } from "@/lib/answer/csv";
import { z } from "@/lib/zod";
import type { ActivityEvent, Store } from "@/lib/store/store";

/** Events on one page of /admin. */
export const PAGE_SIZE = 100;
/** Events asked of the store at once while a CSV is written. */
const CSV_BATCH = 5000;

const filterSchema = z.object({
  person: z
    .string()
    .trim()
    .toLowerCase()
    .max(320)
    .optional()
    .transform((value) => value || undefined),
  status: z.coerce.number().int().min(100).max(599).optional().catch(undefined),
  /** Only events strictly older than this (the "older events" link). */
  before: z.iso.datetime().optional().catch(undefined),
});

export type ActivityFilter = { person?: string; status?: number; before?: string };

/** The filters in a query string; anything unreadable is left out rather than refused (the page says what it shows). */
export function readFilter(params: URLSearchParams): ActivityFilter {
  const raw = Object.fromEntries(["person", "status", "before"].flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])));
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) return {};
  const { person, status, before } = parsed.data;
  return { ...(person ? { person } : {}), ...(status ? { status } : {}), ...(before ? { before } : {}) };
}

/**
 * Every event that matches, newest first, asked of the store about `batch` at a time. Events can share a
 * millisecond, so each batch after the first starts at the previous one's last time again, asking for as
 * many more as it already gave at that time, and skips those: none is lost or repeated at the seams.
 */
export async function* matchingEvents(store: Store, filter: ActivityFilter, batch = CSV_BATCH): AsyncGenerator<ActivityEvent> {
  const query = { ...(filter.person ? { user: filter.person } : {}), ...(filter.status ? { status: filter.status } : {}) };
  let before = filter.before;
  let seam: { time: string; given: Set<string> } | null = null;
  for (;;) {
    const limit = batch + (seam?.given.size ?? 0);
    const page = await store.listActivity({ ...query, limit, ...(before ? { before } : {}) });
    const fresh = page.filter((event) => !(seam && event.time === seam.time && seam.given.has(event.requestId)));
    yield* fresh;
    const last = page.at(-1);
    if (page.length < limit || !last) return;
    if (fresh.length === 0) {
      // Only events already given (a store that ignores the limit): go on strictly before them.
      before = last.time;
      seam = null;
      continue;
    }
    const given = new Set(page.filter((event) => event.time === last.time).map((event) => event.requestId));
    seam = { time: last.time, given };
    before = new Date(Date.parse(last.time) + 1).toISOString();
  }
}

/**
 * One page for /admin: `PAGE_SIZE` events, and more while the next shares the last one's time, so the
 * "older events" link (strictly before that time) leaves nothing out.
 */
export async function activityPage(store: Store, filter: ActivityFilter): Promise<{ events: ActivityEvent[]; older: string | null }> {
  const events: ActivityEvent[] = [];
  for await (const event of matchingEvents(store, filter, PAGE_SIZE + 1)) {
    if (events.length >= PAGE_SIZE && event.time !== events.at(-1)?.time) return { events, older: events.at(-1)!.time };
    events.push(event);
  }
  return { events, older: null };
}

/** The CSV's columns, in order, with what each holds. */
const COLUMNS = ["time", "person", "what", "key", "shared_key", "acted_as", "method", "path", "upstream", "status", "outcome", "reason", "duration_ms", "request_id"];

function csvRecord(event: ActivityEvent): Record<string, unknown> {
  return {
    time: event.time,
    person: event.user,
    what: event.event,
    key: event.key,
    shared_key: event.shared ? "yes" : event.key ? "no" : "",
    acted_as: event.actor,
    method: event.method,
    path: event.path,
    upstream: event.upstream,
    status: event.status,
    outcome: event.outcome,
    reason: event.reason,
    duration_ms: event.durationMs,
    request_id: event.requestId,
  };
}

/** The matching trail as CSV, written while the store is read, a batch at a time. */
export function activityCsv(store: Store, filter: ActivityFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const header = recordsToCsv([], COLUMNS);
  const events = matchingEvents(store, filter);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      const rows: Record<string, unknown>[] = [];
      for (let next = await events.next(); !next.done; next = await events.next()) {
        rows.push(csvRecord(next.value));
        if (rows.length >= 1000) break;
      }
      const text = recordsToCsv(rows, COLUMNS);
      controller.enqueue(encoder.encode(started ? text.slice(header.length) : text));
      started = true;
      if (rows.length < 1000) controller.close();
    },
    async cancel() {
      await events.return(undefined);
    },
  });
}
