// One structured line per proxied call on stdout: who, what, where, how it ended.
// Never the key, never a body, never the query string (it can hold customer data).
//
// Lines are collected and written once per event-loop turn (one pipe write instead of one per
// call, docs/benchmarks.md); whatever is pending is written before the process exits.
import "server-only";

export type AuditEntry = {
  user: string;
  method: string;
  path: string;
  upstream: "platform" | "legacy";
  status: number;
  outcome: string;
  durationMs: number;
  requestId: string;
};

let pending: string[] = [];
let exitHooked = false;

function flush(): void {
  if (pending.length === 0) return;
  const lines = pending.join("");
  pending = [];
  process.stdout.write(lines);
}

export function audit(entry: AuditEntry): void {
  pending.push(`${JSON.stringify({ event: "proxy", time: new Date().toISOString(), ...entry })}\n`);
  if (pending.length === 1) setImmediate(flush);
  if (!exitHooked) {
    exitHooked = true;
    process.on("exit", flush);
  }
}
