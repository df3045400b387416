import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { proxyUrl } from "@/lib/request/request-model";
import { parseRecipes } from "./parse";
import { readAccount } from "@/lib/account/account";
import {
  atLeastOneMissing,
  buildDraft,
  cellLink,
  cellText,
  csvRows,
  failureMessage,
  fieldChoices,
  firstRecord,
  lookupInputs,
  recipeConfirmation,
  recipeDraft,
  recipeFields,
  recordsIn,
  scopeFor,
  successMessage,
} from "./run";
import { hasMore, recipePaging, totalIn } from "./paging";
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
  it("find-contact: active contacts matching the text in any of their names, email or phones, paged by size/from", () => {
    const r = recipe("find-contact");
    const draft = recipeDraft(r, scopeFor(r, { q: " Martinez " }), pagingOf(r));
    expect(draft).toMatchObject({ upstream: "legacy", method: "GET", path: "contacts", body: "" });
    const query = queryOf(draft);
    expect(query).toMatchObject({ sort_field: "date_updated", sort_direction: "desc", size: "25", from: "0" });
    const filter = JSON.parse(query.filter!) as { must: [unknown, { bool: { should: unknown[]; minimum_should_match: number } }] };
    expect(filter.must[0]).toEqual({ term: { is_active: true } });
    expect(filter.must[1].bool.should).toContainEqual({ match_phrase: { display_name: "Martinez" } });
    expect(filter.must[1].bool.minimum_should_match).toBe(1);
    expect(queryOf(recipeDraft(r, scopeFor(r, { q: "x" }), pagingOf(r), { index: 1, offset: 25, cursor: null }))).toMatchObject({ size: "25", from: "25" });
  });

  it("jobs-in-status and open-tasks: the documented must/term form with the account's names and ids", () => {
    const jobs = recipe("jobs-in-status");
    const filter = JSON.parse(queryOf(recipeDraft(jobs, scopeFor(jobs, { workflow: "Residential Roofing", status: "Sold" }))).filter!);
    expect(filter).toEqual({ must: [{ term: { record_type_name: "Residential Roofing" } }, { term: { status_name: "Sold" } }, { term: { is_active: true } }] });
    const tasks = recipe("open-tasks");
    expect(JSON.parse(queryOf(recipeDraft(tasks, scopeFor(tasks, { person: "u42" }))).filter!)).toEqual({
      must: [{ term: { "owners.id": "u42" } }, { term: { is_completed: false } }, { term: { is_active: true } }],
    });
  });

  it("a value in the path is one encoded segment and cannot climb out", () => {
    const r = recipe("show-contact");
    const draft = recipeDraft(r, scopeFor(r, { id: "../../admin" }));
    expect(draft.path).toBe("contacts/..%2F..%2Fadmin");
    expect(proxyUrl(draft)).toEqual({ ok: true, path: "/api/proxy/contacts/..%2F..%2Fadmin" });
  });

  it("writes use the looked-up record; empty optional values are left out, lists that end up empty too", () => {
    const note = recipe("add-job-note");
    const job = { jnid: "abc12345", number: "1043", name: "Roof", record_type_name: "Residential Roofing", status_name: "Estimating" };
    const draft = recipeDraft(note, { ...scopeFor(note, { job_number: "1043", kind: "Note", note: "Called, no answer" }), job });
    expect(draft).toMatchObject({ upstream: "legacy", method: "POST", path: "activities", query: [] });
    expect(JSON.parse(draft.body)).toEqual({ note: "Called, no answer", record_type_name: "Note", primary: { id: "abc12345" } });
    const contact = recipe("create-contact");
    expect(JSON.parse(recipeDraft(contact, scopeFor(contact, { company: "Hail Co", workflow: "Customer", status: "Lead" })).body)).toEqual({
      company: "Hail Co",
      record_type_name: "Customer",
      status_name: "Lead",
    });
    const task = recipe("add-job-task");
    const values = { job_number: "1043", type: "Inspection", title: "Measure", date: "2025-06-12", assignee: "" };
    expect(JSON.parse(recipeDraft(task, { ...scopeFor(task, values), job }).body)).toEqual({
      title: "Measure",
      record_type_name: "Inspection",
      date_start: new Date(2025, 5, 12).getTime() / 1000,
      related: [{ id: "abc12345" }],
    });
    expect(JSON.parse(recipeDraft(task, { ...scopeFor(task, { ...values, assignee: "u7" }), job }).body).owners).toEqual([{ id: "u7" }]);
    const move = recipe("change-job-status");
    expect(recipeDraft(move, { ...scopeFor(move, { job_number: "1043", status: "Sold" }), job })).toMatchObject({ method: "PUT", path: "jobs/abc12345", body: '{"status_name":"Sold"}' });
    const deactivate = recipe("deactivate-contact");
    expect(recipeDraft(deactivate, { ...scopeFor(deactivate, { id: "c1" }), contact: { jnid: "c1" } })).toMatchObject({ method: "PUT", path: "contacts/c1", body: '{"is_active":false}' });
  });

  it("a lookup finds a job by its number with the documented must/term form", () => {
    const r = recipe("job-activity");
    const draft = buildDraft(r.lookup!.request, scopeFor(r, { job_number: "#1043" }));
    expect(JSON.parse(queryOf(draft).filter!)).toEqual({ must: [{ term: { number: "1043" } }] });
    expect(queryOf(draft).size).toBe("1");
    expect(lookupInputs(r)).toEqual(["job_number"]);
    expect(lookupInputs(recipe("find-contact"))).toEqual([]);
  });
});

