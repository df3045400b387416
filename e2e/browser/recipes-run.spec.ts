// Recipes against the mock API: every shipped recipe runs; results link records, download as CSV and page
// as the OpenAPI document says; writes are confirmed in words; failures are told in the recipe's own words; Cancel stops a run.
import { readFileSync } from "node:fs";
import { expect, test } from "../support/fixtures";
import { MOCK_ORIGIN, readMock } from "../support/mock";
import { proxyCalls } from "../support/proxy-calls";

const shipped = JSON.parse(readFileSync(new URL("../../recipes.json", import.meta.url), "utf8")) as { recipes: { id: string; name: string }[] };

test("the recipes page lists every shipped recipe, under the same header as the console", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  const label = await consolePage.keys.addFreshKey("list");
  await consolePage.header.recipesLink.click();
  await page.waitForURL(/\/recipes$/);
  for (const recipe of shipped.recipes) await expect(recipes.list.getByRole("link", { name: new RegExp(recipe.name) })).toBeVisible();
  await expect(recipes.header.whoami).toContainText("editor@test.local");
  await expect(recipes.header.role).toHaveText("editor");
  await expect(recipes.header.activeKey).toContainText(label);
  await recipes.list.getByRole("link", { name: /Find a contact/ }).click();
  await expect(recipes.heading).toHaveText("Find a contact");
});

