// What a person sees when JobNimbus breaks: runs against the "api" console, whose upstream is the
// scriptable test upstream (e2e/support/test-upstream.mjs), since the e2e console's mock never breaks.
import { expect, test } from "../support/fixtures";
import { API_URL, KEYS, USERS } from "../support/users.mjs";

test.use({ baseURL: API_URL });

test("an answer that breaks off mid-body shows 'The answer was cut off'; other faults are explained", async ({ page, signInPage, consolePage }) => {
  await signInPage.goto();
  await signInPage.submitPassword(USERS.editor.email, USERS.editor.password);
  await consolePage.waitUntilReady(API_URL);
  await consolePage.addKey("Faults", KEYS.editor);
  const cutOff = consolePage.answer.cutOff;

  for (const path of ["fault/reset-body", "fault/close-early"]) {
    await test.step(path, async () => {
      await consolePage.sendRequest("GET", path);
      await expect(consolePage.answer.status).toContainText("200");
      await expect(cutOff).toBeVisible();
      await expect(cutOff).toContainText("The answer was cut off");
    });
  }

  await test.step("a whole answer after a cut-off one shows no notice", async () => {
    await consolePage.sendRequest("GET", "echo/whole");
    await expect(consolePage.answer.status).toContainText("200");
    await expect(cutOff).toHaveCount(0);
  });

  await test.step("64 KB of headers: the console's 502 problem, in plain words", async () => {
    await consolePage.sendRequest("GET", "fault/huge-headers?kb=64");
    await expect(consolePage.answer.status).toContainText("502");
    await expect(consolePage.answer.problem).toBeVisible();
    await expect(consolePage.answer.problem).toContainText(/headers larger than/);
  });

  await test.step("no answer in time: the console's 504 problem", async () => {
    await consolePage.sendRequest("GET", "fault/hang-head");
    await expect(consolePage.answer.status).toContainText("504");
    await expect(consolePage.answer.problem).toBeVisible();
  });

  await test.step("JobNimbus's 500 HTML page is explained, not shown as a problem card", async () => {
    await consolePage.sendRequest("GET", "fault/html-500");
    await expect(consolePage.answer.status).toContainText("500");
    await expect(consolePage.answer.problemExplanation).toBeVisible();
    await expect(cutOff).toHaveCount(0);
  });

  await test.step("JSON that is not JSON is said to be so", async () => {
    await consolePage.sendRequest("GET", "fault/bad-json");
    await expect(page.getByText(/says it is JSON but is not valid JSON/)).toBeVisible();
  });

  // The key never made it into the page.
  expect(await page.content()).not.toContain(KEYS.editor);
});
