// @vitest-environment node
// Tests for the bundled mock JobNimbus API's plumbing (mock/server.mjs) and its quarantined crm/v1
// routes (mock/legacy-crm-v1.mjs), over real HTTP on a loopback port. What JobNimbus documents is
// checked by mock/contract.test.ts.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_KEY, DEMO_READONLY_KEY, startMockUpstream } from "./server.mjs";
import { COUNTS } from "./seed/index.mjs";

// Response bodies are checked field by field below, so a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
type Server = Awaited<ReturnType<typeof startMockUpstream>>;

let server: Server;
// A fresh test- key per test, so the real 50-per-second limit never trips an unrelated test.
let KEY = "test-user1-abcd";
let keyCounter = 0;
beforeEach(() => {
  keyCounter += 1;
  KEY = `test-user${keyCounter}-abcd`;
});

function call(path: string, init: RequestInit & { key?: string | null } = {}) {
  const { key = KEY, headers, ...rest } = init;
  const h = new Headers(headers);
  if (key !== null) h.set("Authorization", `Bearer ${key}`);
  return fetch(server.url + path, { ...rest, headers: h });
}

async function json(path: string, init: RequestInit & { key?: string | null } = {}) {
  const res = await call(path, init);
  return { res, body: (await res.json()) as Json };
}

function postJson(path: string, body: unknown, init: RequestInit & { key?: string | null } = {}) {
  return json(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    ...init,
  });
}

function expectProblem(res: Response, body: Json, status: number, slug: string, path: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(body.type).toBe(`https://api.jobnimbus.com/problems/${slug}`);
  expect(typeof body.title).toBe("string");
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.status).toBe(status);
  expect(typeof body.detail).toBe("string");
  expect(body.detail.length).toBeGreaterThan(0);
  expect(body.instance).toBe(path);
}


beforeAll(async () => {
  server = await startMockUpstream({ port: 0 });
});

afterAll(async () => {
  await server?.close();
});

