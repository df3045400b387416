// The endpoint catalogue: the shipped document of what JobNimbus publicly documents, its operations grouped
// by tag and searchable, each naming its sources; checked forms that fill the composer; an administrator's
// uploaded documents (JSON or YAML; the ones here are examples, not JobNimbus) that are kept; broken ones explained.
import type { Page, Response } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { ConsolePage } from "../support/pages/console";
import { readMock } from "../support/mock";
import { proxyCalls } from "../support/proxy-calls";

/** An example document, not JobNimbus's: a made-up scheduling service to upload. */
const UPLOAD = {
  openapi: "3.1.0",
  info: { title: "Example scheduling (not JobNimbus)", version: "2.0" },
  paths: {
    "/example/v1/tasks": {
      get: {
        operationId: "dueTasks",
        tags: ["Schedule"],
        summary: "Tasks due from a date",
        parameters: [
          { name: "from_date", in: "query", required: true, description: "The first day to include.", schema: { type: "string", format: "date" } },
          { name: "status", in: "query", schema: { type: "string", enum: ["open", "done"] } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50 } },
        ],
      },
    },
  },
};

/** The same kind of document in YAML, as people write it: comments, a flow mapping, an anchor. */
const UPLOAD_YAML = `# Field crew schedule: an example, not JobNimbus
openapi: 3.0.3
info:
  title: Example crew schedule (not JobNimbus)
  version: "3.1"
paths:
  /example/v1/tasks:
    get:
      operationId: crewTasks
      tags: [Crew]
      summary: Crew tasks on a day
      parameters:
        - name: on_day
          in: query
          required: true
          description: The day the crew works.
          schema: {type: string, format: date}
        - &kind
          name: kind
          in: query
          schema: {type: string, enum: [Inspection, Install, Repair]}
  /example/v1/jobs:
    get:
      tags: [Crew]
      summary: Crew jobs
      parameters: [*kind]
`;

/** The text of every script the page loads from now on. */
function scriptsLoaded(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on("response", (response: Response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text().catch(() => ""));
  });
  return bodies;
}
// A message only the YAML parser's code holds: seeing it in a script means the parser was loaded.
const YAML_PARSER_MARK = "Nested mappings are not allowed in compact mappings";

const SHIPPED = /^JobNimbus APIs \(public sources\) 2025\.1/;

test("the shipped document's operations are grouped by tag and searchable, each naming its sources; picking one fills the composer and a form", async ({ page, signInAs, browserLog }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("catalog");
  const { catalog } = consolePage;
  await expect(catalog.source).toHaveText(SHIPPED);
  for (const tag of ["Contacts", "Jobs", "Tasks", "Activities", "Files", "Account", "Products and orders", "Uploads (Platform API)"]) await expect(catalog.group(tag)).toBeVisible();
  await expect(catalog.operations.getByRole("button", { name: /^(DELETE|PATCH) / }), "JobNimbus documents no DELETE or PATCH").toHaveCount(0);

  await catalog.search.fill("deactivate job");
  await expect(catalog.group("Contacts")).toHaveCount(0);
  await expect(catalog.operation("Update, move or deactivate a job", "Jobs")).toBeVisible();
  await catalog.search.fill("");

  await catalog.operation("List jobs", "Jobs").click();
  await expect(catalog.form.getByRole("heading")).toHaveText("GET List jobs");
  await expect(catalog.sources).toContainText("SDK:37303474342: JobNimbus's collection text, copied word for word into a generated SDK");
  await expect(catalog.sources).toContainText("AB: Airbyte's JobNimbus connector");
  await expect(consolePage.composer.upstream).toHaveValue("legacy");
  await expect(consolePage.composer.method).toHaveValue("GET");
  await expect(consolePage.composer.path).toHaveValue("jobs?size=1000&from=0&sort_field=date_created&sort_direction=desc");
  await expect(catalog.field("sort_direction").locator("option")).toHaveText(["(any)", "asc", "desc"]);
  await expect(catalog.form.getByText("How many records to return (default 1000; no maximum is documented).")).toBeVisible();
  await expect(catalog.field("size")).toHaveAttribute("type", "number");
  await catalog.field("sort_direction").selectOption("asc");
  await expect(consolePage.composer.path).toHaveValue("jobs?size=1000&from=0&sort_field=date_created&sort_direction=asc");

  await catalog.field("size").fill("0");
  const calls = proxyCalls(page);
  await catalog.send.click();
  await expect(catalog.formErrors).toHaveText(/size must be 1 or more/);
  expect(calls, "nothing sent while the form has errors").toHaveLength(0);
  await catalog.field("size").fill("5");
  await catalog.send.click();
  await expect(consolePage.answer.status).toHaveText("200");
  expect(new URL(calls[0]!.url()).search).toBe("?size=5&from=0&sort_field=date_created&sort_direction=asc");
  expect(calls[0]!.headers()["x-console-upstream"]).toBe("legacy");

  // A path parameter is required, marked so, and checked before sending.
  await catalog.operation("Get one job", "Jobs").click();
  await expect(catalog.field("jnid")).toHaveAttribute("required", "");
  await catalog.send.click();
  await expect(catalog.formErrors).toHaveText(/jnid is required/);
  expect(calls.filter((c) => new URL(c.url()).pathname.startsWith("/api/proxy/jobs")), "only the list went out").toHaveLength(1);
  await expect(catalog.form, "one operation form at a time").toHaveCount(1);
  expect(browserLog.violations).toEqual([]);
});

