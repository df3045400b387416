// After signing in the browser goes back only to a page of the console: a hostile ?next= (a tab or a
// line break that the URL parser drops, turning "/\t/host" into "//host") lands on the console instead.
import { canary, CANARY_HOST } from "../support/api-client";
import { expect, test } from "../support/fixtures";
import { CONSOLE_ORIGIN } from "../support/pages/console";
import { USERS } from "../support/users.mjs";

/** The links, pointed at the canary (a loopback server that records every visit). */
const TAB = `/signin?next=/%09/${CANARY_HOST}/stolen`;
const LINE_BREAK = `/signin?next=/%0a/${CANARY_HOST}/stolen`;

test("a password sign-in with a hostile next lands on the console, never on the other host", async ({ page, signInPage, consolePage }) => {
  await canary.clear();
  const { email, password, role } = USERS.editor;
  await page.goto(TAB);
  await signInPage.submitPassword(email, password);
  await consolePage.waitUntilReady();
  await consolePage.expectSignedInAs(email, role);
  expect(new URL(page.url()).origin).toBe(CONSOLE_ORIGIN);

  // Already signed in, the same link sends the browser to the console at once.
  await page.goto(TAB);
  await consolePage.waitUntilReady();
  const response = await page.goto(LINE_BREAK);
  expect(response?.status()).toBe(200);
  await consolePage.waitUntilReady();
  expect(await canary.hits(), "the other host was never visited").toEqual([]);
});

test("next with a line break is the sign-in page, not a 500; a plain console path is honoured after signing in", async ({ page, signInPage }) => {
  await canary.clear();
  const response = await page.goto(LINE_BREAK);
  expect(response?.status()).toBe(200);
  await expect(signInPage.submit).toBeVisible();

  await page.goto("/signin?next=/recipes");
  await signInPage.submitPassword(USERS.viewer.email, USERS.viewer.password);
  await page.waitForURL((url) => url.origin === CONSOLE_ORIGIN && url.pathname === "/recipes");
  expect(await canary.hits()).toEqual([]);
});