describe("the form's choices come from the account", () => {
  const read = readAccount(
    {
      workflows: [
        { object_type: "job", name: "Residential Roofing", status: [{ name: "Estimating" }, { name: "Sold" }] },
        { object_type: "job", name: "Repair", status: [{ name: "Scheduled" }] },
        { object_type: "contact", name: "Customer", status: [{ name: "Lead" }] },
      ],
      activityTypes: [{ TypeName: "Note" }, { TypeName: "Call log" }],
    },
    { users: [{ id: "u1", first_name: "Dana", last_name: "Reyes", email: "dana@x.test" }] },
  );
  if (!read.ok) throw new Error(read.message);
  const account = read.account;

  it("statuses of the looked-up job's workflow, or of the chosen workflow; none before it is known", () => {
    const move = recipe("change-job-status");
    const status = move.fields.find((f) => f.name === "status")!;
    expect(fieldChoices(status, account, { job: { record_type_name: "Repair" } }).map((c) => c.value)).toEqual(["Scheduled"]);
    expect(fieldChoices(status, account, {})).toEqual([]);
    const jobs = recipe("jobs-in-status");
    const fields = recipeFields(jobs, (field) => fieldChoices(field, account, scopeFor(jobs, { workflow: "Residential Roofing" })));
    expect(fields.map((f) => [f.name, f.kind, f.options?.map((o) => o.value)])).toEqual([
      ["workflow", "select", ["Residential Roofing", "Repair"]],
      ["status", "select", ["Estimating", "Sold"]],
    ]);
  });

  it("team members by name, sent by id; typed in when the account cannot be read", () => {
    const tasks = recipe("open-tasks");
    expect(recipeFields(tasks, (field) => fieldChoices(field, account, {}))[0]!.options).toEqual([{ value: "u1", label: "Dana Reyes" }]);
    expect(recipeFields(tasks, () => null)[0]).toMatchObject({ kind: "text" });
    expect(recipeFields(tasks, () => null)[0]!.options).toBeUndefined();
  });

  it("asks for at least one of a contact's names", () => {
    const contact = recipe("create-contact");
    expect(atLeastOneMissing(contact, { first_name: " ", workflow: "Customer" })).toBe("Fill in at least one of First name, Last name or Company.");
    expect(atLeastOneMissing(contact, { company: "Hail Co" })).toBeNull();
    expect(atLeastOneMissing(recipe("find-contact"), {})).toBeNull();
  });
});

