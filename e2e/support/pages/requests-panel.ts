// The requests panel on the console: History and Saved requests (kept in this browser), with
// search, Clear, Export and Import.
import type { Locator, Page } from "@playwright/test";

export class RequestsPanel {
  readonly section: Locator;
  readonly historyTab: Locator;
  readonly savedTab: Locator;
  readonly search: Locator;
  readonly history: Locator;
  readonly clearHistory: Locator;
  readonly saved: Locator;
  readonly exportButton: Locator;
  readonly importInput: Locator;
  readonly error: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Requests" });
    this.historyTab = this.section.getByRole("tab", { name: /^History/ });
    this.savedTab = this.section.getByRole("tab", { name: /^Saved/ });
    this.search = page.getByLabel("Search history", { exact: true });
    this.history = page.getByTestId("history-list").getByRole("button");
    this.clearHistory = this.section.getByRole("button", { name: "Clear history" });
    this.saved = page.getByTestId("saved-list").getByRole("listitem");
    this.exportButton = this.section.getByRole("button", { name: "Export", exact: true });
    this.importInput = this.section.getByLabel("Import…", { exact: true });
    this.error = this.section.getByRole("alert");
    this.message = this.section.getByRole("status");
  }

  savedItem(name: string): Locator {
    return this.saved.filter({ hasText: name });
  }
}
