// Problems in plain words: JobNimbus's and the console's own Problem Details as a card under one or two
// sentences (401, 403, 404, 422, 429 with a countdown); an HTML 502 shown as text; a network failure.
import { DEMO_READONLY_KEY } from "../../mock/keys.mjs";
import { expect, test } from "../support/fixtures";
import { freshTestKey } from "../support/mock";
import type { ConsolePage } from "../support/pages/console";
import { ProblemPage } from "../support/pages/problem";

const JOBNIMBUS_PROBLEMS = "https://api.jobnimbus.com/problems/";

async function withKey(signInAs: (user: "editor") => Promise<ConsolePage>, key: string) {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("Mock", key);
  return consolePage;
}

test("a JobNimbus 404: card with title, status, detail, instance and a link for the type, under plain words", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("p404"));
  await consolePage.call("GET", "crm/v1/contacts/doesnotexist");
  await expect(consolePage.answer.status).toHaveText("404");
  await expect(consolePage.answer.view("Problem")).toHaveAttribute("aria-selected", "true");

  const card = consolePage.answer.problem;
  await expect(card).toBeVisible();
  await expect(consolePage.answer.problemExplanation).toHaveText(
    "JobNimbus has nothing at this address: the record may have been deleted, or the id or path is wrong.",
  );
  await expect(card.getByRole("heading", { name: "Not Found" })).toBeVisible();
  await expect(consolePage.answer.problemValue("Status")).toHaveText("404");
  await expect(consolePage.answer.problemValue("Detail")).toContainText("doesnotexist");
  await expect(consolePage.answer.problemValue("Instance")).toHaveText("/crm/v1/contacts/doesnotexist");
  const type = card.getByRole("link", { name: `${JOBNIMBUS_PROBLEMS}not-found` });
  await expect(type).toHaveAttribute("href", `${JOBNIMBUS_PROBLEMS}not-found`);
  await expect(type).toHaveAttribute("rel", /noopener/);
});

test("a 422 lists each invalid field in words, with the plain sentence above the card", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("p422"));
  await consolePage.call("POST", "crm/v1/contacts", { body: "{}" });
  await expect(consolePage.answer.status).toHaveText("422");
  await expect(consolePage.answer.meaning).toHaveText(/^Not accepted/);
  await expect(consolePage.answer.problemExplanation).toHaveText(/some values are not valid\. The list below says which fields to fix\./);
  await expect(consolePage.answer.problem.getByRole("heading", { name: "Validation Error" })).toBeVisible();
  await expect(consolePage.answer.problemValue("Status")).toHaveText("422");
  await expect(consolePage.answer.problemValue("Instance")).toHaveText("/crm/v1/contacts");
  await expect(consolePage.answer.problem.getByRole("link", { name: `${JOBNIMBUS_PROBLEMS}validation-error` })).toBeVisible();
  // `errors` as a readable list: "field: message" items, not JSON.
  const errors = consolePage.answer.problemValue("errors").getByRole("listitem");
  await expect(errors.first()).toHaveText("first_name: first_name or display_name is required.");
  await expect(consolePage.answer.problemValue("errors")).not.toContainText("{");
});

test("a 401 (a key JobNimbus does not accept) says to get a new key from Settings > API Keys", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, "invalid-key-12345678");
  await consolePage.call("GET", "crm/v1/contacts?limit=1");
  await expect(consolePage.answer.status).toHaveText("401");
  await expect(consolePage.answer.problemExplanation).toHaveText(
    "This API key is missing or no longer valid; ask whoever manages JobNimbus for a new key (Settings > API Keys) and replace it here.",
  );
  await expect(consolePage.answer.problem.getByRole("heading", { name: "Unauthorized" })).toBeVisible();
});

