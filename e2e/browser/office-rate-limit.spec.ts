// 429 in words (issue 4): a countdown from Retry-After, then exactly one automatic retry of a
// GET, in the console and in recipes; a write is never retried by itself.
import type { Page, Route } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { proxyCalls } from "../support/proxy-calls";

const TOO_MANY = {
  type: "https://api.jobnimbus.com/problems/rate-limited",
  title: "Too Many Requests",
  status: 429,
  detail: "Too many requests: wait 2 second(s), then try again.",
  retry_after: 2,
};

/** The first `times` proxied calls matching `method` get a 429 with Retry-After: 2; later ones go through. */
async function rateLimitFirst(page: Page, method: string, times = 1) {
  let left = times;
  await page.route("**/api/proxy/**", async (route: Route) => {
    if (route.request().method() === method && left > 0) {
      left -= 1;
      await route.fulfill({ status: 429, headers: { "retry-after": "2", "content-type": "application/problem+json" }, body: JSON.stringify(TOO_MANY) });
      return;
    }
    await route.fallback();
  });
}

test("console: a GET answered 429 counts down, then is sent once more by itself and shows the answer", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("console-429");
  await rateLimitFirst(page, "GET");
  const calls = proxyCalls(page);
  await consolePage.sendRequest("GET", "crm/v1/contacts?limit=3");
  await expect(consolePage.answer.status).toHaveText("429");
  await expect(consolePage.answer.countdown).toHaveText(/^You can try again in [12] seconds?\.$/);
  await expect(consolePage.answer.autoRetry).toBeVisible();
  await expect(consolePage.answer.status).toHaveText("200", { timeout: 6_000 });
  expect(calls.map((c) => new URL(c.url()).pathname + new URL(c.url()).search)).toEqual(["/api/proxy/crm/v1/contacts?limit=3", "/api/proxy/crm/v1/contacts?limit=3"]);
});

test("console: a GET still answered 429 after its one retry is not retried again", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("console-429-twice");
  const calls = proxyCalls(page);
  // The mock answers ?simulate=rate-limit with 429 and Retry-After: 5, every time.
  await consolePage.sendRequest("GET", "crm/v1/contacts?simulate=rate-limit");
  await expect(consolePage.answer.status).toHaveText("429");
  await expect(consolePage.answer.autoRetry).toBeVisible();
  await expect.poll(() => calls.length, { timeout: 8_000 }).toBe(2);
  await expect(consolePage.answer.status).toHaveText("429");
  await expect(consolePage.answer.countdown).toHaveText(/^You can try again in [345] seconds\.$/);
  await expect(consolePage.answer.autoRetry).toHaveCount(0);
  await expect(consolePage.answer.countdown).toHaveText("You can try again now.", { timeout: 7_000 });
  await page.waitForTimeout(1_000);
  expect(calls, "one automatic retry, not two").toHaveLength(2);
});

test("console: a write answered 429 counts down but is never sent again by itself", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("console-429-write");
  await rateLimitFirst(page, "PATCH");
  const calls = proxyCalls(page);
  await consolePage.composer.method.selectOption("PATCH");
  await consolePage.composer.path.fill("crm/v1/contacts/nosuchid");
  await consolePage.composer.setBody('{"city": "Denver"}');
  await consolePage.composer.send.click();
  await consolePage.confirmWrite.confirm.click();
  await expect(consolePage.answer.status).toHaveText("429");
  await expect(consolePage.answer.countdown).toBeVisible();
  await expect(consolePage.answer.autoRetry).toHaveCount(0);
  await expect(consolePage.answer.countdown).toHaveText("You can try again now.", { timeout: 5_000 });
  await page.waitForTimeout(800);
  expect(calls.filter((c) => c.method() === "PATCH"), "the PATCH went out once").toHaveLength(1);
});

test("recipes: a read answered 429 waits out the countdown and retries once; a write says nothing changed and waits for you", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("recipe-429");
  await rateLimitFirst(page, "GET");
  const calls = proxyCalls(page);

  await recipes.open("find-contact");
  await recipes.field("Name or phone").fill("Hill");
  await recipes.run.click();
  await expect(recipes.waiting).toContainText("too many requests");
  await expect(recipes.countdown).toHaveText(/^You can try again in [12] seconds?\.$/);
  await expect(recipes.rows.first()).toBeVisible({ timeout: 6_000 });
  expect(calls).toHaveLength(2);
  await recipes.openDetails();
  await expect(recipes.details).toContainText("(tried again after the wait)");

  await rateLimitFirst(page, "POST");
  calls.length = 0;
  await recipes.open("create-contact");
  await recipes.field("First name").fill("Later");
  await recipes.review.click();
  await recipes.confirm.confirm.click();
  await expect(recipes.failureMessage).toHaveText(/Nothing was changed: run the recipe again when the countdown ends \(writes are never retried by themselves\)\./);
  await expect(recipes.countdown).toHaveText("You can try again now.", { timeout: 5_000 });
  await page.waitForTimeout(800);
  expect(calls.filter((c) => c.method() === "POST")).toHaveLength(1);
});
