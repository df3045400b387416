// The way in with email and password: what the page offers, and what a wrong password looks like.
import { DEMO_USERS } from "../../lib/config/demo-users.mjs";
import { DEMO_KEY } from "../../mock/keys.mjs";
import { expect, test } from "../support/fixtures";
import { USERS } from "../support/users.mjs";

test("the sign-in page offers every configured method and, in demo mode, the demo hints", async ({ signInPage }) => {
  await signInPage.goto();
  await expect(signInPage.email).toBeVisible();
  await expect(signInPage.password).toBeVisible();
  await expect(signInPage.submit).toBeEnabled();
  await expect(signInPage.ssoButton("Test SSO")).toBeVisible();
  await expect(signInPage.alert).toHaveCount(0);

  await expect(signInPage.demoHints).toBeVisible();
  for (const user of DEMO_USERS) await expect(signInPage.demoUsers).toContainText(user.email);
  await expect(signInPage.demoKeys).toContainText(DEMO_KEY);
});

test("a wrong password shows one clear message and keeps the email; the right one opens the console", async ({ page, signInPage, consolePage }) => {
  const { email, password, role } = USERS.editor;
  await signInPage.goto();
  await signInPage.submitPassword(email, "not-the-password");

  await expect(signInPage.alert).toHaveCount(1);
  await expect(signInPage.alert).toHaveText(/email and password do not match/i);
  await expect(signInPage.email).toHaveValue(email);
  await expect(page).toHaveURL(/\/signin(\?|$)/);

  await signInPage.password.fill(password);
  await signInPage.submit.click();
  await consolePage.waitUntilReady();
  await consolePage.expectSignedInAs(email, role);
});

test("after LOGIN_MAX_FAILURES wrong passwords the form says when to try again, and keeps what was typed", async ({ page, signInPage }) => {
  // An email nobody has, new each run: attempts are counted per email whether or not it exists.
  const email = `locked-${Date.now()}@test.local`;
  await signInPage.goto();
  const answered = () => page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  for (let i = 1; i <= 10; i += 1) {
    const answer = answered();
    await signInPage.submitPassword(email, `guess-${i}`);
    await answer;
    await expect(signInPage.alert).toHaveText(/email and password do not match/i);
    await expect(signInPage.submit).toBeEnabled();
  }
  const answer = answered();
  await signInPage.submitPassword(email, "guess-11");
  await answer;
  await expect(signInPage.alert).toHaveText(/too many attempts for this email\. try again at \d{1,2}:\d{2}/i);
  await expect(signInPage.email).toHaveValue(email);
  await expect(signInPage.password).toHaveValue("guess-11");
  await expect(page).toHaveURL(/\/signin(\?|$)/);
});
