// The console's Content-Security-Policy (nonces, 'strict-dynamic') must not block anything the
// console itself needs: a whole session runs without one "Refused to …" in the browser console.
import { expect, test } from "../support/fixtures";
import { CONSOLE_ORIGIN } from "../support/pages/console";
import { KEYS } from "../support/users.mjs";

test("a session on the console raises no CSP violation", async ({ page, browserLog, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("CSP", KEYS.editor);
  await consolePage.sendRequest("GET", "contacts?size=5");
  await expect(consolePage.answer.status).toContainText("200");
  await consolePage.sendRequest("GET", "contacts/doesnotexist");
  await expect(consolePage.answer.problem).toBeVisible();
  await consolePage.goto();
  await expect(consolePage.keys.entry("CSP")).toBeVisible();
  await consolePage.signOut();
  // Let late reports (they are delivered asynchronously) arrive before reading the log.
  await page.waitForTimeout(250);

  const onConsole = (url: string) => url.startsWith(CONSOLE_ORIGIN);
  expect(browserLog.cspMessages().filter(onConsole), "console messages about CSP").toEqual([]);
  // Chrome reports some violations (a blocked eval, say) only as an event and a DevTools issue, not a console line.
  // A blocked "eval" under script-src usually means zod's JIT probe: z.config({ jitless: true }) in client code.
  expect(browserLog.violations.filter((v) => onConsole(v.url)), "securitypolicyviolation events").toEqual([]);
});
