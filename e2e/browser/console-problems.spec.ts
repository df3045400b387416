// Problems in plain words, whatever shape JobNimbus (or a server in front of it) answers with: the legacy
// API's {"status", "body"} (401, 403, 404, 400, 429 with a countdown), the Platform API's Problem Details,
// a {"message"} body, an errors object of field → messages with a traceId to quote, plain text, an HTML
// 502 shown as text, a network failure, and the console's own problems with a page that explains them.
import { DEMO_READONLY_KEY } from "../../mock/keys.mjs";
import { expect, test } from "../support/fixtures";
import { freshTestKey } from "../support/mock";
import type { ConsolePage } from "../support/pages/console";
import { ProblemPage } from "../support/pages/problem";

async function withKey(signInAs: (user: "editor") => Promise<ConsolePage>, key: string) {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("Mock", key);
  return consolePage;
}

test("the legacy API's 404 {status, body}: a card in plain words, JobNimbus's words as the detail, no made-up type", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("p404"));
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts/doesnotexist");
  await expect(answer.status).toHaveText("404");
  await expect(answer.problem).toBeVisible();
  await expect(answer.problemExplanation).toHaveText("JobNimbus has nothing at this address: the record may have been deleted, or the id or path is wrong.");
  await expect(answer.problem.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(answer.problemValue("Status")).toHaveText("404");
  await expect(answer.problemValue("Detail")).toContainText("doesnotexist");
  await expect(answer.problemValue("Type")).toHaveCount(0);
  // The answer itself is one view away, as JobNimbus sent it.
  await answer.view("Raw").click();
  expect(JSON.parse((await answer.raw.textContent()) ?? "")).toMatchObject({ status: 404, body: expect.stringContaining("doesnotexist") });
});

test("the legacy API's 400 names what is wrong with the body, under the plain sentence", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("p400"));
  const { answer } = consolePage;
  await consolePage.call("POST", "contacts", { body: "{}" });
  await expect(answer.status).toHaveText("400");
  await expect(answer.problemExplanation).toHaveText("JobNimbus could not read this request. Check the path, the query and the body against the details below.");
  await expect(answer.problemValue("Detail")).toContainText("record_type_name is required");
  await expect(answer.problemValue("Detail")).toContainText("at least one of first_name, last_name, display_name or company");
});

test("the legacy 401 {\"status\":401,\"body\":\"Authentication required\"} says to get a new key from Settings > API Keys", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, "invalid-key-12345678");
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts?size=1");
  await expect(answer.status).toHaveText("401");
  await expect(answer.problemExplanation).toHaveText(
    "This API key is missing or no longer valid; ask whoever manages JobNimbus for a new key (Settings > API Keys) and replace it here.",
  );
  await expect(answer.problemValue("Detail")).toHaveText("Authentication required");
});

test("the Platform API's documented 401 is Problem Details: its title, status and type link, and the same plain words", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, "invalid-key-12345678");
  const { answer } = consolePage;
  const res = await consolePage.call("POST", "files/v1/uploads/url", { upstream: "platform", body: '{"filename":"roof.jpg","type":2,"related":[]}' });
  expect(res.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  await expect(answer.status).toHaveText("401");
  await expect(answer.view("Problem")).toHaveAttribute("aria-selected", "true");
  await expect(answer.problemExplanation).toHaveText(/^This API key is missing or no longer valid/);
  await expect(answer.problem.getByRole("heading", { name: "Unauthorized" })).toBeVisible();
  const type = answer.problem.getByRole("link", { name: "https://tools.ietf.org/html/rfc7235#section-3.1" });
  await expect(type).toHaveAttribute("href", "https://tools.ietf.org/html/rfc7235#section-3.1");
  await expect(type).toHaveAttribute("rel", /noopener/);
});

test("a 403 (the read-only demo key on a POST) says the key works but its access profile does not allow it", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, DEMO_READONLY_KEY);
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts?size=1");
  await expect(answer.status, "the read-only key can read").toHaveText("200");
  await consolePage.call("POST", "contacts", { body: '{"first_name":"Ann"}' });
  await expect(answer.status).toHaveText("403");
  await expect(answer.problemExplanation).toHaveText(/^The key works, but its access profile does not allow this action\./);
  await expect(answer.problemValue("Detail")).toContainText("access profile does not allow POST");
});

