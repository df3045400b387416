// The dialog every write goes through, on the console and in the recipes: the write described in
// words, its details, every part of the request that will be sent, the warning a shared link gets,
// and Confirm (or the recipe's word for it, such as Deactivate; for a DELETE, the record's number typed, then Delete).
import { expect, type Locator, type Page } from "@playwright/test";

export class ConfirmWriteDialog {
  readonly dialog: Locator;
  readonly details: Locator;
  /** "Everything that will be sent": API, method, path, each query parameter, header and the body, a line each. */
  readonly request: Locator;
  /** "This request came from a link someone shared with you: check every part." */
  readonly fromLink: Locator;
  readonly typed: Locator;
  readonly confirm: Locator;
  readonly delete: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole("dialog");
    this.details = this.dialog.getByTestId("confirm-write-details");
    this.request = this.dialog.getByTestId("confirm-write-request");
    this.fromLink = this.dialog.getByTestId("confirm-write-from-link");
    this.typed = this.dialog.getByLabel(/^To confirm, type/);
    // The submit button: "Confirm", or the recipe's own word ("Deactivate", "Move").
    this.confirm = this.dialog.locator("button[type=submit]");
    this.delete = this.dialog.getByRole("button", { name: "Delete", exact: true });
    this.cancel = this.dialog.getByRole("button", { name: "Cancel", exact: true });
  }

  /** The dialog is open and its heading says `summary` ("Create contact Jane Doe"). */
  async expectAsking(summary: string | RegExp) {
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByRole("heading", { level: 2 })).toHaveText(summary);
  }
}
