// /admin's "Activity": the trail of proxied calls, refusals, sign-ins and sign-outs, newest first, filtered by
// person and status with a plain form (the page reloads), a page at a time, and downloadable as CSV.
import Link from "next/link";
import type { ActivityFilter } from "@/lib/admin/activity";
import { utcText } from "@/lib/admin/when";
import type { ActivityEvent } from "@/lib/store/store";
import { ActivityDownload } from "./activity-download";

const CELL = "border-b border-slate-200 px-2 py-1 text-left align-top dark:border-slate-800";

type Props = {
  events: ActivityEvent[] | null;
  older: string | null;
  filter: ActivityFilter;
  /** Where the trail lives: "memory" means this instance's recent events only. */
  storeKind: "memory" | "redis";
  /** Emails to suggest in the person field. */
  people: string[];
};

/** What happened, in a few words. */
function whatHappened(event: ActivityEvent): string {
  if (event.event === "proxy") return event.outcome === "response" ? "call" : `call (${event.outcome})`;
  if (event.event === "refused") return `refused${event.reason ? `: ${event.reason}` : ""}`;
  if (event.event === "admin") return `${event.outcome}${event.subject ? `: ${event.subject}` : ""}`;
  return event.event;
}

function query(filter: ActivityFilter, before?: string): string {
  const params = new URLSearchParams();
  if (filter.person) params.set("person", filter.person);
  if (filter.status) params.set("status", String(filter.status));
  if (before) params.set("before", before);
  return params.toString();
}

export function ActivitySection({ events, older, filter, storeKind, people }: Props) {
  const filtered = Boolean(filter.person || filter.status || filter.before);
  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
      <h2 id="activity-heading" className="text-lg font-semibold">
        Activity
      </h2>
      {storeKind === "memory" ? (
        <p role="note" className="rounded-md bg-amber-50 p-2 text-sm dark:bg-amber-950" data-testid="trail-this-instance">
          <code>REDIS_URL</code> is not set, so this is only what the console instance that drew this page has seen since it last started. With more than one instance,
          set <code>REDIS_URL</code> to see everyone&apos;s.
        </p>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every instance&apos;s calls and refusals, kept in the shared store for 30 days (at most the last 50,000).
        </p>
      )}
      <form method="get" action="/admin#activity-heading" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the activity">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Person</span>
          <input name="person" type="text" inputMode="email" list="admin-people" defaultValue={filter.person ?? ""} placeholder="anyone" className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-950" />
        </label>
        <datalist id="admin-people">
          {people.map((email) => (
            <option key={email} value={email} />
          ))}
        </datalist>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Status</span>
          <input name="status" type="number" min={100} max={599} defaultValue={filter.status ?? ""} placeholder="any" className="w-24 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-950" />
        </label>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1 font-medium text-white hover:bg-blue-800">
          Filter
        </button>
        {filtered ? (
          <Link href="/admin#activity-heading" className="underline">
            Show all
          </Link>
        ) : null}
        <ActivityDownload query={query({ ...filter, before: undefined })} />
      </form>
      {events === null ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The shared store does not answer, so the activity cannot be shown now. Calls still work; try again in a moment.
        </p>
      ) : events.length === 0 ? (
        <p className="text-sm" data-testid="no-activity">
          Nothing {filtered ? "matches these filters" : "yet"}.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="activity">
            <caption className="sr-only">Activity, newest first</caption>
            <thead>
              <tr>
                <th scope="col" className={CELL}>Time</th>
                <th scope="col" className={CELL}>Person</th>
                <th scope="col" className={CELL}>Key</th>
                <th scope="col" className={CELL}>Method</th>
                <th scope="col" className={CELL}>Path</th>
                <th scope="col" className={CELL}>Status</th>
                <th scope="col" className={CELL}>What happened</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.requestId}>
                  <td className={`${CELL} whitespace-nowrap`}>
                    <time dateTime={event.time}>{utcText(event.time)}</time>
                  </td>
                  <td className={CELL}>{event.user ?? "(nobody signed in)"}</td>
                  <td className={CELL}>
                    {event.key ?? ""}
                    {/* A tag, not words after the label: admins often name a shared key "Office (shared)" already. */}
                    {event.shared ? (
                      <>
                        {" "}
                        <span className="rounded bg-slate-100 px-1 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">team key</span>
                      </>
                    ) : null}
                    {event.actor ? <span className="block text-xs text-slate-600 dark:text-slate-400">as {event.actor}</span> : null}
                  </td>
                  <td className={`${CELL} font-mono`}>{event.method}</td>
                  <td className={`${CELL} font-mono break-all`}>{event.path}</td>
                  <td className={`${CELL} font-mono`}>{event.status}</td>
                  <td className={CELL}>{whatHappened(event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older ? (
        <Link href={`/admin?${query(filter, older)}#activity-heading`} className="self-start underline">
          Older events
        </Link>
      ) : null}
    </section>
  );
}
