import { describe, expect, it } from "vitest";
import { agoInWords, utcText } from "./when";

describe("times on /admin", () => {
  it("writes a time in UTC to the second", () => {
    expect(utcText("2026-03-01T09:12:33.456Z")).toBe("2026-03-01 09:12:33 UTC");
  });

  it("says how long ago, in the largest whole unit that reads well", () => {
    const now = Date.parse("2026-03-10T12:00:00Z");
    const at = (ms: number) => new Date(now - ms).toISOString();
    expect(agoInWords(null, now)).toBe("not seen");
    expect(agoInWords(at(30_000), now)).toBe("just now");
    expect(agoInWords(at(60_000), now)).toBe("1 minute ago");
    expect(agoInWords(at(59 * 60_000), now)).toBe("59 minutes ago");
    expect(agoInWords(at(3 * 3600_000), now)).toBe("3 hours ago");
    expect(agoInWords(at(47 * 3600_000), now)).toBe("47 hours ago");
    expect(agoInWords(at(9 * 86_400_000), now)).toBe("9 days ago");
  });
});
