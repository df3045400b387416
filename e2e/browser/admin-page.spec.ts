// /admin in the browser, on a console of its own with team keys (JobNimbus is the mock, no Redis): an administrator
// reads who may sign in, the team keys (the old one flagged, with the rotation steps) and the trail of what the
// viewer did, newest first, filtered by person and by status and downloaded as CSV; axe finds nothing to fix.
// Viewers and editors get the 403 page instead, and only administrators see the header's Admin link.
import { readFile } from "node:fs/promises";
import type { Browser } from "@playwright/test";
import { axeViolations } from "../support/axe";
import { watchForKeys } from "../support/browser-leaks";
import { expect, test } from "../support/fixtures";
import { MOCK_ORIGIN } from "../support/mock";
import { AdminPage } from "../support/pages/admin";
import { signInAsStaff, startTeamConsoles, type TeamConsoles } from "../support/team-consoles";
import { PORTS, SHARED_KEY_AGE_DAYS, SHARED_KEYS, SHARED_LABELS, STAFF, TEAM_A_URL } from "../support/users.mjs";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: TEAM_A_URL });

let team: TeamConsoles;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  team = await startTeamConsoles({ name: "admin-page", upstream: MOCK_ORIGIN, ports: [PORTS.teamA], redis: false });
});

test.afterAll(async () => {
  await team?.stop();
});

/** One of STAFF signed in, in a browser context of their own whose answers and pages are searched for keys. */
async function signedInElsewhere(browser: Browser, who: keyof typeof STAFF) {
  const context = await browser.newContext({ baseURL: TEAM_A_URL });
  const leaks = await watchForKeys(context);
  const page = await context.newPage();
  leaks.watch(page);
  return { context, page, leaks, consolePage: await signInAsStaff(page, who, TEAM_A_URL) };
}

const CSV_HEADER = "time,person,what,key,shared_key,acted_as,method,path,upstream,status,outcome,reason,duration_ms,request_id";

