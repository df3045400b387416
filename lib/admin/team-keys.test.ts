// /admin's team keys in words: age in whole days, who uses each, whom it acts as, and the old ones flagged.
import { describe, expect, it } from "vitest";
import { teamKeyRows } from "./team-keys";

const NOW = Date.parse("2026-05-01T15:00:00Z");
const key = (createdAt: string, roles: ("viewer" | "editor" | "admin")[], actor: "signed-in" | "none" = "signed-in") => ({
  id: "office",
  label: "Office",
  last4: "WXYZ",
  roles,
  actor,
  createdAt,
});

describe("teamKeyRows", () => {
  it("counts whole days since the creation day and flags a key older than the limit, not one at it", () => {
    const rows = teamKeyRows([key("2026-01-31", ["viewer"]), key("2026-02-01", ["viewer"]), key("2026-05-01", ["viewer"])], 89, NOW);
    expect(rows.map((row) => [row.ageDays, row.old])).toEqual([
      [90, true],
      [89, false],
      [0, false],
    ]);
  });

  it("says who uses a key and whom its calls act as, and never more than label and last four of it", () => {
    const [one, two, three] = teamKeyRows([key("2026-04-01", ["viewer"]), key("2026-04-01", ["viewer", "editor"], "none"), key("2026-04-01", ["viewer", "editor", "admin"])], 90, NOW);
    expect(one).toEqual({ id: "office", label: "Office", last4: "WXYZ", createdAt: "2026-04-01", ageDays: 30, usedBy: "Viewers", actsAs: "Each call acts as the person signed in", old: false });
    expect(two?.usedBy).toBe("Viewers and editors");
    expect(two?.actsAs).toBe("Calls act as the key's own JobNimbus user");
    expect(three?.usedBy).toBe("Viewers, editors and admins");
  });
});
