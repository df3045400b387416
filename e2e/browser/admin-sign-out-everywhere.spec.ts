// "Sign out everywhere" in the browser, across two consoles sharing a real redis-server (JobNimbus is the mock):
// the viewer works on console B; the administrator, on console A, signs them out everywhere (after saying yes to
// the question); the viewer's next action on B is refused and takes them to sign-in, and they can sign in again.
import { expect, test } from "../support/fixtures";
import { watchForKeys } from "../support/browser-leaks";
import { MOCK_ORIGIN } from "../support/mock";
import { AdminPage } from "../support/pages/admin";
import { SignInPage } from "../support/pages/sign-in";
import { NO_REDIS, REDIS_SERVER } from "../support/redis.mjs";
import { signInAsStaff, startTeamConsoles, type TeamConsoles } from "../support/team-consoles";
import { PORTS, STAFF, TEAM_A_URL, TEAM_B_URL } from "../support/users.mjs";

test.describe.configure({ mode: "serial" });
test.skip(!REDIS_SERVER, NO_REDIS);

/** lib/store/redis-store.ts's NOT_REVOKED_CACHE_MS, and a little more: how long an instance may still trust a sign-in it checked. */
const CACHE_WINDOW_MS = 1000 + 300;

let team: TeamConsoles;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  team = await startTeamConsoles({ name: "admin-sign-out", upstream: MOCK_ORIGIN, ports: [PORTS.teamA, PORTS.teamB], redis: true });
});

test.afterAll(async () => {
  await team?.stop();
});

test("an admin on one console signs the viewer out everywhere: their next call on the other is refused, their next page is sign-in, and they can sign in again", async ({ browser }) => {
  test.slow(); // two browsers on two consoles
  const viewerContext = await browser.newContext({ baseURL: TEAM_B_URL });
  const viewerLeaks = await watchForKeys(viewerContext);
  const viewerPage = await viewerContext.newPage();
  viewerLeaks.watch(viewerPage);
  const onB = await signInAsStaff(viewerPage, "viewer", TEAM_B_URL);
  await onB.call("GET", "contacts?size=1");
  await expect(onB.answer.status).toHaveText("200");
  await expect(onB.answer.sentAs).toContainText(`Sent as ${STAFF.viewer.email}`);

  const adminContext = await browser.newContext({ baseURL: TEAM_A_URL });
  const adminLeaks = await watchForKeys(adminContext);
  const adminPage = await adminContext.newPage();
  adminLeaks.watch(adminPage);
  await signInAsStaff(adminPage, "admin", TEAM_A_URL);
  const admin = new AdminPage(adminPage);
  await admin.open();
  // Seen on B, shown on A: both read the shared store.
  expect((await admin.personCells(STAFF.viewer.email)).lastSeen).toMatch(/^(just now|\d+ minutes? ago)$/);
  await expect(admin.thisInstanceOnly).toHaveCount(0);

  await test.step("saying no to the question changes nothing", async () => {
    const asked: string[] = [];
    adminPage.once("dialog", (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await admin.signOutEverywhere(STAFF.viewer.email).click();
    await expect.poll(() => asked).toEqual([
      `confirm: Sign ${STAFF.viewer.email} out everywhere? Every sign-in they have now ends, on every device. They can sign in again.`,
    ]);
    await expect(admin.signOutResult(STAFF.viewer.email)).toHaveCount(0);
    await onB.call("GET", "jobs?size=1");
    await expect(onB.answer.status, "the viewer still works").toHaveText("200");
  });

  await test.step("saying yes signs them out on every console", async () => {
    adminPage.once("dialog", (dialog) => void dialog.accept());
    await admin.signOutEverywhere(STAFF.viewer.email).click();
    await expect(admin.signOutResult(STAFF.viewer.email)).toHaveText(`${STAFF.viewer.email} is signed out everywhere.`);
  });
  // Console B may trust a sign-in it checked a moment ago for this long, no longer.
  await viewerPage.waitForTimeout(CACHE_WINDOW_MS);

  await test.step("the viewer's next call on B is refused as signed out, said to be the console's answer, with a way to sign in again", async () => {
    await onB.call("GET", "contacts?size=2");
    await expect(onB.answer.status).toHaveText("401");
    await expect(onB.answer.problem).toContainText("Sign-in required");
    await expect(onB.answer.problemValue("Detail")).toHaveText("This sign-in has ended (it was signed out). Sign in again.");
    await expect(onB.answer.sentAs).toHaveCount(0);
    await expect(onB.answer.meaning, "not JobNimbus's 401").toHaveText("Sign-in required — the console's own answer, not JobNimbus's");
    // The console page stays as it was (what was typed is not lost) until they choose to sign in again.
    await viewerPage.getByTestId("sign-in-again").click();
    await new SignInPage(viewerPage).waitUntilShown();
    const at = new URL(viewerPage.url());
    expect(at.origin).toBe(TEAM_B_URL);
    expect(at.searchParams.get("next"), "back to the console page after signing in").toBe("/");
  });

  await test.step("they can sign in again on B and work", async () => {
    const again = await signInAsStaff(viewerPage, "viewer", TEAM_B_URL);
    await again.call("GET", "contacts?size=1");
    await expect(again.answer.status).toHaveText("200");
  });

  await test.step("the administrator is still signed in, and the trail names what they did", async () => {
    await admin.filter({ person: STAFF.admin.email });
    const rows = await admin.activityTable();
    expect(rows.some((row) => row.what === `signed-out-everywhere: ${STAFF.viewer.email}`), JSON.stringify(rows)).toBe(true);
  });

  await viewerLeaks.expectNoKeys([viewerPage]);
  await adminLeaks.expectNoKeys([adminPage]);
  await Promise.all([viewerContext.close(), adminContext.close()]);
});
