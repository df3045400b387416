// Audit lines: one JSON line per call, written together once per event-loop turn, none lost.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ActivityEvent } from "@/lib/store/store";
import { audit as auditTo, type AuditEntry } from "./7-audit";

const trail: ActivityEvent[] = [];
const audit = (entry: AuditEntry) => auditTo(entry, (event) => trail.push(event));

const entry = (requestId: string): AuditEntry => ({
  event: "proxy",
  user: "alice@example.com",
  method: "GET",
  path: "/example/v1/contacts",
  upstream: "platform",
  status: 200,
  outcome: "response",
  durationMs: 3,
  requestId,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("audit", () => {
  it("writes the calls of one turn in one write, one JSON line each, in order", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    audit(entry("r1"));
    audit(entry("r2"));
    audit(entry("r3"));
    expect(write).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(write).toHaveBeenCalledTimes(1);
    const lines = String(write.mock.calls[0]?.[0]).trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.requestId)).toEqual(["r1", "r2", "r3"]);
    expect(lines[0]).toMatchObject({ event: "proxy", user: "alice@example.com", status: 200 });
    expect(typeof lines[0]?.time).toBe("string");
  });

  it("adds the same event to the trail as the line it writes", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    trail.length = 0;
    audit({ ...entry("t1"), event: "refused", outcome: "refused", reason: "csrf", status: 403 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(trail).toHaveLength(1);
    expect(JSON.parse(String(write.mock.calls[0]?.[0]))).toEqual(trail[0]);
    expect(trail[0]).toMatchObject({ event: "refused", reason: "csrf", requestId: "t1" });
  });

  it("starts a new batch in the next turn", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    audit(entry("a"));
    await new Promise((resolve) => setImmediate(resolve));
    audit(entry("b"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(write.mock.calls.map((call) => JSON.parse(String(call[0])).requestId)).toEqual(["a", "b"]);
  });

  it("writes what is pending when the process exits", () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    audit(entry("last"));
    process.emit("exit", 0);
    expect(write).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(write.mock.calls[0]?.[0])).requestId).toBe("last");
  });
});