test("every shipped recipe runs against the mock API", async ({ page, signInAs, browserLog, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("every");
  const ran = new Set<string>();

  await recipes.open("find-contact");
  await recipes.field("Name or phone").fill("Martinez");
  await recipes.runAndWait();
  await expect(recipes.table.locator("caption")).toHaveText("Contacts matching 'Martinez'");
  expect(await recipes.rows.count()).toBeGreaterThan(0);
  expect((await recipes.column("Email")).some((email) => /martinez/i.test(email))).toBe(true);
  ran.add("find-contact");

  // A contact's name opens "Show a contact", which runs at once.
  const first = (await recipes.column("Name"))[0]!;
  await recipes.table.getByRole("link", { name: first, exact: true }).first().click();
  await expect(recipes.heading).toHaveText("Show a contact");
  await expect(recipes.rows).toHaveCount(1);
  await expect(recipes.table).toContainText(first);
  ran.add("show-contact");

  await recipes.open("jobs-in-status");
  await recipes.field("Status").selectOption("Completed");
  await recipes.runAndWait();
  expect(new Set(await recipes.column("Job")).size).toBe(await recipes.rows.count());
  await expect(recipes.message).toHaveText(/^(Showing 25 of \d+ jobs\.|\d+ jobs?\.)$/);
  ran.add("jobs-in-status");

  await recipes.open("tasks-this-week");
  await expect(recipes.field("Which tasks")).toHaveValue("false");
  await recipes.runAndWait();
  await expect(recipes.rows.first().or(recipes.empty)).toBeVisible();
  await expect(recipes.table.locator("caption").or(recipes.empty)).toHaveText(/Tasks due in the week of \d{4}-\d{2}-\d{2}|No tasks are due this week\./);
  ran.add("tasks-this-week");

  await recipes.open("job-activity");
  await recipes.field("Job number").fill("1043");
  await recipes.runAndWait();
  await expect(recipes.table.locator("caption")).toHaveText(/^Activity on job #1043: /);
  expect(await recipes.rows.count()).toBeGreaterThanOrEqual(6);
  ran.add("job-activity");

  await recipes.open("latest-activity");
  await recipes.field("Kind").selectOption("Call log");
  await recipes.runAndWait();
  await expect(recipes.table.locator("caption")).toHaveText("Latest activity");
  expect(new Set(await recipes.column("Kind"))).toEqual(new Set(["Call log"]));
  ran.add("latest-activity");

  const note = `Called the homeowner ${Date.now().toString(36)}`;
  await recipes.open("add-job-note");
  await recipes.field("Job number").fill("#1043");
  await recipes.field("Note").fill(note);
  await recipes.review.click();
  await recipes.confirm.expectAsking(/^Add a note to job #1043 \(.+\)$/);
  await expect(recipes.confirm.details).toContainText(`Note: ${note}`);
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText("Note added to job #1043.");
  await expect(recipes.table).toContainText(note);
  ran.add("add-job-note");
  // The note's job opens the job's activity, where the note now is, newest first.
  await recipes.table.getByRole("link").first().click();
  await expect(recipes.heading).toHaveText("Show a job's activity");
  await expect(recipes.rows.first()).toContainText(note);

  await recipes.open("create-contact");
  await recipes.field("First name").fill("Robin");
  await recipes.field("Company").fill(`Hail Repair ${Date.now().toString(36)}`);
  await recipes.review.click();
  await recipes.confirm.expectAsking("Create contact Robin");
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText(/^Created contact Hail Repair \w+\.$/);
  ran.add("create-contact");

  expect([...ran].sort()).toEqual(shipped.recipes.map((r) => r.id).sort());
  // The recipes page runs under the same strict CSP as the console (zod jitless, no inline script).
  await page.waitForTimeout(250);
  expect(browserLog.cspMessages()).toEqual([]);
  expect(browserLog.violations).toEqual([]);
});

test("More results follows limit/offset on the Platform API and size/from on the legacy API", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("paging");
  const calls = proxyCalls(page);

  await recipes.open("jobs-in-status", { status: "Completed" });
  await recipes.runAndWait();
  await expect(recipes.rows).toHaveCount(25);
  const total = Number(/of (\d+) jobs/.exec((await recipes.message.textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(25);
  await recipes.more.click();
  await expect(recipes.rows).toHaveCount(Math.min(50, total));
  const platform = calls.map((c) => new URL(c.url()));
  expect(platform.map((u) => [u.pathname, u.searchParams.get("limit"), u.searchParams.get("offset")])).toEqual([
    ["/api/proxy/crm/v1/jobs", "25", "0"],
    ["/api/proxy/crm/v1/jobs", "25", "25"],
  ]);
  expect(new Set(await recipes.column("Job")).size, "no job twice").toBe(Math.min(50, total));
  await expect(recipes.message).toHaveText(total > 50 ? `Showing 50 of ${total} jobs.` : `${total} jobs.`);

  calls.length = 0;
  await recipes.open("tasks-this-week");
  await recipes.field("Which tasks").selectOption("");
  await recipes.runAndWait();
  const shown = await recipes.rows.count();
  test.skip(shown < 25, "fewer than 25 tasks this week in the mock data");
  await recipes.more.click();
  await expect.poll(() => recipes.rows.count()).toBeGreaterThan(25);
  const legacy = calls.map((c) => new URL(c.url()));
  expect(legacy.map((u) => [u.pathname, u.searchParams.get("size"), u.searchParams.get("from")])).toEqual([
    ["/api/proxy/tasks", "25", "0"],
    ["/api/proxy/tasks", "25", "25"],
  ]);
  expect(calls.every((c) => c.headers()["x-console-upstream"] === "legacy")).toBe(true);
});

test("More results on the activity feed follows the cursor the OpenAPI document declares, not limit/offset", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("feed");
  const calls = proxyCalls(page);

  await recipes.open("latest-activity");
  await recipes.runAndWait();
  // 20 a page: the feed's limit parameter's default in the document, not the usual 25.
  await expect(recipes.rows).toHaveCount(20);

  // What the mock itself gives as the first two pages of the feed.
  const mock = (query: string) => readMock<{ results: { note: string }[]; next_cursor: string | null }>(`/crm/v1/activities/feed?${query}`);
  const first = await mock("limit=20");
  expect(first.next_cursor).toEqual(expect.any(String));
  const second = await mock(`limit=20&cursor=${first.next_cursor}`);
  expect(await recipes.column("Note")).toEqual(first.results.map((r) => r.note));

  await recipes.more.click();
  await expect(recipes.rows).toHaveCount(40);
  expect((await recipes.column("Note")).slice(20)).toEqual(second.results.map((r) => r.note));
  await expect(recipes.more, "the feed goes on").toBeVisible();

  const asked = calls.map((c) => new URL(c.url()));
  expect(asked.map((u) => [u.pathname, [...u.searchParams.entries()]])).toEqual([
    ["/api/proxy/crm/v1/activities/feed", [["limit", "20"]]],
    ["/api/proxy/crm/v1/activities/feed", [["limit", "20"], ["cursor", first.next_cursor]]],
  ]);

  await recipes.openDetails();
  await expect(recipes.paging).toHaveText("Pages by cursor (cursor, taken from next_cursor in each answer; limit=20), as the OpenAPI document says for activityFeed.");
  await expect(recipes.requestLines).toHaveText([
    `GET ${MOCK_ORIGIN}/crm/v1/activities/feed?limit=20`,
    `GET ${MOCK_ORIGIN}/crm/v1/activities/feed?limit=20&cursor=${first.next_cursor}`,
  ]);
});

test("a result downloads as CSV with the recipe's columns, and details show the raw request and answer", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("csv");
  await recipes.open("jobs-in-status", { status: "Sold" });
  await recipes.runAndWait();

  const downloading = page.waitForEvent("download");
  await recipes.csv.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("jobs-in-status.csv");
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Job,Name,Contact,Type,Sales rep,Approved estimate,Updated");
  expect(lines).toHaveLength((await recipes.rows.count()) + 1);
  expect(lines[1]).toMatch(/^#\d{4},/);

  await expect(recipes.details).toBeVisible();
  await recipes.openDetails();
  await expect(recipes.requestLines).toHaveText(
    `GET ${MOCK_ORIGIN}/crm/v1/jobs?status=Sold&sort=-date_updated&limit=25&offset=0`,
  );
  await expect(recipes.details.getByTestId("response-status")).toHaveText("200");
  await expect(recipes.details.getByRole("link", { name: "Open this request in the console" })).toHaveAttribute("href", /\/\?r=/);
});

test("failures are told in the recipe's own words, with the Problem Details one click away", async ({ signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("failures");

  await recipes.open("find-contact");
  await recipes.field("Name or phone").fill("Smithereens");
  await recipes.runAndWait();
  await expect(recipes.empty).toHaveText(/^No contact matches 'Smithereens'\./);

  await recipes.open("job-activity");
  await recipes.field("Job number").fill("99999");
  await recipes.runAndWait();
  await expect(recipes.failureMessage).toHaveText("No job has the number '99999'.");

  await recipes.open("show-contact", { id: "nosuchid" });
  await recipes.runAndWait();
  await expect(recipes.failureMessage).toHaveText("No contact has the id 'nosuchid'. It may have been deleted or merged.");
  await expect(recipes.problem).toHaveCount(0);
  await recipes.showProblem.click();
  await expect(recipes.problem).toBeVisible();
  await expect(recipes.problem).toContainText("Not Found");
  await expect(recipes.problem).toContainText('No contact has jnid "nosuchid"');

  // A key whose access profile is read-only: the mock's demo read-only key.
  await consolePage.goto();
  await consolePage.addKey("Read-only", "demo-readonly-3Vk8NwY1cZ6e");
  await recipes.open("create-contact");
  await recipes.field("First name").fill("Nobody");
  await recipes.review.click();
  await recipes.confirm.confirm.click();
  await expect(recipes.failureMessage).toHaveText(/^Your key's access profile can't create contacts\./);
  await recipes.showProblem.click();
  await expect(recipes.problem).toContainText("Forbidden");
  await expect(recipes.problem).toContainText("access profile does not allow POST");
});

test("an editor's recipe write is confirmed in words: Cancel sends nothing, Confirm creates the contact", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("recipe-write");
  const calls = proxyCalls(page);
  const last = `Doe${Date.now().toString(36)}`;

  await recipes.open("create-contact");
  await expect(recipes.list.getByRole("link", { name: /Create a contact/ })).toContainText("you confirm first");
  await recipes.review.click();
  await expect(recipes.formErrors).toContainText("First name is required");
  expect(calls).toHaveLength(0);

  await recipes.field("First name").fill("Jane");
  await recipes.field("Last name").fill(last);
  await recipes.field("Email").fill("not-an-email");
  await recipes.review.click();
  await expect(recipes.formErrors).toContainText("Email must be an email address");
  await recipes.field("Email").fill("jane@example.com");
  await recipes.field("Type").selectOption("Customer");
  await recipes.review.click();
  await recipes.confirm.expectAsking(`Create contact Jane ${last}`);
  await expect(recipes.confirm.details).toContainText("Type: Customer");
  await recipes.confirm.cancel.click();
  await expect(recipes.note).toHaveText("Nothing was sent: you cancelled.");
  expect(calls, "nothing sent after Cancel").toHaveLength(0);

  await recipes.review.click();
  await recipes.confirm.confirm.click();
  await expect(recipes.message).toHaveText(`Created contact Jane ${last}.`);
  expect(calls.map((c) => c.method())).toEqual(["POST"]);
  await expect(recipes.rows).toHaveCount(1);
  // The new contact's name opens its record.
  await recipes.table.getByRole("link", { name: `Jane ${last}` }).click();
  await expect(recipes.heading).toHaveText("Show a contact");
  await expect(recipes.table).toContainText("jane@example.com");
  await expect(recipes.table).toContainText("Customer");
});

test("Cancel stops a recipe waiting for JobNimbus, says it may have arrived, and the recipe runs again", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("cancel");
  const cancel = recipes.recipe.getByRole("button", { name: "Cancel", exact: true });

  await recipes.open("find-contact");
  await recipes.field("Name or phone").fill("Martinez");
  // JobNimbus never answers this call, so only Cancel can end it.
  const proxied = "**/api/proxy/**";
  await page.route(proxied, () => {});
  const failed = page.waitForEvent("requestfailed", (req) => new URL(req.url()).pathname.startsWith("/api/proxy/"));
  await recipes.run.click();
  await expect(recipes.busy).toHaveText("Asking JobNimbus…");
  await cancel.click();
  await failed;
  await expect(recipes.note).toHaveText("Cancelled. JobNimbus may or may not have received the request.");
  await expect(recipes.busy).toBeHidden();
  await expect(cancel).toHaveCount(0);
  await expect(recipes.failure).toHaveCount(0);
  await expect(recipes.details).toHaveCount(0);

  await page.unroute(proxied);
  await recipes.runAndWait();
  expect(await recipes.rows.count()).toBeGreaterThan(0);
  await expect(recipes.note).toHaveCount(0);
});