test("a write from the catalogue: the documented required fields, dates as date pickers sent as unix seconds, then the confirmation", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("catalog-write");
  const { catalog } = consolePage;
  const dialog = consolePage.confirmWrite;
  const { results } = await readMock<{ results: { jnid: string }[] }>("/api1/jobs?size=1");
  await catalog.operation("Create a task", "Tasks").click();
  await expect(catalog.sources).toContainText("SDK:36955068230");
  for (const name of ["title", "date_start", "record_type_name"]) await expect(catalog.field(name).first()).toHaveAttribute("required", "");
  await expect(catalog.field("date_start")).toHaveAttribute("type", "date");
  await catalog.send.click();
  await expect(catalog.formErrors).toHaveText(/title is required/);

  await catalog.field("title").fill("Inspect the ridge vent");
  await catalog.field("date_start").fill("2030-05-17");
  await catalog.field("record_type_name").fill("Inspection");
  await catalog.field("related").fill(JSON.stringify([{ id: results[0]!.jnid }]));
  await expect(consolePage.composer.method).toHaveValue("POST");
  await catalog.send.click();
  await dialog.expectAsking("Create task Inspect the ridge vent");
  await expect(dialog.details).toContainText("record_type_name: Inspection");
  const answered = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/proxy/tasks");
  await dialog.confirm.click();
  const res = await answered;
  // The legacy API answers a create with 200 and the record.
  expect(res.status()).toBe(200);
  await expect(consolePage.answer.status).toHaveText("200");
  const task = await consolePage.answer.bodyJson<{ title: string; date_start: number; record_type_name: string }>();
  expect(task).toMatchObject({ title: "Inspect the ridge vent", record_type_name: "Inspection" });
  expect(new Date(task.date_start * 1000).getFullYear()).toBe(2030);
});

test("an uploaded OpenAPI document, JSON or YAML, builds its own forms; the YAML parser loads only for an upload", async ({ page, signInAs }) => {
  const scripts = scriptsLoaded(page);
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("catalog-upload");
  const { catalog } = consolePage;
  await expect(catalog.source).toBeVisible();
  expect(scripts.length, "the console page loaded its scripts").toBeGreaterThan(0);
  expect((await Promise.all(scripts)).some((text) => text.includes(YAML_PARSER_MARK)), "no YAML parser in the console page's own scripts").toBe(false);

  await catalog.uploadJson("scheduling.json", UPLOAD);
  await expect(catalog.source).toHaveText("Example scheduling (not JobNimbus) 2.0");
  await expect(catalog.uploaded).toContainText("Uploaded: scheduling.json, 1 operation.");
  await expect(catalog.group("Contacts")).toHaveCount(0);
  await catalog.operation("Tasks due from a date", "Schedule").click();
  await expect(catalog.field("from_date")).toHaveAttribute("type", "date");
  await expect(catalog.field("from_date")).toHaveAttribute("required", "");
  await expect(catalog.form.getByText("The first day to include.")).toBeVisible();
  await expect(catalog.field("status").locator("option")).toHaveText(["(any)", "open", "done"]);
  await catalog.send.click();
  await expect(catalog.formErrors).toHaveText(/from_date is required/);
  await catalog.field("from_date").fill("2025-06-09");
  await catalog.field("status").selectOption("open");
  await expect(consolePage.composer.path).toHaveValue("example/v1/tasks?from_date=2025-06-09&status=open");
  await expect(catalog.sources).toHaveText("The OpenAPI document does not say where this description comes from.");
  expect((await Promise.all(scripts)).some((text) => text.includes(YAML_PARSER_MARK)), "the document reader came with the upload").toBe(true);

  await catalog.uploadYaml("crew.yaml", UPLOAD_YAML);
  await expect(catalog.source).toHaveText("Example crew schedule (not JobNimbus) 3.1");
  await expect(catalog.uploaded).toContainText("Uploaded: crew.yaml, 2 operations.");
  await expect(catalog.group("Schedule")).toHaveCount(0);
  await catalog.operation("Crew tasks on a day", "Crew").click();
  await expect(catalog.field("on_day")).toHaveAttribute("type", "date");
  await expect(catalog.field("on_day")).toHaveAttribute("required", "");
  await expect(catalog.form.getByText("The day the crew works.")).toBeVisible();
  await expect(catalog.field("kind").locator("option")).toHaveText(["(any)", "Inspection", "Install", "Repair"]);
  // The anchored parameter is the jobs operation's too.
  await catalog.operation("Crew jobs", "Crew").click();
  await expect(catalog.field("kind").locator("option")).toHaveText(["(any)", "Inspection", "Install", "Repair"]);
  await catalog.field("kind").selectOption("Repair");
  await expect(consolePage.composer.path).toHaveValue("example/v1/jobs?kind=Repair");

  await catalog.backToServer.click();
  await expect(catalog.source).toHaveText(SHIPPED);
  await expect(catalog.uploaded).toHaveCount(0);
});

