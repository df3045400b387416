// /admin: the people configured to sign in (with "Sign out everywhere"), the team keys with their age and
// the rotation steps, and the activity trail with its filter form and CSV download; and the 403 page that
// everyone who is not an administrator gets there instead.
import { expect, type Download, type Locator, type Page } from "@playwright/test";
import { AppHeader } from "./header";

export class AdminPage {
  readonly header: AppHeader;
  readonly heading: Locator;
  readonly people: Locator;
  /** The single sign-on rules, in words ("anyone at roofco.com signs in with …"). */
  readonly signInRules: Locator;
  readonly teamKeys: Locator;
  /** "Older than N days: JobNimbus advises rotating keys…", beside each key past TEAM_KEY_MAX_AGE_DAYS. */
  readonly tooOld: Locator;
  readonly rotationToggle: Locator;
  readonly rotationSteps: Locator;
  readonly activity: Locator;
  /** "Nothing yet" / "Nothing matches these filters". */
  readonly noActivity: Locator;
  /** The note that, without REDIS_URL, the trail is this instance's only. */
  readonly thisInstanceOnly: Locator;
  readonly filterForm: Locator;
  readonly personFilter: Locator;
  readonly statusFilter: Locator;
  readonly filterButton: Locator;
  readonly showAll: Locator;
  readonly downloadCsv: Locator;
  /** The 403 page: its heading, and the way back. */
  readonly forbiddenHeading: Locator;
  readonly backToConsole: Locator;

  constructor(readonly page: Page) {
    this.header = new AppHeader(page);
    this.heading = page.getByRole("heading", { level: 1 });
    this.people = page.getByRole("table", { name: "People configured to sign in" });
    this.signInRules = page.getByTestId("sign-in-rules");
    this.teamKeys = page.getByRole("table", { name: "Team keys" });
    this.tooOld = page.getByTestId("key-too-old");
    this.rotationToggle = page.locator("summary", { hasText: "How to rotate a team key" });
    this.rotationSteps = this.rotationToggle.locator("xpath=..").getByRole("listitem");
    this.activity = page.getByRole("table", { name: "Activity, newest first" });
    this.noActivity = page.getByTestId("no-activity");
    this.thisInstanceOnly = page.getByTestId("trail-this-instance");
    this.filterForm = page.getByRole("form", { name: "Filter the activity" });
    this.personFilter = this.filterForm.getByLabel("Person", { exact: true });
    this.statusFilter = this.filterForm.getByLabel("Status", { exact: true });
    this.filterButton = this.filterForm.getByRole("button", { name: "Filter", exact: true });
    this.showAll = this.filterForm.getByRole("link", { name: "Show all" });
    this.downloadCsv = this.filterForm.getByRole("button", { name: "Download CSV" });
    this.forbiddenHeading = page.getByRole("heading", { name: "Administrators only" });
    this.backToConsole = page.getByRole("link", { name: "Back to the console" });
  }

  /** Opens /admin (as whoever is signed in in this page); returns the HTTP status it answered with. */
  async goto(): Promise<number> {
    const response = await this.page.goto("/admin");
    return response?.status() ?? 0;
  }

  /** Opens /admin as an administrator: the three sections are there. */
  async open() {
    expect(await this.goto(), "/admin for an administrator").toBe(200);
    await expect(this.people).toBeVisible();
  }

  /** One person's row, by email. */
  person(email: string): Locator {
    return this.people.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: email, exact: true }) });
  }

  /** A person's cells after the email: role, how they sign in, last seen. */
  async personCells(email: string): Promise<{ role: string; signsInWith: string; lastSeen: string }> {
    const cells = await this.person(email).getByRole("cell").allInnerTexts();
    const [role = "", signsInWith = "", lastSeen = ""] = cells.map((text) => text.trim());
    return { role, signsInWith, lastSeen };
  }

  signOutEverywhere(email: string): Locator {
    return this.page.getByRole("button", { name: `Sign out everywhere: ${email}` });
  }

  /** What the page said after "Sign out everywhere" for this person. */
  signOutResult(email: string): Locator {
    return this.person(email).getByRole("status").or(this.person(email).getByRole("alert"));
  }

  /** One team key's row, by label. */
  teamKey(label: string): Locator {
    return this.teamKeys.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: label }) });
  }

  /** Activity rows (without the header), top to bottom. */
  activityRows(): Locator {
    return this.activity.locator("tbody tr");
  }

  /** Each activity row as its cells' text: time, person, key, method, path, status, what happened. */
  async activityTable(): Promise<{ time: string; person: string; key: string; method: string; path: string; status: string; what: string }[]> {
    const rows = await this.activityRows().all();
    return Promise.all(
      rows.map(async (row) => {
        const [time = "", person = "", key = "", method = "", path = "", status = "", what = ""] = (await row.getByRole("cell").allInnerTexts()).map((text) => text.trim());
        return { time, person, key, method, path, status, what };
      }),
    );
  }

  /** The ISO times of the activity rows shown, top to bottom. */
  async activityTimes(): Promise<string[]> {
    return this.activity.locator("tbody time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
  }

  /** Fills the filter form and submits it (the page reloads with the filter in its address). */
  async filter({ person = "", status = "" }: { person?: string; status?: string }) {
    await this.personFilter.fill(person);
    await this.statusFilter.fill(status);
    await Promise.all([this.page.waitForURL(/\/admin\?/), this.filterButton.click()]);
    await expect(this.activity.or(this.noActivity)).toBeVisible();
  }

  /** Presses "Download CSV" and returns the file the browser saved. */
  async downloadActivity(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.downloadCsv.click()]);
    return download;
  }
}
