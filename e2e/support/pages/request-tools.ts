// The tools beside the composer: Copy as cURL / fetch / Python, Share link and Save, with the text
// each produces and the note that says what was done.
import { expect, type Locator, type Page } from "@playwright/test";

export type SnippetKind = "cURL" | "JavaScript fetch" | "Python requests";

export class RequestTools {
  readonly copyAs: Locator;
  readonly share: Locator;
  readonly save: Locator;
  readonly snippet: Locator;
  readonly note: Locator;

  constructor(readonly page: Page) {
    this.copyAs = page.locator("summary", { hasText: "Copy as…" });
    this.share = page.getByRole("button", { name: "Share link", exact: true });
    this.save = page.getByRole("button", { name: "Save", exact: true });
    this.snippet = page.getByTestId("snippet");
    this.note = page.getByRole("status").filter({ hasText: /copied to the clipboard|copy it\.|^Saved as|too big/ });
  }

  /** Opens "Copy as…", picks one kind and returns the snippet text shown (the text box is named after the kind). */
  async copySnippet(kind: SnippetKind): Promise<string> {
    const menu = this.page.getByRole("button", { name: kind, exact: true });
    if (!(await menu.isVisible())) await this.copyAs.click();
    await menu.click();
    const shown = this.page.getByRole("textbox", { name: kind, exact: true });
    await expect(shown).toBeVisible();
    return shown.inputValue();
  }

  /** Clicks Share link and returns the link shown. */
  async shareLink(): Promise<string> {
    await this.share.click();
    await expect(this.snippet).toBeVisible();
    return this.snippet.inputValue();
  }
}
