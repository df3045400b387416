import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { proxyUrl } from "@/lib/request/request-model";
import { parseRecipes } from "./parse";
import {
  buildDraft,
  cellLink,
  cellText,
  csvRows,
  failureMessage,
  firstRecord,
  recipeConfirmation,
  recipeDraft,
  recordsIn,
  scopeFor,
  successMessage,
} from "./run";
import { FIRST_PAGE, hasMore, recipePaging, totalIn } from "./paging";
import type { Recipe } from "./schema";
import { builtins, fillJson, fillText, fillValue } from "./template";

const parsed = parseRecipes(readFileSync(new URL("../../recipes.json", import.meta.url), "utf8"), "recipes.json");
if (!parsed.ok) throw new Error(parsed.message);
const recipe = (id: string): Recipe => parsed.recipes.find((r) => r.id === id)!;
const pagingOf = (r: Recipe) => recipePaging(r, null)?.paging ?? null;
const queryOf = (draft: ReturnType<typeof buildDraft>) => Object.fromEntries(draft.query.map((row) => [row.name, row.value]));
const NOW = new Date(2025, 5, 11, 15, 30); // Wednesday 11 June 2025, local time

describe("templates", () => {
  it("fills text, keeps the type of a lone placeholder and drops empty ones", () => {
    expect(fillText("Job #{{job.number}} for {{who}}", { job: { number: "1043" } })).toBe("Job #1043 for ");
    expect(fillValue("{{n|number}}", { n: " 42 " })).toBe(42);
    expect(fillValue("{{n}}", { n: "  " })).toBeUndefined();
    expect(fillValue("{{job|bare}}", { job: "# 1043" })).toBe("1043");
  });

  it("drops a clause whose only placeholder is empty, so an optional filter disappears", () => {
    const filter = { bool: { must: [{ range: { date_end: { gte: 1 } } }, { term: { is_completed: "{{done}}" } }] } };
    expect(fillJson(filter, { done: "" })).toEqual({ bool: { must: [{ range: { date_end: { gte: 1 } } }] } });
    expect(fillJson(filter, { done: "false" })).toEqual({ bool: { must: [{ range: { date_end: { gte: 1 } } }, { term: { is_completed: "false" } }] } });
  });

  it("knows this week from Monday to next Monday, and dates as unix seconds", () => {
    expect(builtins(NOW)).toMatchObject({ today: "2025-06-11", weekStart: "2025-06-09", weekEnd: "2025-06-16" });
    expect(fillValue("{{weekStart|unix}}", builtins(NOW))).toBe(new Date(2025, 5, 9).getTime() / 1000);
    expect(builtins(new Date(2025, 5, 15, 23)).weekStart).toBe("2025-06-09"); // a Sunday still belongs to that week
  });

  it("reads values along lists", () => {
    expect(cellText({ label: "For", value: "{{related.name}}", format: "text" }, { related: [{ name: "A" }, { name: "B" }] })).toBe("A, B");
  });
});

