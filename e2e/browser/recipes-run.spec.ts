// Recipes against the mock of JobNimbus's documented legacy API: every shipped recipe runs, with its
// choices read from the account (workflows, statuses of the job's own workflow, types, team members),
// team members named and dates shown as dates; results link records, download as CSV and page by
// size/from; writes are confirmed in words ("Move job #1043 from Estimating to Sold", a typed name
// before a deactivation); failures are told in the recipe's own words; Cancel stops a run.
import { readFileSync } from "node:fs";
import { expect, test } from "../support/fixtures";
import { MOCK_ORIGIN, readMock } from "../support/mock";
import { proxyCalls } from "../support/proxy-calls";

const shipped = JSON.parse(readFileSync(new URL("../../recipes.json", import.meta.url), "utf8")) as { recipes: { id: string; name: string }[] };

type Settings = { workflows: { object_type: string; name: string; status: { name: string }[] }[]; activityTypes: { TypeName: string }[]; taskTypes: { TypeName: string }[] };
type User = { id: string; first_name: string; last_name: string; email: string; is_active: boolean };
type Job = { jnid: string; number: string; name: string };

const account = async () => ({
  settings: await readMock<Settings>("/api1/account/settings"),
  users: (await readMock<{ users: User[] }>("/api1/account/users")).users,
});
const statusesOf = (settings: Settings, type: string, name: string) => settings.workflows.find((w) => w.object_type === type && w.name === name)!.status.map((s) => s.name);
const fullName = (user: User) => `${user.first_name} ${user.last_name}`;
const filterQuery = (filter: unknown) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** An active job in a workflow and status, straight from the mock, for a test that changes it. */
async function jobIn(workflow: string, status: string): Promise<Job> {
  const filter = { must: [{ term: { record_type_name: workflow } }, { term: { status_name: status } }, { term: { is_active: true } }] };
  const { results } = await readMock<{ results: Job[] }>(`/api1/jobs?size=50&${filterQuery(filter)}`);
  expect(results.length, `an active ${workflow} job in ${status}`).toBeGreaterThan(0);
  return results[0]!;
}

test("the recipes page lists every shipped recipe, under the same header as the console", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  const label = await consolePage.keys.addFreshKey("list");
  await consolePage.header.recipesLink.click();
  await page.waitForURL(/\/recipes$/);
  for (const recipe of shipped.recipes) await expect(recipes.list.getByRole("link", { name: new RegExp(recipe.name.replace(/[()]/g, "\\$&")) })).toBeVisible();
  await expect(recipes.header.whoami).toContainText("editor@test.local");
  await expect(recipes.header.role).toHaveText("editor");
  await expect(recipes.header.activeKey).toContainText(label);
  await recipes.list.getByRole("link", { name: /Find a contact/ }).click();
  await expect(recipes.heading).toHaveText("Find a contact");
});

