// One structured line on stdout per proxied call and per refusal, sign-in and sign-out: who, what,
// where, how it ended, why refused; the same event goes to the activity trail (lib/store).
// Never the key, never a body, never a password, never the query string (it can hold customer data).
//
// Lines are collected and written once per event-loop turn (one pipe write instead of one per
// call, docs/benchmarks.md); whatever is pending is written before the process exits.
import "server-only";
import { getStore, type ActivityEvent } from "@/lib/store/store";

export type AuditEntry = Omit<ActivityEvent, "time">;

let pending: string[] = [];
let exitHooked = false;

function flush(): void {
  if (pending.length === 0) return;
  const lines = pending.join("");
  pending = [];
  process.stdout.write(lines);
}

const toTrail = (event: ActivityEvent, json: string) => getStore().recordActivity(event, json);

/** Writes the audit line and adds the same event to the trail (`record`, replaceable in tests). */
export function audit(entry: AuditEntry, record: (event: ActivityEvent, json: string) => void = toTrail): void {
  const { event: kind, ...rest } = entry;
  const event: ActivityEvent = { event: kind, time: new Date().toISOString(), ...rest };
  const json = JSON.stringify(event);
  pending.push(`${json}\n`);
  if (pending.length === 1) setImmediate(flush);
  if (!exitHooked) {
    exitHooked = true;
    process.on("exit", flush);
  }
  record(event, json);
}