describe("start-up and plumbing", () => {
  it("listens on a loopback URL with the chosen port", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("answers /health without a key", async () => {
    const { res, body } = await json("/health", { key: null });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(body).toEqual({ ok: true });
  });

  it("sets X-Request-Id and rate-limit headers, never Set-Cookie", async () => {
    const res = await call("/crm/v1/contacts?limit=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/\S{8,}/);
    expect(res.headers.get("x-ratelimit-limit")).toBe("50");
    expect(Number(res.headers.get("x-ratelimit-remaining"))).toBeLessThan(50);
    expect(res.headers.get("set-cookie")).toBeNull();
    await res.arrayBuffer();
  });
});

describe("authentication and access profiles", () => {
  it("401 problem without a key, with WWW-Authenticate", async () => {
    const { res, body } = await json("/crm/v1/contacts", { key: null });
    expectProblem(res, body, 401, "unauthorized", "/crm/v1/contacts");
    expect(body.title).toBe("Unauthorized");
    expect(body.detail).toBe("The API key is missing or invalid.");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("401 for an unknown key and for a non-Bearer scheme, without echoing the key", async () => {
    const wrong = await call("/api1/jobs", { key: "nope-0123456789" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("nope-0123456789");
    const basic = await call("/api1/jobs", { key: null, headers: { Authorization: `Basic ${DEMO_KEY}` } });
    expect(basic.status).toBe(401);
    await basic.arrayBuffer();
  });

  it("accepts the demo keys and any test- key for reading", async () => {
    for (const key of [DEMO_KEY, DEMO_READONLY_KEY, "test-someone-else-9999"]) {
      const res = await call("/crm/v1/jobs?limit=1", { key });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });

  it("403 problem when the read-only key writes", async () => {
    const { res, body } = await postJson("/crm/v1/contacts", { first_name: "Ro" }, { key: DEMO_READONLY_KEY });
    expectProblem(res, body, 403, "forbidden", "/crm/v1/contacts");
    expect(body.title).toBe("Forbidden");
    expect(body.detail).toContain("POST");
    expect(body.detail).toContain("/crm/v1/contacts");
    expect(body.detail).toMatch(/access profile/);

    const patch = await json("/crm/v1/contacts/whatever1", { method: "PATCH", key: DEMO_READONLY_KEY, body: "{}" });
    expectProblem(patch.res, patch.body, 403, "forbidden", "/crm/v1/contacts/whatever1");
  });
});

describe("Platform API lists", () => {
  it("pages with limit/offset: disjoint pages and the full count", async () => {
    const a = await json("/crm/v1/contacts?limit=10&offset=0");
    const b = await json("/crm/v1/contacts?limit=10&offset=10");
    expect(a.res.status).toBe(200);
    expect(a.body.count).toBe(COUNTS.contacts);
    expect(a.body.limit).toBe(10);
    expect(b.body.offset).toBe(10);
    expect(a.body.results).toHaveLength(10);
    expect(b.body.results).toHaveLength(10);
    const ids = new Set(a.body.results.map((r: Json) => r.jnid));
    for (const r of b.body.results) expect(ids.has(r.jnid)).toBe(false);
    const both = await json("/crm/v1/contacts?limit=20");
    expect(both.body.results.map((r: Json) => r.jnid)).toEqual([...a.body.results, ...b.body.results].map((r: Json) => r.jnid));
  });

  it("defaults to 25 and returns records with the legacy field names", async () => {
    const { body } = await json("/crm/v1/jobs");
    expect(body.limit).toBe(25);
    expect(body.results).toHaveLength(25);
    const job = body.results[0];
    for (const field of ["jnid", "type", "name", "number", "record_type_name", "status_name", "primary", "date_created", "date_updated", "created_by_name", "is_active", "approved_estimate_total"]) {
      expect(job).toHaveProperty(field);
    }
    expect(job.type).toBe("job");
    expect(job.jnid).toMatch(/^[0-9a-z]{23}$/);
    expect(job.primary.type).toBe("contact");
  });

  it("has roughly the promised volume of linked data", async () => {
    const counts: Record<string, number> = {};
    for (const e of ["contacts", "jobs", "tasks", "activities"]) counts[e] = (await json(`/crm/v1/${e}?limit=1`)).body.count;
    expect(counts).toMatchObject({ contacts: COUNTS.contacts, jobs: COUNTS.jobs, tasks: COUNTS.tasks });
    expect(counts.activities).toBeGreaterThan(COUNTS.notes);
    const job = (await json("/crm/v1/jobs?limit=1")).body.results[0];
    const contact = await json(`/crm/v1/contacts/${job.primary.id}`);
    expect(contact.res.status).toBe(200);
    expect(contact.body.display_name).toBe(job.primary.name);
  });

  it("422 problem with errors for a bad limit", async () => {
    for (const bad of ["abc", "-1", "201", "1.5"]) {
      const { res, body } = await json(`/crm/v1/contacts?limit=${bad}`);
      expectProblem(res, body, 422, "validation-error", "/crm/v1/contacts");
      expect(body.errors).toEqual([expect.objectContaining({ field: "limit" })]);
    }
  });

  it("q searches text fields case-insensitively and only returns matches", async () => {
    const { body } = await json("/crm/v1/contacts?q=SMITH&limit=200");
    expect(body.count).toBeGreaterThan(0);
    expect(body.count).toBeLessThan(200);
    expect(body.results).toHaveLength(body.count);
    for (const r of body.results) {
      const text = [r.display_name, r.first_name, r.last_name, r.company, r.email, r.home_phone, r.mobile_phone].join(" ").toLowerCase();
      expect(text).toContain("smith");
    }
    const notes = await json("/crm/v1/activities?q=adjuster&limit=200");
    expect(notes.body.count).toBeGreaterThan(0);
    for (const r of notes.body.results) expect(r.note.toLowerCase()).toContain("adjuster");
  });

  it("status filters exactly and sort orders", async () => {
    const { body } = await json("/crm/v1/jobs?status=Completed&limit=200&sort=number");
    expect(body.count).toBeGreaterThan(0);
    for (const r of body.results) expect(r.status_name).toBe("Completed");
    const numbers = body.results.map((r: Json) => Number(r.number));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const desc = await json("/crm/v1/jobs?sort=-approved_estimate_total&limit=5");
    const totals = desc.body.results.map((r: Json) => r.approved_estimate_total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const bad = await json("/crm/v1/jobs?sort=no_such_field");
    expectProblem(bad.res, bad.body, 422, "validation-error", "/crm/v1/jobs");
    expect(bad.body.errors[0].field).toBe("sort");
  });
});

describe("Platform API activity feed (cursor paging)", () => {
  // One test below adds a note; later suites count the seeded activities.
  afterAll(() => server.reset());

  async function allPages(query = "") {
    const pages: Json[][] = [];
    let cursor: string | null = null;
    do {
      // a key per page: walking thousands of activities would pass the 50-a-second limit of one key
      const key = `test-feed-${pages.length}-${keyCounter}`;
      const { res, body }: { res: Response; body: Json } = await json(`/crm/v1/activities/feed?limit=100${query}${cursor ? `&cursor=${cursor}` : ""}`, { key });
      expect(res.status).toBe(200);
      pages.push(body.results);
      cursor = body.next_cursor;
      expect(pages.length).toBeLessThan(300);
    } while (cursor !== null);
    return pages;
  }

  it("gives 20 newest-first records and a cursor; the cursor's page carries on without overlap", async () => {
    const first = await json("/crm/v1/activities/feed");
    expect(first.res.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(["next_cursor", "results"]);
    expect(first.body.results).toHaveLength(20);
    expect(typeof first.body.next_cursor).toBe("string");
    const dates = first.body.results.map((r: Json) => r.date_created);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const second = await json(`/crm/v1/activities/feed?cursor=${first.body.next_cursor}`);
    expect(second.body.results).toHaveLength(20);
    expect(second.body.results[0].date_created).toBeLessThanOrEqual(dates[dates.length - 1]);
    const ids = new Set(first.body.results.map((r: Json) => r.jnid));
    for (const r of second.body.results) expect(ids.has(r.jnid)).toBe(false);
    const both = await json("/crm/v1/activities/feed?limit=40");
    expect(both.body.results.map((r: Json) => r.jnid)).toEqual([...first.body.results, ...second.body.results].map((r: Json) => r.jnid));
  });

  it("walks every activity once and ends with next_cursor null", async () => {
    const { count } = (await json("/crm/v1/activities?limit=1")).body;
    const pages = await allPages();
    const ids = pages.flat().map((r) => r.jnid);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(pages.at(-1)!.length).toBeGreaterThan(0);
  });

  it("filters by type, and a note added meanwhile does not shift the pages still to come", async () => {
    const calls = (await allPages("&type=call%20log")).flat();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((r) => r.record_type_name === "Call log")).toBe(true);
    const first = await json("/crm/v1/activities/feed?limit=5");
    const before = await json(`/crm/v1/activities/feed?limit=5&cursor=${first.body.next_cursor}`);
    const job = (await json("/crm/v1/jobs?limit=1")).body.results[0];
    expect((await postJson("/crm/v1/activities", { note: "Feed test note", primary: { id: job.jnid } })).res.status).toBe(201);
    const after = await json(`/crm/v1/activities/feed?limit=5&cursor=${first.body.next_cursor}`);
    expect(after.body.results.map((r: Json) => r.jnid)).toEqual(before.body.results.map((r: Json) => r.jnid));
    expect((await json("/crm/v1/activities/feed?limit=1")).body.results[0].note).toBe("Feed test note");
  });

  it("refuses a cursor it did not hand out, a limit out of range, and writes", async () => {
    for (const bad of ["zzz", "eyJ4IjoxfQ", "not%20a%20cursor"]) {
      const { res, body } = await json(`/crm/v1/activities/feed?cursor=${bad}`);
      expectProblem(res, body, 422, "validation-error", "/crm/v1/activities/feed");
      expect(body.errors[0].field).toBe("cursor");
    }
    for (const bad of ["0", "101", "x"]) {
      const { res, body } = await json(`/crm/v1/activities/feed?limit=${bad}`);
      expectProblem(res, body, 422, "validation-error", "/crm/v1/activities/feed");
      expect(body.errors[0].field).toBe("limit");
    }
    const { res, body } = await json("/crm/v1/activities/feed", { method: "POST" });
    expectProblem(res, body, 405, "method-not-allowed", "/crm/v1/activities/feed");
  });
});

describe("records: 404, 405, 422, create/read/update/delete", () => {
  it("404 problems for unknown ids and endpoints", async () => {
    const cases = ["/crm/v1/contacts/zzzzzzzz", "/crm/v1/widgets", "/crm/v1/contacts/a/b"];
    for (const path of cases) {
      const { res, body } = await json(path);
      expectProblem(res, body, 404, "not-found", path);
    }
  });

  it("405 problem with Allow for an unsupported method", async () => {
    const { res, body } = await json("/crm/v1/contacts", { method: "DELETE" });
    expectProblem(res, body, 405, "method-not-allowed", "/crm/v1/contacts");
    expect(res.headers.get("allow")).toBe("GET, HEAD, POST");
    const feedPost = await call("/crm/v1/activities/feed", { method: "POST", body: "{}" });
    expect(feedPost.status).toBe(405);
    expect(feedPost.headers.get("allow")).toBe("GET, HEAD");
    await feedPost.arrayBuffer();
  });

  it("422 problem with an errors array for missing required fields", async () => {
    const expectations: Array<[string, string]> = [
      ["/crm/v1/contacts", "first_name"],
      ["/crm/v1/jobs", "name"],
      ["/crm/v1/tasks", "title"],
      ["/crm/v1/activities", "note"],
    ];
    for (const [path, field] of expectations) {
      const { res, body } = await postJson(path, {});
      expectProblem(res, body, 422, "validation-error", path);
      expect(Array.isArray(body.errors)).toBe(true);
      expect(body.errors.map((e: Json) => e.field)).toContain(field);
      for (const e of body.errors) expect(typeof e.message).toBe("string");
    }
    const noPrimary = await postJson("/crm/v1/activities", { note: "hi" });
    expect(noPrimary.body.errors.map((e: Json) => e.field)).toContain("primary.id");
    const ghost = await postJson("/crm/v1/activities", { note: "hi", primary: { id: "nosuchid" } });
    expect(ghost.res.status).toBe(422);
    expect(ghost.body.errors[0].field).toBe("primary.id");
  });

  it("POST then GET round-trips, visible on both APIs, then PUT, PATCH and DELETE", async () => {
    const created = await postJson("/crm/v1/contacts", { first_name: "Wanda", last_name: "Roundtrip", email: "wanda@example.com", tags: ["api"] });
    expect(created.res.status).toBe(201);
    const id = created.body.jnid;
    expect(id).toMatch(/^[0-9a-z]{23}$/);
    expect(created.body).toMatchObject({ type: "contact", display_name: "Wanda Roundtrip", is_active: true });
    expect(created.res.headers.get("location")).toBe(`/crm/v1/contacts/${id}`);

    const got = await json(`/crm/v1/contacts/${id}`);
    expect(got.body).toEqual(created.body);
    const legacy = await json(`/api1/contacts/${id}`);
    expect(legacy.body).toEqual(created.body);
    const found = await json("/crm/v1/contacts?q=roundtrip");
    expect(found.body.count).toBe(1);
    expect((await json("/crm/v1/contacts?limit=1")).body.count).toBe(COUNTS.contacts + 1);

    const put = await json(`/api1/contacts/${id}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ city: "Denver" }) });
    expect(put.res.status).toBe(200);
    expect(put.body).toMatchObject({ jnid: id, city: "Denver", first_name: "Wanda" });
    const patch = await json(`/crm/v1/contacts/${id}`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ first_name: "Wendy" }) });
    expect(patch.body.display_name).toBe("Wendy Roundtrip");
    const badPatch = await json(`/crm/v1/contacts/${id}`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "not-an-email" }) });
    expect(badPatch.res.status).toBe(422);

    const note = await postJson("/crm/v1/activities", { note: "Called Wendy", primary: { id } });
    expect(note.res.status).toBe(201);
    expect(note.body.primary).toEqual({ id, name: "Wendy Roundtrip", number: created.body.number, type: "contact" });

    const del = await call(`/crm/v1/contacts/${id}`, { method: "DELETE" });
    expect(del.status).toBe(204);
    const gone = await json(`/crm/v1/contacts/${id}`);
    expectProblem(gone.res, gone.body, 404, "not-found", `/crm/v1/contacts/${id}`);
    expect((await json(`/api1/contacts/${id}`)).res.status).toBe(404);
  });

  it("numbers new jobs after the generated ones, in the account's first job workflow and status", async () => {
    const contact = (await json("/crm/v1/contacts?limit=1")).body.results[0];
    const { res, body } = await postJson("/crm/v1/jobs", { name: "Roof repair – 1 Test St", primary: { id: contact.jnid } });
    expect(res.status).toBe(201);
    expect(Number(body.number)).toBeGreaterThan(1000 + COUNTS.jobs);
    expect(body).toMatchObject({ record_type_name: "Residential Roofing", status_name: "Lead" });
    expect(body.primary).toEqual({ id: contact.jnid, name: contact.display_name, number: contact.number, type: "contact" });
  });

  it("400 problem for malformed or non-JSON bodies, and keeps serving", async () => {
    const path = "/crm/v1/contacts";
    const cases: RequestInit[] = [
      { headers: { "Content-Type": "application/json" }, body: '{"first_name": "Broken",' },
      { headers: { "Content-Type": "application/json" }, body: "" },
      { headers: { "Content-Type": "application/json" }, body: "[1,2]" },
      { headers: { "Content-Type": "text/plain" }, body: "first_name=Plain" },
    ];
    for (const init of cases) {
      const { res, body } = await json(path, { method: "POST", ...init });
      expectProblem(res, body, 400, "bad-request", path);
    }
    const still = await call("/health", { key: null });
    expect(still.status).toBe(200);
    await still.arrayBuffer();
  });

  it("413 problem for bodies over 10 MB", async () => {
    const big = JSON.stringify({ first_name: "Big", note: "x".repeat(10 * 1024 * 1024 + 10) });
    const { res, body } = await json("/crm/v1/contacts", { method: "POST", headers: { "Content-Type": "application/json" }, body: big });
    expectProblem(res, body, 413, "payload-too-large", "/crm/v1/contacts");
  });
});

describe("simulations and rate limits", () => {
  it("simulate=rate-limit gives 429 with Retry-After", async () => {
    const { res, body } = await json("/crm/v1/contacts?simulate=rate-limit");
    expectProblem(res, body, 429, "rate-limited", "/crm/v1/contacts");
    expect(res.headers.get("retry-after")).toBe("5");
    expect(body.retry_after).toBe(5);
  });

  it("simulations come after authentication", async () => {
    const res = await call("/crm/v1/contacts?simulate=rate-limit", { key: null });
    expect(res.status).toBe(401);
    await res.arrayBuffer();
  });

  it("simulate=server-error gives a 500 problem", async () => {
    const { res, body } = await json("/crm/v1/jobs?simulate=server-error");
    expectProblem(res, body, 500, "server-error", "/crm/v1/jobs");
  });

  it("simulate=html-error gives a 502 HTML page", async () => {
    const res = await call("/crm/v1/jobs?simulate=html-error");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("<html>");
  });

  it("simulate=slow waits, then answers normally", async () => {
    const started = Date.now();
    const { res, body } = await json("/crm/v1/jobs?limit=2&simulate=slow&ms=300");
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(body.results).toHaveLength(2);
  });

  it("unknown simulate values are a 400 problem", async () => {
    const { res, body } = await json("/crm/v1/jobs?simulate=explode");
    expectProblem(res, body, 400, "bad-request", "/crm/v1/jobs");
    expect(body.detail).toContain("rate-limit");
    expect(body.detail).toContain("deprecated");
  });

  it("more than 50 requests a second for one key gives 429 with Retry-After 1", async () => {
    const key = "test-burst-0000";
    const responses = await Promise.all(Array.from({ length: 120 }, () => call("/crm/v1/nothing-here", { key })));
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("retry-after")).toBe("1");
    const body = (await limited[0]!.json()) as Json;
    expect(body.type).toBe("https://api.jobnimbus.com/problems/rate-limited");
    expect(body.retry_after).toBe(1);
    await Promise.all(responses.map((r) => (r.bodyUsed ? null : r.arrayBuffer())));
    // other keys are unaffected
    const other = await call("/crm/v1/contacts?limit=1");
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });
});

describe("lifecycle and determinism", () => {
  it("generates the same data on every start", async () => {
    const a = await startMockUpstream({ port: 0 });
    const b = await startMockUpstream({ port: 0 });
    try {
      for (const path of ["/crm/v1/contacts?limit=200&sort=jnid", "/crm/v1/tasks?limit=200&offset=200", "/api1/activities?size=1000", "/api1/files?size=1000"]) {
        const [ra = "", rb = ""] = await Promise.all([a, b].map((s) => fetch(s.url + path, { headers: { Authorization: `Bearer ${KEY}` } }).then((r) => r.text())));
        expect(ra.length).toBeGreaterThan(1000);
        expect(ra).toBe(rb);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("close() ends promptly even with a slow request in flight", async () => {
    const s = await startMockUpstream({ port: 0 });
    const pending = fetch(`${s.url}/crm/v1/jobs?simulate=slow&ms=60000`, { headers: { Authorization: `Bearer ${KEY}` } }).then(
      (r) => r.status,
      () => "closed",
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await pending).toBe("closed");
  });

  it("refuses a bad port", async () => {
    await expect(startMockUpstream({ port: 70000 })).rejects.toThrow(/port/);
  });
});
