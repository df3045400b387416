// A 429 in a recipe: a read waits out the countdown and is sent once more by itself; a write says
// nothing changed and waits for the person to run it again.
import { expect, test } from "../support/fixtures";
import { proxyCalls } from "../support/proxy-calls";
import { rateLimitFirst } from "../support/rate-limit";

test("recipes: a read answered 429 waits out the countdown and retries once; a write says nothing changed and waits for you", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("recipe-429");
  // The search itself is limited, not the reads of the account's team.
  await rateLimitFirst(page, "GET", 1, "/api/proxy/contacts");
  const calls = proxyCalls(page);

  await recipes.open("find-contact");
  await recipes.field("Name, email or phone").fill("Hill");
  await recipes.run.click();
  await expect(recipes.waiting).toContainText("too many requests");
  await expect(recipes.countdown).toHaveText(/^You can try again in [12] seconds?\.$/);
  await expect(recipes.rows.first()).toBeVisible({ timeout: 6_000 });
  expect(calls.filter((c) => new URL(c.url()).pathname === "/api/proxy/contacts"), "429, then once more").toHaveLength(2);
  await recipes.openDetails();
  await expect(recipes.details).toContainText("(tried again after the wait)");

  await rateLimitFirst(page, "POST");
  calls.length = 0;
  await recipes.open("create-contact");
  await recipes.field("First name").fill("Later");
  await expect.poll(() => recipes.choices("Type")).not.toEqual([]);
  await recipes.field("Type").selectOption("Lead");
  await recipes.field("Status").selectOption("New Lead");
  await recipes.review.click();
  await recipes.confirm.confirm.click();
  await expect(recipes.failureMessage).toHaveText(/Nothing was changed: run the recipe again when the countdown ends \(writes are never retried by themselves\)\./);
  await expect(recipes.countdown).toHaveText("You can try again now.", { timeout: 5_000 });
  await page.waitForTimeout(800);
  expect(calls.filter((c) => c.method() === "POST")).toHaveLength(1);
});