test("an admin reads people, team keys (the old one flagged, with how to rotate) and the viewer's calls newest first, filters them and downloads them as CSV", async ({ page, context, browser }) => {
  test.slow(); // three people signed in, several axe scans
  // What the viewer and the editor did, each in their own browser.
  const viewer = await signedInElsewhere(browser, "viewer");
  for (const path of ["contacts?size=1", "jobs?size=1", "contacts/doesnotexist"]) await viewer.consolePage.call("GET", path);
  await expect(viewer.consolePage.answer.status).toHaveText("404");
  const editor = await signedInElsewhere(browser, "editor");
  await editor.consolePage.call("GET", "tasks?size=1");
  await expect(editor.consolePage.answer.status).toHaveText("200");
  for (const one of [viewer, editor]) {
    await one.leaks.expectNoKeys([one.page]);
    await one.context.close();
  }

  const leaks = await watchForKeys(context);
  leaks.watch(page);
  const consolePage = await signInAsStaff(page, "admin", TEAM_A_URL);
  await expect(consolePage.header.role).toHaveText("admin");
  await consolePage.header.adminLink.click();
  await page.waitForURL(/\/admin$/);
  const admin = new AdminPage(page);
  await expect(admin.people).toBeVisible();
  await expect(admin.header.adminLink).toHaveAttribute("aria-current", "page");

  await test.step("people, in words: role, how they sign in, when last seen", async () => {
    await expect(admin.people.getByRole("rowheader")).toHaveText(Object.values(STAFF).map((person) => person.email));
    for (const person of Object.values(STAFF)) {
      const cells = await admin.personCells(person.email);
      expect(cells.role, person.email).toBe(person.role);
      expect(cells.signsInWith, person.email).toBe("email and password");
      await expect(admin.signOutEverywhere(person.email)).toBeVisible();
    }
    expect((await admin.personCells(STAFF.viewer.email)).lastSeen).toMatch(/^(just now|\d+ minutes? ago)$/);
    await expect(admin.person(STAFF.viewer.email).locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  });

  await test.step("team keys: label, last four, age, roles; the old one flagged, and the rotation steps", async () => {
    const office = admin.teamKey(SHARED_LABELS.office);
    await expect(office).toContainText(`…${SHARED_KEYS.office.slice(-4)}`);
    await expect(office).toContainText(`${SHARED_KEY_AGE_DAYS.office} days`);
    await expect(office).toContainText("Viewers, editors and admins");
    await expect(office).toContainText("Each call acts as the person signed in");
    await expect(office.getByTestId("key-too-old")).toHaveCount(0);
    const old = admin.teamKey(SHARED_LABELS.editors);
    await expect(old).toContainText(`…${SHARED_KEYS.editors.slice(-4)}`);
    await expect(old).toContainText(`${SHARED_KEY_AGE_DAYS.editors} days`);
    await expect(old).toContainText("Editors and admins");
    await expect(old.getByTestId("key-too-old")).toHaveText("Older than 90 days: JobNimbus advises rotating keys. Make a new one (steps below).");
    await expect(admin.tooOld, "only the old key is flagged").toHaveCount(1);

    await expect(admin.rotationSteps.first()).toBeHidden();
    await admin.rotationToggle.click();
    await expect(admin.rotationSteps).toHaveCount(4);
    await expect(admin.rotationSteps.nth(0)).toContainText("Settings > API Keys");
    await expect(admin.rotationSteps.nth(1)).toContainText("Add it to TEAM_KEYS");
    await expect(admin.rotationSteps.nth(2)).toContainText("Move people over");
    await expect(admin.rotationSteps.nth(3)).toContainText("Remove the old entry");
  });

  await test.step("activity: this instance's trail, newest first, with the viewer's calls, their key and whom they acted as", async () => {
    await expect(admin.thisInstanceOnly).toContainText("REDIS_URL is not set");
    const times = await admin.activityTimes();
    expect(times.length).toBeGreaterThanOrEqual(4);
    expect(times, "newest first").toEqual([...times].sort().reverse());
    const rows = await admin.activityTable();
    const viewers = rows.filter((row) => row.person === STAFF.viewer.email).map((row) => `${row.method} ${row.path} ${row.status}`);
    const calls = ["GET /api1/contacts/doesnotexist 404", "GET /api1/jobs 200", "GET /api1/contacts 200"];
    expect(viewers.filter((call) => calls.includes(call)), "the viewer's calls, the last one first").toEqual(calls);
    const call = rows.find((row) => row.person === STAFF.viewer.email && row.path === "/api1/jobs");
    expect(call?.key).toBe(`${SHARED_LABELS.office} team key\nas ${STAFF.viewer.email}`);
    expect(rows.some((row) => row.person === STAFF.editor.email && row.path === "/api1/tasks")).toBe(true);
  });

  await test.step("filtered by person, then by person and status; Show all undoes it", async () => {
    await admin.filter({ person: STAFF.viewer.email });
    expect(new URL(page.url()).searchParams.get("person")).toBe(STAFF.viewer.email);
    const mine = await admin.activityTable();
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((row) => row.person === STAFF.viewer.email)).toBe(true);
    await expect(admin.personFilter, "the filter stays filled in").toHaveValue(STAFF.viewer.email);

    await admin.filter({ person: STAFF.viewer.email, status: "404" });
    const missing = await admin.activityTable();
    expect(missing.map((row) => [row.person, row.path, row.status])).toEqual([[STAFF.viewer.email, "/api1/contacts/doesnotexist", "404"]]);

    await admin.filter({ person: STAFF.editor.email, status: "404" });
    await expect(admin.noActivity).toHaveText("Nothing matches these filters.");

    await admin.showAll.click();
    await page.waitForURL((url) => url.pathname === "/admin" && url.search === "");
    await expect(admin.personFilter).toHaveValue("");
    const all = await admin.activityTable();
    expect(all.some((row) => row.person === STAFF.viewer.email) && all.some((row) => row.person === STAFF.editor.email), "everyone's events again").toBe(true);
  });

  await test.step("the CSV download: a file with a header row and the viewer's calls", async () => {
    await admin.filter({ person: STAFF.viewer.email });
    const download = await admin.downloadActivity();
    expect(download.suggestedFilename()).toMatch(/^console-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    leaks.keep("the downloaded CSV", csv);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.slice(1).every((line) => line.split(",")[1] === STAFF.viewer.email), "only the viewer's events").toBe(true);
    for (const [path, status] of [["/api1/contacts", 200], ["/api1/jobs", 200], ["/api1/contacts/doesnotexist", 404]] as const) {
      expect(lines.some((line) => line.includes(`,GET,${path},legacy,${status},`)), `${path} in the CSV`).toBe(true);
    }
    await expect(admin.filterForm.getByRole("status")).toHaveText("Downloaded.");
  });

  await test.step("axe finds nothing to fix on /admin, light and dark", async () => {
    await admin.rotationToggle.click();
    expect(await axeViolations(page), "light").toEqual([]);
    await admin.header.chooseTheme("dark");
    expect(await axeViolations(page), "dark").toEqual([]);
    await admin.header.chooseTheme("light");
  });

  await leaks.expectNoKeys([page]);
});

test("viewers and editors get the 403 page on /admin, with a plain message and a way back; only administrators see the Admin link", async ({ browser }) => {
  for (const who of ["viewer", "editor"] as const) {
    await test.step(who, async () => {
      const { context, page, leaks, consolePage } = await signedInElsewhere(browser, who);
      await expect(consolePage.header.role).toHaveText(who);
      await expect(consolePage.header.adminLink, "no Admin link").toHaveCount(0);
      await expect(consolePage.header.recipesLink).toBeVisible();

      const admin = new AdminPage(page);
      expect(await admin.goto(), `/admin for a ${who}`).toBe(403);
      await expect(admin.forbiddenHeading).toBeVisible();
      await expect(page.getByRole("main")).toContainText("Only the console's administrators can open it");
      await expect(admin.people, "nothing of the admin page").toHaveCount(0);
      await expect(admin.teamKeys).toHaveCount(0);
      expect(await page.content()).not.toContain(STAFF.admin.email);
      expect(await axeViolations(page), "the 403 page").toEqual([]);

      await admin.backToConsole.click();
      await consolePage.waitUntilReady(TEAM_A_URL);
      await leaks.expectNoKeys([page]);
      await context.close();
    });
  }
});