test("an uploaded document outlives the tab until someone goes back to the server's catalogue", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("catalog-kept");
  const { catalog } = consolePage;
  await expect(catalog.source).toHaveText(SHIPPED);
  await catalog.uploadYaml("crew.yaml", UPLOAD_YAML);
  await expect(catalog.uploaded).toHaveText(/^Uploaded: crew\.yaml, 2 operations\. Kept in this browser: it will still be here on your next visit\./);

  await page.reload();
  await expect(catalog.uploaded).toHaveText(/^Uploaded: crew\.yaml, 2 operations\. Kept in this browser from your last visit\./);
  await expect(catalog.source).toHaveText("Example crew schedule (not JobNimbus) 3.1");
  await expect(catalog.group("Contacts")).toHaveCount(0);
  await catalog.operation("Crew tasks on a day", "Crew").click();
  await expect(catalog.field("on_day")).toHaveAttribute("type", "date");

  // Another visit, another tab: the same document.
  const other = await page.context().newPage();
  await other.goto("/");
  await expect(new ConsolePage(other).catalog.uploaded).toContainText("Uploaded: crew.yaml, 2 operations.");
  await other.close();

  await catalog.backToServer.click();
  await expect(catalog.source).toHaveText(SHIPPED);
  await expect(catalog.uploaded).toHaveCount(0);
  await page.reload();
  await expect(catalog.source).toHaveText(/^JobNimbus APIs \(public sources\) 2025\.1 · from the console's OpenAPI document/);
  await expect(catalog.group("Contacts")).toBeVisible();
  await expect(catalog.uploaded).toHaveCount(0);
});

test("a malformed document is explained, naming what is wrong, and the console keeps working", async ({ signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("catalog-bad");
  const { catalog } = consolePage;
  await expect(catalog.source).toBeVisible();

  const broken = structuredClone(UPLOAD) as { paths: Record<string, { get: { parameters: { in: string }[] } }> };
  broken.paths["/example/v1/tasks"]!.get.parameters[1]!.in = "body";
  await catalog.uploadJson("broken.json", broken);
  await expect(catalog.uploadError).toHaveText(
    'That document cannot be used: broken.json: paths["/example/v1/tasks"].get.parameters[1].in must be one of "path", "query", "header", "cookie". The catalogue shown has not changed.',
  );
  await expect(catalog.source).toHaveText(SHIPPED);

  await catalog.uploadYaml("crew.yaml", UPLOAD_YAML.replace("      summary: Crew jobs\n", "      summary: Crew jobs\n      tags: [Again]\n"));
  await expect(catalog.uploadError).toHaveText(
    "That document cannot be used: crew.yaml is not valid YAML: the same key appears twice in one mapping at line 26, column 7. The catalogue shown has not changed.",
  );
  await catalog.uploadJson("half.json", '{\n  "openapi": "3.0.3",\n  "info": {"title": "x"\n');
  await expect(catalog.uploadError).toContainText("half.json is not valid JSON: Expected ',' or '}', found end of input at line 4, column 1");
  await catalog.uploadJson("swagger.json", { swagger: "2.0", info: { title: "old", version: "1" }, paths: {} });
  await expect(catalog.uploadError).toContainText("is a Swagger 2.0 document");

  await consolePage.sendRequest("GET", "contacts?size=2");
  await expect(consolePage.answer.status).toHaveText("200");
});

test("when the server's document is unusable the catalogue says why and the rest of the console works", async ({ page, signInAs }) => {
  await page.route("**/api/catalog", (route) =>
    route.fulfill({
      status: 503,
      headers: { "content-type": "application/problem+json" },
      body: JSON.stringify({ type: "/problems/catalog-unavailable", title: "The endpoint catalogue is not available", status: 503, detail: "OPENAPI_SPEC (bad.json): info.version is missing" }),
    }),
  );
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("catalog-down");
  const { catalog } = consolePage;
  await expect(catalog.error).toHaveText(/^The endpoint catalogue is not available: OPENAPI_SPEC \(bad\.json\): info\.version is missing\. Everything else works/);
  await consolePage.sendRequest("GET", "contacts?size=1");
  await expect(consolePage.answer.status).toHaveText("200");
  await catalog.uploadJson("scheduling.json", UPLOAD);
  await expect(catalog.operation("Tasks due from a date", "Schedule")).toBeVisible();
  await expect(catalog.error).toHaveCount(0);
});