test("a {\"message\"} body (what api.jobnimbus.com answers for a path it has not) is explained like any problem", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("pmsg"));
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts", { upstream: "platform" });
  await expect(answer.status).toHaveText("404");
  await expect(answer.problemExplanation).toHaveText(/^JobNimbus has nothing at this address/);
  await expect(answer.problemValue("Detail")).toHaveText("Not Found");
});

test("an errors object of field → messages becomes a list of field and message; a traceId is a reference to quote to support", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("pval"));
  const { answer } = consolePage;
  // The shape ASP.NET Core answers validation failures with (the framework the documented 401 comes from).
  const traceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
  await page.route("**/api/proxy/files/v1/uploads/url", (route) =>
    route.fulfill({
      status: 400,
      contentType: "application/problem+json; charset=utf-8",
      body: JSON.stringify({
        type: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
        title: "One or more validation errors occurred.",
        status: 400,
        errors: { FileName: ["The FileName field is required."], Related: ["Related needs at least one record.", "Related must be jnids."] },
        traceId,
      }),
    }),
  );
  await consolePage.call("POST", "files/v1/uploads/url", { upstream: "platform", body: "{}" });
  await expect(answer.problem.getByRole("heading", { name: "One or more validation errors occurred." })).toBeVisible();
  await expect(answer.problemFieldErrors()).toHaveText(["FileName: The FileName field is required.", "Related: Related needs at least one record.", "Related: Related must be jnids."]);
  await expect(answer.problemValue("What to fix")).not.toContainText("{");
  await expect(answer.problemValue("Reference")).toHaveText(`${traceId}: quote this to JobNimbus support, so they can find this request.`);
  await expect(answer.problemValue("traceId"), "not shown twice").toHaveCount(0);
  await expect(answer.problemValue("errors")).toHaveCount(0);
});

test("a plain-text error is explained in words, with the text as its detail", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("ptext"));
  const { answer } = consolePage;
  await page.route("**/api/proxy/contacts?size=2", (route) => route.fulfill({ status: 503, contentType: "text/plain", body: "Service Unavailable: back in 10 minutes" }));
  await consolePage.call("GET", "contacts?size=2");
  await expect(answer.status).toHaveText("503");
  await expect(answer.problemExplanation).toHaveText(/problem on its side\. This is not something you did/);
  await expect(answer.problemValue("Detail")).toHaveText("Service Unavailable: back in 10 minutes");
});

test("a 429 shows a live countdown from Retry-After that goes down", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("p429"));
  const { answer } = consolePage;
  const res = await consolePage.call("GET", "contacts?simulate=rate-limit");
  expect(res.headers()["retry-after"]).toBe("5");
  await expect(answer.status).toHaveText("429");
  await expect(answer.problemExplanation).toHaveText(/Wait for the countdown to end/);
  await expect(answer.problemValue("Detail")).toContainText("too many requests");
  await expect(answer.countdown).toHaveText(/^You can try again in [345] seconds\.$/);
  const first = await answer.secondsLeft();
  await expect.poll(() => answer.secondsLeft(), { timeout: 4_000 }).toBeLessThan(first);
  await expect.poll(() => answer.secondsLeft(), { timeout: 4_000 }).toBeLessThan(first - 1);
});

test("an HTML 502 page is shown as text and never rendered as HTML", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, freshTestKey("p502"));
  await consolePage.call("GET", "contacts?simulate=html-error");
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
  await page.route("**/api/proxy/contacts?size=2", (route) => route.abort("connectionreset"));
  await consolePage.composer.path.fill("contacts?size=2");
  await consolePage.composer.send.click();
  await expect(consolePage.answer.problemExplanation).toHaveText(/could not be reached: check your internet connection/);
  await expect(consolePage.answer.status).toHaveText("—");
});

test("the console's own problem (no key saved) links to a page on the console that explains it", async ({ page, context, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.call("GET", "contacts?size=1");
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
