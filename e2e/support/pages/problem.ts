// /problems/{slug}: the page behind every console problem's `type` URL, saying what happened and
// what to do, with a way back to the console.
import type { Locator, Page } from "@playwright/test";

export class ProblemPage {
  readonly heading: Locator;
  readonly main: Locator;
  readonly backToConsole: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.main = page.getByRole("main");
    this.backToConsole = page.getByRole("link", { name: "Back to the console" });
  }

  /** Opens the page for one problem type ("no-api-key"). */
  async goto(slug: string) {
    await this.page.goto(`/problems/${slug}`);
  }
}
