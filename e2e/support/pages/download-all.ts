// "Download all" on a list (a recipe's result or the console's table): the button, the progress bar
// with its words and Cancel, and the outcome with the link that saves what was fetched.
import { type Download, type Locator, type Page } from "@playwright/test";

export class DownloadAll {
  readonly area: Locator;
  readonly button: Locator;
  readonly progressBar: Locator;
  readonly progress: Locator;
  readonly cancel: Locator;
  readonly outcome: Locator;
  /** "Save the 1,000 contacts fetched" or "Save … again". */
  readonly save: Locator;

  constructor(readonly page: Page, within: Locator) {
    this.area = within.getByTestId("download-all");
    this.button = this.area.getByRole("button", { name: "Download all" });
    this.progressBar = this.area.getByRole("progressbar", { name: "Download all" });
    this.progress = this.area.getByTestId("download-all-progress");
    this.cancel = this.area.getByRole("button", { name: "Cancel" });
    this.outcome = this.area.getByTestId("download-all-outcome");
    this.save = this.area.getByRole("link", { name: /^Save / });
  }

  /** Clicks "Download all" and returns the download it starts once every page is in. */
  async downloadEverything(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download", { timeout: 60_000 }), this.button.click()]);
    return download;
  }
}