describe("confirmations name the change in words", () => {
  it("create-contact", () => {
    const r = recipe("create-contact");
    const values = { first_name: "Jane", last_name: "Doe", workflow: "Customer", status: "Lead", email: "" };
    const confirmation = recipeConfirmation(r, scopeFor(r, values), values);
    expect(confirmation.summary).toBe("Create contact Jane Doe");
    expect(confirmation.details).toEqual(["First name: Jane", "Last name: Doe", "Type: Customer", "Status: Lead", "Legacy API: POST contacts"]);
    expect(confirmation.typed).toBeNull();
  });

  it("change-job-status says from where to where; deactivate-contact asks for the name to be typed", () => {
    const move = recipe("change-job-status");
    const values = { job_number: "1043", status: "Sold" };
    const scope = { ...scopeFor(move, values), job: { jnid: "j1", number: "1043", name: "Roof", status_name: "Estimating" } };
    expect(recipeConfirmation(move, scope, values).summary).toBe("Move job #1043 from Estimating to Sold");
    const deactivate = recipe("deactivate-contact");
    const confirmation = recipeConfirmation(deactivate, { ...scopeFor(deactivate, { id: "c1" }), contact: { jnid: "c1", display_name: "Ann Lee" } }, { id: "c1" });
    expect(confirmation).toMatchObject({ method: "PUT", summary: "Deactivate contact Ann Lee", typed: "Ann Lee" });
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
  const job = { jnid: "j1", number: "1043", name: "Roof", primary: { id: "c1", name: "Ann Lee" }, sales_rep: "u1", owners: [{ id: "u1" }, { id: "u2" }], approved_estimate_total: 12500.5, date_updated: 1749600000 };
  const people = new Map([["u1", "Dana Reyes"], ["u2", "Marcus Hill"]]);

  it("finds the records, the total and whether there is more", () => {
    const body = { results: [job], count: 52 };
    expect(recordsIn(jobs, body)).toEqual([job]);
    expect(totalIn(pagingOf(jobs), body)).toBe(52);
    expect(hasMore(pagingOf(jobs), { loaded: 25, total: 52, lastPageSize: 25, nextCursor: null })).toBe(true);
    expect(hasMore(pagingOf(jobs), { loaded: 52, total: 52, lastPageSize: 2, nextCursor: null })).toBe(false);
    expect(recordsIn(recipe("show-contact"), { jnid: "c1" })).toEqual([{ jnid: "c1" }]);
    expect(recordsIn(recipe("job-activity"), { count: 1, activity: [{ note: "Hi" }] })).toEqual([{ note: "Hi" }]);
    expect(firstRecord({ count: 0, results: [] })).toBeNull();
    expect(firstRecord({ count: 1, results: [job] })).toBe(job);
  });

  it("shows cells as a person reads them: names for team members, dates, money; links a job's contact to that contact", () => {
    const column = (label: string) => jobs.result.columns.find((c) => c.label === label)!;
    expect(cellText(column("Job"), job)).toBe("#1043");
    expect(cellText(column("Approved estimate"), job)).toBe("$12,500.50");
    expect(cellText(column("Sales rep"), job, people)).toBe("Dana Reyes");
    expect(cellText(column("Owners"), job, people)).toBe("Dana Reyes, Marcus Hill");
    expect(cellText(column("Owners"), job), "ids until the team is read").toBe("u1, u2");
    expect(cellText(column("Updated"), job)).toBe(new Date(1749600000 * 1000).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }));
    expect(cellLink(column("Contact"), job)).toBe("/recipes?recipe=show-contact&id=c1&run=1");
    expect(cellLink(column("Job"), job)).toBe("/recipes?recipe=show-job&job_number=1043&run=1");
    expect(cellLink(column("Contact"), { ...job, primary: null })).toBeNull();
  });

  it("makes CSV rows with the column labels", () => {
    expect(csvRows(jobs, [job], people)[0]).toMatchObject({ Job: "#1043", Contact: "Ann Lee", "Sales rep": "Dana Reyes", "Approved estimate": "$12,500.50" });
  });

  it("says how many there are, or what was done", () => {
    expect(successMessage(jobs, {}, [job], 52)).toBe("Showing 1 of 52 jobs.");
    expect(successMessage(jobs, {}, [job], 1)).toBe("1 job.");
    expect(successMessage(recipe("create-contact"), {}, [{ display_name: "Jane Doe" }], null)).toBe("Created contact Jane Doe.");
    expect(successMessage(recipe("change-job-status"), { job: { number: "1043" } }, [{ status_name: "Sold" }], null)).toBe("Job #1043 is now Sold.");
  });
});

describe("failures in the recipe's own terms", () => {
  const jp = (status: number, extra: Record<string, unknown> = {}) => ({ type: `https://api.jobnimbus.com/problems/x`, status, ...extra });

  it("an empty search and a missing job", () => {
    const find = recipe("find-contact");
    expect(fillText(find.messages.empty!, scopeFor(find, { q: "Smith" }))).toBe(
      "No active contact matches 'Smith'. Check the spelling, or try part of the name or of the phone number.",
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
