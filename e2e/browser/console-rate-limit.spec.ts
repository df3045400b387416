// A 429 on the console: a countdown from Retry-After, then exactly one automatic retry of a GET;
// a write is never sent again by itself.
import { expect, test } from "../support/fixtures";
import { proxyCalls } from "../support/proxy-calls";
import { rateLimitFirst } from "../support/rate-limit";

test("console: a GET answered 429 counts down, then is sent once more by itself and shows the answer", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("console-429");
  await rateLimitFirst(page, "GET", 1, "/api/proxy/contacts");
  const calls = proxyCalls(page);
  await consolePage.sendRequest("GET", "contacts?size=3");
  await expect(consolePage.answer.status).toHaveText("429");
  await expect(consolePage.answer.countdown).toHaveText(/^You can try again in [12] seconds?\.$/);
  await expect(consolePage.answer.autoRetry).toBeVisible();
  await expect(consolePage.answer.status).toHaveText("200", { timeout: 6_000 });
  // (The table then reads the account's team, to name the people in it: other calls.)
  const contacts = calls.filter((c) => new URL(c.url()).pathname === "/api/proxy/contacts");
  expect(contacts.map((c) => new URL(c.url()).pathname + new URL(c.url()).search)).toEqual(["/api/proxy/contacts?size=3", "/api/proxy/contacts?size=3"]);
});

test("console: a GET still answered 429 after its one retry is not retried again", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("console-429-twice");
  const calls = proxyCalls(page);
  // The mock answers ?simulate=rate-limit with 429 and Retry-After: 5, every time.
  await consolePage.sendRequest("GET", "contacts?simulate=rate-limit");
  await expect(consolePage.answer.status).toHaveText("429");
  await expect(consolePage.answer.autoRetry).toBeVisible();
  await expect.poll(() => calls.length, { timeout: 8_000 }).toBe(2);
  // A 429 is no list, so nothing else is read meanwhile.
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
  await rateLimitFirst(page, "PUT");
  const calls = proxyCalls(page);
  await consolePage.composer.method.selectOption("PUT");
  await consolePage.composer.path.fill("contacts/nosuchid");
  await consolePage.composer.setBody('{"city": "Denver"}');
  await consolePage.composer.send.click();
  await consolePage.confirmWrite.confirm.click();
  await expect(consolePage.answer.status).toHaveText("429");
  await expect(consolePage.answer.countdown).toBeVisible();
  await expect(consolePage.answer.autoRetry).toHaveCount(0);
  await expect(consolePage.answer.countdown).toHaveText("You can try again now.", { timeout: 5_000 });
  await page.waitForTimeout(800);
  expect(calls.filter((c) => c.method() === "PUT"), "the PUT went out once").toHaveLength(1);
});
