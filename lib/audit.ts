// One structured line per proxied call on stdout: who, what, where, how it ended.
// Never the key, never a body, never the query string (it can hold customer data).

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

export function audit(entry: AuditEntry): void {
  process.stdout.write(`${JSON.stringify({ event: "proxy", time: new Date().toISOString(), ...entry })}\n`);
}