test("a 403 (the read-only demo key on a POST) says the key works but its access profile does not allow it", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, DEMO_READONLY_KEY);
  await consolePage.call("GET", "crm/v1/contacts?limit=1");
  await expect(consolePage.answer.status, "the read-only key can read").toHaveText("200");
  await consolePage.call("POST", "crm/v1/contacts", { body: '{"first_name":"Ann"}' });
  await expect(consolePage.answer.status).toHaveText("403");
  await expect(consolePage.answer.problemExplanation).toHaveText(/^The key works, but its access profile does not allow this action\./);
  await expect(consolePage.answer.problem.getByRole("heading", { name: "Forbidden" })).toBeVisible();
});

test("a 429 shows a live countdown from Retry-After that goes down", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("p429"));
  const res = await consolePage.call("GET", "crm/v1/contacts?simulate=rate-limit");
  expect(res.headers()["retry-after"]).toBe("5");
  await expect(consolePage.answer.status).toHaveText("429");
  await expect(consolePage.answer.problemExplanation).toHaveText(/Wait for the countdown to end/);
  const { answer } = consolePage;
  await expect(answer.countdown).toHaveText(/^You can try again in [345] seconds\.$/);
  const first = await answer.secondsLeft();
  await expect.poll(() => answer.secondsLeft(), { timeout: 4_000 }).toBeLessThan(first);
  await expect.poll(() => answer.secondsLeft(), { timeout: 4_000 }).toBeLessThan(first - 1);
  // Extension members are on the card too.
  await expect(consolePage.answer.problemValue("retry_after")).toHaveText("5");
});

test("an HTML 502 page is shown as text and never rendered as HTML", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("p502"));
  await consolePage.call("GET", "crm/v1/contacts?simulate=html-error");
  await expect(consolePage.answer.status).toHaveText("502");
  await expect(consolePage.answer.problem).toHaveCount(0);
  await expect(consolePage.answer.problemExplanation).toHaveText(/problem on its side\. This is not something you did/);
  await expect(consolePage.answer.view("Text")).toHaveAttribute("aria-selected", "true");
  await expect(consolePage.answer.raw).toContainText("<center><h1>502 Bad Gateway</h1></center>");
  await expect(consolePage.answer.raw).toContainText("<hr><center>nginx</center>");
  // None of the page's elements exist: it was text all along.
  await expect(page.locator("center")).toHaveCount(0);
  await expect(page.locator("body hr")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "502 Bad Gateway" })).toHaveCount(0);
  await expect(page).toHaveTitle("JobNimbus Console");
  expect(await consolePage.answer.raw.evaluate((el) => el.children.length)).toBe(0);
});

test("a network failure is explained in words, not as a status", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("pnet"));
  await page.route("**/api/proxy/crm/v1/contacts?limit=2", (route) => route.abort("connectionreset"));
  await consolePage.composer.path.fill("crm/v1/contacts?limit=2");
  await consolePage.composer.send.click();
  await expect(consolePage.answer.problemExplanation).toHaveText(/could not be reached: check your internet connection/);
  await expect(consolePage.answer.status).toHaveText("—");
});

test("the console's own problem (no key saved) links to a page on the console that explains it", async ({ page, context, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.call("GET", "crm/v1/contacts?limit=1");
  await expect(consolePage.answer.problem).toBeVisible();
  await expect(consolePage.answer.problem.getByRole("heading", { name: "No API key saved" })).toBeVisible();
  await expect(consolePage.answer.problemExplanation).toContainText("Settings > API Keys");
  const link = consolePage.answer.problem.getByRole("link", { name: /\/problems\/no-api-key$/ });
  await expect(link).toHaveAttribute("href", /^(https?:\/\/[^/]+)?\/problems\/no-api-key$/);

  const [opened] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe("/problems/no-api-key");
  const explained = new ProblemPage(opened);
  await expect(explained.heading).toHaveText("No API key saved");
  await expect(explained.main).toContainText("Settings > API Keys");
  await expect(explained.backToConsole).toBeVisible();
  expect(page.url()).toMatch(/\/$/);
});