describe("requests", () => {
  it("find-contact: the search term and Platform paging", () => {
    const r = recipe("find-contact");
    const draft = recipeDraft(r, scopeFor(r, { q: " Smith " }), pagingOf(r));
    expect(draft).toMatchObject({ upstream: "platform", method: "GET", path: "crm/v1/contacts", body: "" });
    expect(queryOf(draft)).toEqual({ q: "Smith", sort: "display_name", limit: "25", offset: "0" });
    expect(queryOf(recipeDraft(r, scopeFor(r, { q: "x" }), pagingOf(r), { index: 1, offset: 25, cursor: null }))).toMatchObject({ limit: "25", offset: "25" });
    expect(queryOf(recipeDraft(r, scopeFor(r, { q: "x" })))).toEqual({ q: "x", sort: "display_name" });
  });

  it("tasks-this-week: a legacy filter of this week, size/from paging, the optional clause dropped", () => {
    const r = recipe("tasks-this-week");
    const draft = recipeDraft(r, scopeFor(r, { done: "" }, NOW), pagingOf(r), { ...FIRST_PAGE, index: 2, offset: 50 });
    const query = queryOf(draft);
    expect(draft.upstream).toBe("legacy");
    expect(query).toMatchObject({ size: "25", from: "50", sort_field: "date_end", sort_direction: "asc" });
    expect(JSON.parse(query.filter!)).toEqual({
      bool: { must: [{ range: { date_end: { gte: new Date(2025, 5, 9).getTime() / 1000, lt: new Date(2025, 5, 16).getTime() / 1000 } } }] },
    });
  });

  it("a value in the path is one encoded segment and cannot climb out", () => {
    const r = recipe("show-contact");
    const draft = recipeDraft(r, scopeFor(r, { id: "../../admin" }));
    expect(draft.path).toBe("crm/v1/contacts/..%2F..%2Fadmin");
    expect(proxyUrl(draft)).toEqual({ ok: true, path: "/api/proxy/crm/v1/contacts/..%2F..%2Fadmin" });
  });

  it("add-job-note: the body uses the looked-up job; empty optional values are left out", () => {
    const r = recipe("add-job-note");
    const scope = { ...scopeFor(r, { job_number: "1043", kind: "Note", note: "Called, no answer" }), job: { jnid: "abc12345", number: "1043", name: "Roof" } };
    const draft = recipeDraft(r, scope);
    expect(draft.method).toBe("POST");
    expect(draft.query).toEqual([]);
    expect(JSON.parse(draft.body)).toEqual({ note: "Called, no answer", record_type_name: "Note", primary: { id: "abc12345" } });
    const contact = recipe("create-contact");
    expect(JSON.parse(recipeDraft(contact, scopeFor(contact, { first_name: "Jane", kind: "Lead" })).body)).toEqual({ first_name: "Jane", record_type_name: "Lead" });
  });

  it("the lookup's request finds a job by number or id", () => {
    const r = recipe("job-activity");
    const draft = buildDraft(r.lookup!.request, scopeFor(r, { job_number: "#1043" }));
    expect(JSON.parse(queryOf(draft).filter!)).toEqual({ bool: { should: [{ term: { number: "1043" } }, { term: { jnid: "1043" } }] } });
    expect(queryOf(draft).size).toBe("1");
  });
});

describe("confirmations name the change in words", () => {
  it("create-contact", () => {
    const r = recipe("create-contact");
    const values = { first_name: "Jane", last_name: "Doe", kind: "Customer", email: "" };
    const confirmation = recipeConfirmation(r, scopeFor(r, values), values);
    expect(confirmation.summary).toBe("Create contact Jane Doe");
    expect(confirmation.details).toEqual(["First name: Jane", "Last name: Doe", "Type: Customer", "Platform API: POST crm/v1/contacts"]);
    expect(confirmation.typed).toBeNull();
  });

  it("add-job-note names the job", () => {
    const r = recipe("add-job-note");
    const values = { job_number: "1043", kind: "Note", note: "Hi" };
    const scope = { ...scopeFor(r, values), job: { number: "1043", name: "Roof – 1 Elm St" } };
    expect(recipeConfirmation(r, scope, values).summary).toBe("Add a note to job #1043 (Roof – 1 Elm St)");
  });
});