test("every shipped recipe runs against the mock API, with the account's own choices and names", async ({ page, signInAs, browserLog, recipesPage: recipes }) => {
  test.setTimeout(120_000);
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("every");
  const { settings, users } = await account();
  const team = new Set(users.map(fullName));
  const marcus = users.find((u) => u.email.startsWith("marcus@"))!;
  const ran = new Set<string>();

  await recipes.open("find-contact");
  await recipes.field("Name, email or phone").fill("Martinez");
  await recipes.runAndWait();
  await expect(recipes.table.locator("caption")).toHaveText("Contacts matching 'Martinez'");
  expect(await recipes.rows.count()).toBeGreaterThan(0);
  expect((await recipes.column("Name")).some((name) => /martinez/i.test(name))).toBe(true);
  // Sales reps by name, not by id, once the team is read.
  await expect.poll(async () => (await recipes.column("Sales rep")).filter(Boolean).every((rep) => team.has(rep))).toBe(true);
  ran.add("find-contact");

  // A contact's name opens "Show a contact", which runs at once.
  const first = (await recipes.column("Name"))[0]!;
  await recipes.table.getByRole("link", { name: first, exact: true }).first().click();
  await expect(recipes.heading).toHaveText("Show a contact");
  await expect(recipes.rows).toHaveCount(1);
  await expect(recipes.table).toContainText(first);
  ran.add("show-contact");

  // Create a contact: its type and status are the account's contact workflows and that workflow's statuses.
  const company = `Hail Repair ${Date.now().toString(36)}`;
  await recipes.open("create-contact");
  await expect.poll(() => recipes.choices("Type")).toEqual(settings.workflows.filter((w) => w.object_type === "contact").map((w) => w.name));
  await recipes.field("First name").fill("Robin");
  await recipes.field("Company").fill(company);
  await recipes.field("Type").selectOption("Customer");
  expect(await recipes.choices("Status")).toEqual(statusesOf(settings, "contact", "Customer"));
  await recipes.field("Status").selectOption("Active");
  await recipes.field("Lead source").selectOption("Referral");
  await recipes.review.click();
  await recipes.confirm.expectAsking(`Create contact Robin ${company}`);
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText(/^Created contact .+\.$/);
  await expect(recipes.table).toContainText("Customer");
  ran.add("create-contact");

  // Deactivate it: JobNimbus's delete, confirmed by typing the contact's name.
  await recipes.table.getByRole("link").first().click();
  await expect(recipes.heading).toHaveText("Show a contact");
  const name = (await recipes.rows.first().locator("td").first().textContent())!;
  await recipes.table.getByRole("link", { name: "Deactivate this contact…" }).click();
  await expect(recipes.heading).toHaveText("Deactivate a contact");
  await expect(recipes.preview).toHaveText(`${name} (Customer, Active)`);
  await recipes.review.click();
  await recipes.confirm.expectAsking(`Deactivate contact ${name}`);
  await expect(recipes.confirm.confirm, "not before the name is typed").toBeDisabled();
  await recipes.confirm.typed.fill(name);
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText(`${name} is deactivated. JobNimbus keeps the record, marked inactive.`);
  await expect(recipes.table).toContainText("No");
  ran.add("deactivate-contact");

  await recipes.open("find-job");
  await recipes.field("Job number, name or address").fill("#1043");
  await recipes.runAndWait();
  expect(await recipes.column("Job")).toContain("#1043");
  ran.add("find-job");

  await recipes.table.getByRole("link", { name: "#1043", exact: true }).click();
  await expect(recipes.heading).toHaveText("Show a job");
  await expect(recipes.table.locator("caption")).toHaveText("Job #1043");
  await expect(recipes.table).toContainText("Residential Roofing");
  ran.add("show-job");

  // Change a job's status: the job is read first; only its workflow's statuses are offered.
  const job = await jobIn("Residential Roofing", "Estimating");
  await recipes.open("change-job-status");
  await recipes.field("Job number").fill(job.number);
  await expect(recipes.preview).toHaveText(`Job #${job.number}: ${job.name} (Residential Roofing), now Estimating`);
  await expect.poll(() => recipes.choices("New status")).toEqual(statusesOf(settings, "job", "Residential Roofing"));
  await recipes.field("New status").selectOption("Sold");
  await recipes.review.click();
  await recipes.confirm.expectAsking(`Move job #${job.number} from Estimating to Sold`);
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText(`Job #${job.number} is now Sold.`);
  ran.add("change-job-status");

  await recipes.open("jobs-in-status");
  await recipes.field("Workflow").selectOption("Residential Roofing");
  expect(await recipes.choices("Status")).toEqual(statusesOf(settings, "job", "Residential Roofing"));
  await recipes.field("Status").selectOption("Completed");
  await recipes.runAndWait();
  await expect(recipes.table.locator("caption")).toHaveText("Residential Roofing jobs in 'Completed'");
  expect(new Set(await recipes.column("Job")).size).toBe(await recipes.rows.count());
  await expect(recipes.message).toHaveText(/^(Showing 25 of \d+ jobs\.|\d+ jobs?\.)$/);
  ran.add("jobs-in-status");

  const note = `Called the homeowner ${Date.now().toString(36)}`;
  await recipes.open("add-job-note");
  await recipes.field("Job number").fill("#1043");
  await expect.poll(() => recipes.choices("Kind")).toEqual(settings.activityTypes.map((t) => t.TypeName));
  await expect(recipes.field("Kind")).toHaveValue("Note");
  await recipes.field("Note").fill(note);
  await recipes.review.click();
  await recipes.confirm.expectAsking(/^Add a note to job #1043 \(.+\)$/);
  await expect(recipes.confirm.details).toContainText(`Note: ${note}`);
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText("Note added to job #1043.");
  await expect(recipes.table).toContainText(note);
  ran.add("add-job-note");
  // The note's job opens the job's activity, where the note now is, newest first, by the owner (no actor).
  await recipes.table.getByRole("link").first().click();
  await expect(recipes.heading).toHaveText("A job's recent activity");
  await expect(recipes.rows.first()).toContainText(note);
  expect(await recipes.rows.count()).toBeGreaterThanOrEqual(6);
  await expect.poll(async () => team.has((await recipes.column("By"))[0]!)).toBe(true);
  ran.add("job-activity");

  const title = `Measure the ridge ${Date.now().toString(36)}`;
  await recipes.open("add-job-task");
  await recipes.field("Job number").fill("1043");
  await expect.poll(() => recipes.choices("Task type")).toEqual(settings.taskTypes.map((t) => t.TypeName));
  await recipes.field("Task type").selectOption("Inspection");
  await recipes.field("Title").fill(title);
  await recipes.field("Day").fill("2020-01-02");
  await recipes.field("Assign to").selectOption({ label: fullName(marcus) });
  await recipes.review.click();
  await recipes.confirm.expectAsking(new RegExp(`^Add the task '${title}' to job #1043 \\(.+\\)$`));
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText("Task added to job #1043.");
  await expect(recipes.table).toContainText(fullName(marcus));
  await expect(recipes.table).toContainText(new Date(2020, 0, 2).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" }));
  ran.add("add-job-task");

  // The team member's open tasks, earliest first: the one just planned for 2020 leads.
  await recipes.open("open-tasks");
  await expect.poll(() => recipes.choices("Team member")).toEqual(users.filter((u) => u.is_active).map(fullName));
  await recipes.field("Team member").selectOption({ label: fullName(marcus) });
  await recipes.runAndWait();
  expect((await recipes.column("Task"))[0]).toBe(title);
  expect((await recipes.column("Assigned to")).every((names) => names.includes(fullName(marcus)))).toBe(true);
  ran.add("open-tasks");

  await recipes.open("all-contacts");
  await recipes.runAndWait();
  await expect(recipes.rows).toHaveCount(25);
  await expect(recipes.message).toHaveText(/^Showing 25 of [\d,]+ contacts\.$/);
  ran.add("all-contacts");

  expect([...ran].sort()).toEqual(shipped.recipes.map((r) => r.id).sort());
  // The recipes page runs under the same strict CSP as the console (zod jitless, no inline script).
  await page.waitForTimeout(250);
  expect(browserLog.cspMessages()).toEqual([]);
  expect(browserLog.violations).toEqual([]);
});

test("More results follows size/from with the total in count, as the legacy API pages", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("paging");
  const calls = proxyCalls(page);

  await recipes.open("jobs-in-status", { workflow: "Residential Roofing", status: "Completed" });
  await expect.poll(() => recipes.choices("Status")).not.toEqual([]);
  await recipes.runAndWait();
  await expect(recipes.rows).toHaveCount(25);
  const total = Number(/of (\d+) jobs/.exec((await recipes.message.textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(25);
  await recipes.more.click();
  await expect(recipes.rows).toHaveCount(Math.min(50, total));
  const jobs = calls.map((c) => new URL(c.url())).filter((u) => u.pathname === "/api/proxy/jobs");
  expect(jobs.map((u) => [u.searchParams.get("size"), u.searchParams.get("from")])).toEqual([
    ["25", "0"],
    ["25", "25"],
  ]);
  expect(calls.every((c) => c.headers()["x-console-upstream"] === "legacy")).toBe(true);
  expect(new Set(await recipes.column("Job")).size, "no job twice").toBe(Math.min(50, total));
  await expect(recipes.message).toHaveText(total > 50 ? `Showing 50 of ${total} jobs.` : `${total} jobs.`);
  await recipes.openDetails();
  await expect(recipes.paging).toHaveText("Pages by offset (size=25, from), the legacy API's way.");
});

test("a result downloads as CSV with the recipe's columns, and details show the raw request and answer", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("csv");
  await recipes.open("jobs-in-status", { workflow: "Residential Roofing", status: "Sold" });
  await expect.poll(() => recipes.choices("Status")).not.toEqual([]);
  await recipes.runAndWait();

  const downloading = page.waitForEvent("download");
  await recipes.csv.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("jobs-in-status.csv");
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Job,Name,Contact,Sales rep,Owners,Approved estimate,Updated");
  expect(lines).toHaveLength((await recipes.rows.count()) + 1);
  expect(lines[1]).toMatch(/^#\d{4},/);

  await expect(recipes.details).toBeVisible();
  await recipes.openDetails();
  const filter = { must: [{ term: { record_type_name: "Residential Roofing" } }, { term: { status_name: "Sold" } }, { term: { is_active: true } }] };
  await expect(recipes.requestLines).toHaveText(`GET ${MOCK_ORIGIN}/api1/jobs?${filterQuery(filter)}&sort_field=date_updated&sort_direction=desc&size=25&from=0`);
  await expect(recipes.details.getByTestId("response-status")).toHaveText("200");
  await expect(recipes.details.getByRole("link", { name: "Open this request in the console" })).toHaveAttribute("href", /\/\?r=/);
});

test("failures are told in the recipe's own words, with JobNimbus's answer one click away", async ({ signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("failures");

  await recipes.open("find-contact");
  await recipes.field("Name, email or phone").fill("Smithereens");
  await recipes.runAndWait();
  await expect(recipes.empty).toHaveText(/^No active contact matches 'Smithereens'\./);

  await recipes.open("job-activity");
  await recipes.field("Job number").fill("99999");
  await recipes.runAndWait();
  await expect(recipes.failureMessage).toHaveText("No job has the number '99999'.");

  await recipes.open("show-contact", { id: "nosuchid" });
  await recipes.runAndWait();
  await expect(recipes.failureMessage).toHaveText("No contact has the id 'nosuchid'. It may have been mistyped.");
  await expect(recipes.problem).toHaveCount(0);
  await recipes.showProblem.click();
  await expect(recipes.problem).toBeVisible();
  // The legacy API's {"status": 404, "body": "..."}, read like any problem.
  await expect(recipes.problem).toContainText('No contact has jnid "nosuchid"');

  // A key whose access profile is read-only: the mock's demo read-only key.
  await consolePage.goto();
  await consolePage.addKey("Read-only", "demo-readonly-3Vk8NwY1cZ6e");
  await recipes.open("create-contact");
  await recipes.field("First name").fill("Nobody");
  await expect.poll(() => recipes.choices("Type")).not.toEqual([]);
  await recipes.field("Type").selectOption("Lead");
  await recipes.field("Status").selectOption("New Lead");
  await recipes.review.click();
  await recipes.confirm.confirm.click();
  await expect(recipes.failureMessage).toHaveText(/^Your key's access profile can't create contacts\./);
  await recipes.showProblem.click();
  await expect(recipes.problem).toContainText("access profile does not allow POST");

});

test("an editor's recipe write is confirmed in words: Cancel sends nothing, Confirm creates the contact", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("recipe-write");
  const calls = proxyCalls(page);
  const writes = () => calls.filter((c) => c.method() !== "GET");
  const last = `Doe${Date.now().toString(36)}`;

  await recipes.open("create-contact");
  await expect(recipes.list.getByRole("link", { name: /Create a contact/ })).toContainText("you confirm first");
  await recipes.review.click();
  await expect(recipes.formErrors).toContainText("Type is required");
  await expect(recipes.formErrors).toContainText("Fill in at least one of First name, Last name or Company.");
  expect(writes()).toHaveLength(0);

  await recipes.field("First name").fill("Jane");
  await recipes.field("Last name").fill(last);
  await recipes.field("Email").fill("not-an-email");
  await expect.poll(() => recipes.choices("Type")).not.toEqual([]);
  await recipes.field("Type").selectOption("Customer");
  await recipes.field("Status").selectOption("Active");
  await recipes.review.click();
  await expect(recipes.formErrors).toContainText("Email must be an email address");
  await recipes.field("Email").fill("jane@example.com");
  // Another type clears the status: a status belongs to one workflow.
  await recipes.field("Type").selectOption("Lead");
  await expect(recipes.field("Status")).toHaveValue("");
  await recipes.field("Type").selectOption("Customer");
  await recipes.field("Status").selectOption("Active");
  await recipes.review.click();
  await recipes.confirm.expectAsking(`Create contact Jane ${last}`);
  await expect(recipes.confirm.details).toContainText("Type: Customer");
  await expect(recipes.confirm.details).toContainText("Status: Active");
  await recipes.confirm.cancel.click();
  await expect(recipes.note).toHaveText("Nothing was sent: you cancelled.");
  expect(writes(), "nothing sent after Cancel").toHaveLength(0);

  await recipes.review.click();
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText(`Created contact Jane ${last}.`);
  expect(writes().map((c) => c.method())).toEqual(["POST"]);
  expect(JSON.parse(writes()[0]!.postData() ?? "{}")).toEqual({ first_name: "Jane", last_name: last, email: "jane@example.com", record_type_name: "Customer", status_name: "Active" });
  await expect(recipes.rows).toHaveCount(1);
  // The new contact's name opens its record.
  await recipes.table.getByRole("link", { name: `Jane ${last}` }).click();
  await expect(recipes.heading).toHaveText("Show a contact");
  await expect(recipes.table).toContainText("jane@example.com");
  await expect(recipes.table).toContainText("Customer");
});

test("Refresh choices reads the account again: a status added in JobNimbus is offered at once", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("refresh");
  const calls = proxyCalls(page);
  await recipes.open("jobs-in-status");
  await recipes.field("Workflow").selectOption("Repair & Service");
  const before = await recipes.choices("Status");
  const added = `Waiting on parts ${Date.now().toString(36)}`;
  // Added in JobNimbus meanwhile (the documented POST /account/workflow/{id}/status).
  const { workflows } = await readMock<{ workflows: { id: number; name: string }[] }>("/api1/account/settings");
  const repair = workflows.find((w) => w.name === "Repair & Service")!;
  const res = await fetch(`${MOCK_ORIGIN}/api1/account/workflow/${repair.id}/status`, { method: "POST", headers: { authorization: "Bearer test-refresh-direct", "content-type": "application/json" }, body: JSON.stringify({ name: added }) });
  expect(res.status).toBe(200);

  // Kept for the sign-in and key: another visit does not read it again.
  await recipes.open("jobs-in-status");
  await recipes.field("Workflow").selectOption("Repair & Service");
  expect(await recipes.choices("Status")).toEqual(before);
  const reads = () => calls.filter((c) => new URL(c.url()).pathname === "/api/proxy/account/settings").length;
  expect(reads()).toBe(1);
  await recipes.refreshChoices.click();
  await expect.poll(() => recipes.choices("Status")).toEqual([...before, added]);
  expect(reads()).toBe(2);
});

test("Cancel stops a recipe waiting for JobNimbus, says it may have arrived, and the recipe runs again", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("cancel");
  const cancel = recipes.recipe.getByRole("button", { name: "Cancel", exact: true });

  await recipes.open("find-contact");
  await recipes.field("Name, email or phone").fill("Martinez");
  // JobNimbus never answers this call, so only Cancel can end it.
  const contacts = (url: URL) => url.pathname === "/api/proxy/contacts";
  await page.route(contacts, () => {});
  const failed = page.waitForEvent("requestfailed", (req) => contacts(new URL(req.url())));
  await recipes.run.click();
  await expect(recipes.busy).toHaveText("Asking JobNimbus…");
  await cancel.click();
  await failed;
  await expect(recipes.note).toHaveText("Cancelled. JobNimbus may or may not have received the request.");
  await expect(recipes.busy).toBeHidden();
  await expect(cancel).toHaveCount(0);
  await expect(recipes.failure).toHaveCount(0);
  await expect(recipes.details).toHaveCount(0);

  await page.unroute(contacts);
  await recipes.runAndWait();
  expect(await recipes.rows.count()).toBeGreaterThan(0);
  await expect(recipes.note).toHaveCount(0);
});
