import { describe, expect, it } from "vitest";
import { statusMeaning } from "./status-text";

describe("statusMeaning", () => {
  it("names the common statuses in plain words", () => {
    expect(statusMeaning(200)).toBe("OK — it worked");
    expect(statusMeaning(201)).toBe("Created");
    expect(statusMeaning(204)).toBe("Done — nothing to show");
    expect(statusMeaning(0)).toBe("No answer (network error)");
    expect(statusMeaning(401)).toMatch(/key/i);
    expect(statusMeaning(403)).toMatch(/access profile/i);
    expect(statusMeaning(429)).toMatch(/wait/i);
  });

  it("has its own words for every status the console commonly sees", () => {
    const fallbacks = new Set(["Success", "The request was refused", "JobNimbus had a problem answering"]);
    for (const status of [400, 401, 403, 404, 405, 409, 413, 422, 428, 429, 500, 502, 503, 504]) {
      expect(fallbacks.has(statusMeaning(status)), `status ${status}`).toBe(false);
    }
  });

  it("falls back to the class for statuses it does not know", () => {
    expect(statusMeaning(299)).toBe("Success");
    expect(statusMeaning(418)).toBe("The request was refused");
    expect(statusMeaning(599)).toBe("JobNimbus had a problem answering");
    expect(statusMeaning(103)).toBe("Informational");
    expect(statusMeaning(399)).toBe("Redirected elsewhere");
  });

  it("never returns an empty string, even for nonsense", () => {
    expect(statusMeaning(-1)).toBe("Unknown status");
    expect(statusMeaning(999)).toBe("Unknown status");
    expect(statusMeaning(Number.NaN)).toBe("Unknown status");
    expect(statusMeaning(200.5)).toBe("Unknown status");
  });
});