describe("results", () => {
  const jobs = recipe("jobs-in-status");
  const job = { jnid: "j1", number: "1043", name: "Roof", primary: { id: "c1", name: "Ann Lee" }, approved_estimate_total: 12500.5, date_updated: 1749600000 };

  it("finds the records, the total and whether there is more", () => {
    const body = { results: [job], count: 52, limit: 25, offset: 0 };
    expect(recordsIn(jobs, body)).toEqual([job]);
    expect(totalIn(pagingOf(jobs), body)).toBe(52);
    expect(hasMore(pagingOf(jobs), { loaded: 25, total: 52, lastPageSize: 25, nextCursor: null })).toBe(true);
    expect(hasMore(pagingOf(jobs), { loaded: 52, total: 52, lastPageSize: 2, nextCursor: null })).toBe(false);
    expect(recordsIn(recipe("show-contact"), { jnid: "c1" })).toEqual([{ jnid: "c1" }]);
    expect(firstRecord({ count: 0, results: [] })).toBeNull();
    expect(firstRecord({ count: 1, results: [job] })).toBe(job);
  });

  it("shows cells as a person reads them, and links a job's contact to that contact", () => {
    const [number, , contact, , , money] = jobs.result.columns;
    expect(cellText(number!, job)).toBe("#1043");
    expect(cellText(money!, job)).toBe("$12,500.50");
    expect(cellLink(contact!, job)).toBe("/recipes?recipe=show-contact&id=c1&run=1");
    expect(cellLink(number!, job)).toBe("/recipes?recipe=job-activity&job_number=1043&run=1");
    expect(cellLink(contact!, { ...job, primary: null })).toBeNull();
  });

  it("makes CSV rows with the column labels", () => {
    expect(csvRows(jobs, [job])[0]).toMatchObject({ Job: "#1043", Contact: "Ann Lee", "Approved estimate": "$12,500.50" });
  });

  it("says how many there are, or what was done", () => {
    expect(successMessage(jobs, {}, [job], 52)).toBe("Showing 1 of 52 jobs.");
    expect(successMessage(jobs, {}, [job], 1)).toBe("1 job.");
    expect(successMessage(recipe("create-contact"), {}, [{ display_name: "Jane Doe" }], null)).toBe("Created contact Jane Doe.");
  });
});

describe("failures in the recipe's own terms", () => {
  const jp = (status: number, extra: Record<string, unknown> = {}) => ({ type: `https://api.jobnimbus.com/problems/x`, status, ...extra });

  it("an empty search and a missing job", () => {
    const find = recipe("find-contact");
    expect(fillText(find.messages.empty!, scopeFor(find, { q: "Smith" }))).toBe(
      "No contact matches 'Smith'. Check the spelling, or try part of the name or the last digits of the phone number.",
    );
    const activity = recipe("job-activity");
    expect(failureMessage(activity, "lookup", 404, jp(404), scopeFor(activity, { job_number: "9999" }))).toBe("No job has the number '9999'.");
  });

  it("a key whose access profile cannot write", () => {
    const create = recipe("create-contact");
    expect(failureMessage(create, "request", 403, jp(403), {})).toMatch(/^Your key's access profile can't create contacts\./);
    expect(failureMessage(recipe("add-job-note"), "request", 403, jp(403), {})).toBe("Your key's access profile can't add notes to jobs.");
    expect(failureMessage(recipe("jobs-in-status"), "request", 403, jp(403), {})).toMatch(/can't read jobs/);
  });

  it("validation errors use the form's labels", () => {
    const create = recipe("create-contact");
    const problem = jp(422, { errors: [{ field: "email", message: "is not a valid e-mail address." }, { field: "record_type_name", message: "must be one of: A." }] });
    expect(failureMessage(create, "request", 422, problem, {})).toBe("JobNimbus did not accept this contact: Email is not a valid e-mail address.; Type must be one of: A.");
  });

  it("the console's own problems explain themselves; 429 says whether it retries", () => {
    const find = recipe("find-contact");
    expect(failureMessage(find, "request", 428, { type: "/problems/no-api-key", status: 428 }, {})).toMatch(/no usable JobNimbus API key/);
    expect(failureMessage(find, "request", 429, jp(429), {})).toMatch(/tries once more by itself/);
    expect(failureMessage(recipe("create-contact"), "request", 429, jp(429), {})).toMatch(/Nothing was changed.+never retried/);
  });
});
