// The keys panel on the console: the form to paste a key, the list (label, last four, dates) with
// each entry's Use and Delete buttons, the hint shown while there is no key yet, and the keys the
// administrator shares with the team ("Shared by your administrator").
import { expect, type Locator, type Page } from "@playwright/test";
import { freshTestKey } from "../mock";

export class KeysPanel {
  readonly panel: Locator;
  readonly form: Locator;
  readonly label: Locator;
  readonly apiKey: Locator;
  readonly saveButton: Locator;
  /** "Key saved", once the server has it. */
  readonly saved: Locator;
  /** The form's own message: an error or a confirmation. */
  readonly message: Locator;
  readonly list: Locator;
  /** "No key yet", with where JobNimbus shows one. */
  readonly noKeys: Locator;
  /** "Shared by your administrator": the team keys the person's role may use. */
  readonly shared: Locator;
  readonly sharedList: Locator;
  /** "You can work straight away…", shown to a person with no key of their own. */
  readonly sharedNote: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("complementary", { name: "API keys" });
    this.form = page.getByRole("form", { name: "Add an API key" });
    this.label = page.getByLabel("Label", { exact: true });
    this.apiKey = page.getByLabel("API key", { exact: true });
    this.saveButton = page.getByRole("button", { name: "Save key" });
    this.saved = page.getByRole("status").filter({ hasText: /key saved/i });
    this.message = this.form.getByRole("alert").or(this.form.getByRole("status"));
    this.list = page.getByTestId("key-list");
    this.noKeys = page.getByTestId("no-keys");
    this.shared = this.panel.getByRole("region", { name: "Shared by your administrator" });
    this.sharedList = page.getByTestId("shared-key-list");
    this.sharedNote = page.getByTestId("shared-key-note");
  }

  /** The key list has loaded: the person's own keys, the shared ones, or the "no key yet" hint is shown. */
  get loaded(): Locator {
    return this.list.or(this.sharedList).or(this.noKeys).first();
  }

  sharedEntry(label: string): Locator {
    return this.sharedList.getByRole("listitem").filter({ hasText: label });
  }

  sharedUseButton(label: string): Locator {
    return this.sharedEntry(label).getByRole("button", { name: "Use this key" });
  }

  entry(label: string): Locator {
    return this.list.getByRole("listitem").filter({ hasText: label });
  }

  useButton(label: string): Locator {
    return this.entry(label).getByRole("button", { name: "Use this key" });
  }

  deleteButton(label: string): Locator {
    return this.entry(label).getByRole("button", { name: "Delete" });
  }

  /** Pastes a key under a label, saves it and waits until it is listed. */
  async addKey(label: string, key: string) {
    await this.label.fill(label);
    await this.apiKey.fill(key);
    await this.saveButton.click();
    await expect(this.entry(label)).toBeVisible();
  }

  /** Adds a key only this test uses (see freshTestKey); returns its label. */
  async addFreshKey(tag: string): Promise<string> {
    const label = `Test ${tag}`;
    await this.addKey(label, freshTestKey(tag));
    return label;
  }

  async useKey(label: string) {
    await this.useButton(label).click();
  }
}
