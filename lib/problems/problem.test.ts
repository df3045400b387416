// RFC 9457 Problem Details: the console's one way to answer with an error, the one parser
// the UI uses, telling the console's types from JobNimbus's, and the plain-words help.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { explainProblem, explainStatus } from "./explain";
import {
  consoleProblem,
  consoleProblemSlug,
  isProblemContentType,
  parseProblem,
  PROBLEM_CONTENT_TYPE,
  problemResponse,
} from "./problem";
import { isProblemSlug, PROBLEM_PATH_PREFIX, problemCatalog, type ProblemSlug } from "./catalog";

const SLUGS = Object.keys(problemCatalog) as ProblemSlug[];

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_URL", undefined);
});

describe("problemResponse", () => {
  it("answers application/problem+json with the catalogue's status and title, never cached", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://console.example.com/");
    const response = problemResponse("no-api-key", { detail: "You have no saved API key.", instance: "/api/proxy/contacts" });
    expect(response.status).toBe(problemCatalog["no-api-key"].status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      type: "https://console.example.com/problems/no-api-key",
      title: problemCatalog["no-api-key"].title,
      status: problemCatalog["no-api-key"].status,
      detail: "You have no saved API key.",
      instance: "/api/proxy/contacts",
    });
  });

  it.each(SLUGS)("%s: type ends in /problems/<slug> and status matches the catalogue", async (slug) => {
    const response = problemResponse(slug, { detail: "d" });
    const body = (await response.json()) as Record<string, unknown>;
    expect(String(body.type).endsWith(`/problems/${slug}`)).toBe(true);
    expect(response.status).toBe(problemCatalog[slug].status);
    expect(body.status).toBe(problemCatalog[slug].status);
    expect(body.title).toBe(problemCatalog[slug].title);
    expect(consoleProblemSlug(String(body.type))).toBe(slug);
  });

  it("keeps extension members, but they cannot override the standard ones", async () => {
    const errors = [{ field: "apiKey", message: "The key is empty." }];
    const response = problemResponse("invalid-key-input", {
      detail: "The key is empty.",
      extensions: { errors, requestId: "r-1", status: 200, type: "https://evil.example/problems/x", title: "fake" },
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.errors).toEqual(errors);
    expect(body.requestId).toBe("r-1");
    expect(body.status).toBe(422);
    expect(response.status).toBe(422);
    expect(body.type).toBe("/problems/invalid-key-input");
    expect(body.title).toBe(problemCatalog["invalid-key-input"].title);
  });

  it("honours a status override and extra headers, but not a caller's content-type or cache-control", () => {
    const response = problemResponse("invalid-request", {
      detail: "x",
      status: 422,
      headers: { allow: "GET, POST", "content-type": "text/html", "cache-control": "public, max-age=600" },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("leaves instance out when not given", () => {
    expect(consoleProblem("not-found", { detail: "x" })).not.toHaveProperty("instance");
  });
});

describe("parseProblem", () => {
  it("accepts an RFC 9457 document and keeps its extension members", () => {
    const doc = {
      type: "https://api.jobnimbus.com/problems/validation",
      title: "Validation failed",
      status: 422,
      detail: "first_name is required",
      instance: "/example/v1/contacts",
      errors: [{ field: "first_name", message: "is required" }],
      traceId: "abc",
    };
    expect(parseProblem(doc)).toEqual(doc);
  });

  it("defaults type to about:blank and accepts a minimal document", () => {
    expect(parseProblem({})).toEqual({ type: "about:blank" });
    expect(parseProblem({ title: "Not Found", status: 404 })).toEqual({ type: "about:blank", title: "Not Found", status: 404 });
  });

  it.each([null, undefined, "problem", 42, true, [], [{ type: "x" }]])("rejects a non-object: %j", (value) => {
    expect(parseProblem(value)).toBeNull();
  });

  it.each([99, 600, 404.5, "404", -1])("rejects status %j", (status) => {
    expect(parseProblem({ type: "about:blank", status })).toBeNull();
  });

  it("recognises the problem media type with parameters and any case", () => {
    expect(isProblemContentType("application/problem+json")).toBe(true);
    expect(isProblemContentType("Application/Problem+JSON; charset=utf-8")).toBe(true);
    expect(isProblemContentType("application/json")).toBe(false);
    expect(isProblemContentType(null)).toBe(false);
    expect(isProblemContentType(undefined)).toBe(false);
  });
});

describe("consoleProblemSlug tells the console's problems from JobNimbus's", () => {
  it("recognises the console's own relative and absolute types", () => {
    expect(consoleProblemSlug("/problems/no-api-key")).toBe("no-api-key");
    expect(consoleProblemSlug("https://console.example.com/problems/no-api-key", "https://console.example.com")).toBe("no-api-key");
    expect(consoleProblemSlug("/problems/role-forbidden", "https://console.example.com")).toBe("role-forbidden");
  });

  it("falls back to NEXTAUTH_URL on the server when no origin is passed", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://console.example.com");
    expect(consoleProblemSlug("https://console.example.com/problems/upstream-timeout")).toBe("upstream-timeout");
    expect(consoleProblemSlug("https://elsewhere.example.com/problems/upstream-timeout")).toBeNull();
  });

  it("does not take JobNimbus's types for the console's", () => {
    expect(consoleProblemSlug("https://api.jobnimbus.com/problems/unauthorized")).toBeNull();
    expect(consoleProblemSlug("https://api.jobnimbus.com/problems/unauthorized", "https://console.example.com")).toBeNull();
    // Same path as a console slug, other origin: still JobNimbus's.
    expect(consoleProblemSlug("https://api.jobnimbus.com/problems/not-found")).toBeNull();
    expect(consoleProblemSlug("https://api.jobnimbus.com/problems/not-found", "https://console.example.com")).toBeNull();
    expect(consoleProblemSlug("//api.jobnimbus.com/problems/not-found", "https://console.example.com")).toBeNull();
  });

  it.each(["about:blank", "", "/problems/", "/problems/unknown", "/problems/__proto__", "/problems/toString", "/other/no-api-key", "/problems/no-api-key/extra", "http://[bad"])(
    "is null for %j",
    (type) => {
      expect(consoleProblemSlug(type, "https://console.example.com")).toBeNull();
    },
  );

  it("is null rather than throwing for a garbage origin", () => {
    expect(consoleProblemSlug("/problems/no-api-key", "not an origin")).toBeNull();
  });
});

describe("the catalogue", () => {
  it.each(SLUGS)("%s has a title, an error status, an explanation and an action", (slug) => {
    const entry = problemCatalog[slug];
    expect(entry.title.trim().length).toBeGreaterThan(3);
    expect(entry.explanation.trim().length).toBeGreaterThan(10);
    expect(entry.action.trim().length).toBeGreaterThan(10);
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(isProblemSlug(slug)).toBe(true);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it("names the slugs the design promises", () => {
    expect(PROBLEM_PATH_PREFIX).toBe("/problems/");
    expect(SLUGS).toEqual(expect.arrayContaining(["no-api-key", "unauthenticated", "csrf-rejected", "role-forbidden", "payload-too-large", "upstream-timeout", "upstream-unreachable", "upstream-redirect"]));
    expect(problemCatalog["payload-too-large"].status).toBe(413);
    expect(problemCatalog["upstream-timeout"].status).toBe(504);
    expect(problemCatalog["upstream-unreachable"].status).toBe(502);
    expect(problemCatalog["upstream-redirect"].status).toBe(502);
    expect(problemCatalog["no-api-key"].status).toBeGreaterThanOrEqual(400);
    expect(problemCatalog["no-api-key"].status).toBeLessThan(500);
    expect(isProblemSlug("hasOwnProperty")).toBe(false);
  });
});

describe("explainProblem", () => {
  const jobNimbus = (status: number) => ({ type: `https://api.jobnimbus.com/problems/${status}`, title: "x", status });

  it("401 from JobNimbus: the key is missing or invalid, replace it", () => {
    const text = explainProblem(jobNimbus(401), 401);
    expect(text).toBe(explainStatus(401));
    expect(text).toMatch(/key/i);
    expect(text).toMatch(/missing or no longer valid/);
    expect(text).toMatch(/replace/);
  });

  it("403 from JobNimbus: the key works but its access profile lacks the permission", () => {
    const text = explainProblem(jobNimbus(403), 403);
    expect(text).toMatch(/access profile/);
    expect(text).not.toBe(explainProblem(jobNimbus(401), 401));
  });

  it("the console's own 401 says to sign in again, not to replace the key", () => {
    const text = explainProblem({ type: "/problems/unauthenticated", status: 401 }, 401);
    expect(text).toContain(problemCatalog.unauthenticated.explanation);
    expect(text).toContain(problemCatalog.unauthenticated.action);
    expect(text).not.toBe(explainStatus(401));
  });

  it("the console's own 403s (CSRF, role) get their own words", () => {
    expect(explainProblem({ type: "/problems/role-forbidden" }, 403)).toContain(problemCatalog["role-forbidden"].action);
    expect(explainProblem({ type: "/problems/csrf-rejected" }, 403)).toContain(problemCatalog["csrf-rejected"].explanation);
  });

  it("falls back by status for other answers", () => {
    expect(explainProblem({ type: "about:blank" }, 429)).toMatch(/Wait/);
    expect(explainProblem({ type: "about:blank" }, 503)).toMatch(/JobNimbus had a problem/);
    expect(explainProblem({ type: "about:blank" }, 418)).toMatch(/refused/);
    expect(explainStatus(200)).toBe("");
  });
});
