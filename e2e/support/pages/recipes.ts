// /recipes: the list of recipes, one recipe's form (choices from the account, the record a lookup
// found), its outcome (table, message or failure in the recipe's own words), "More results", the
// CSV download, "Download all" and the raw exchange under "details".
import { expect, type Locator, type Page } from "@playwright/test";
import { ConfirmWriteDialog } from "./confirm-write";
import { DownloadAll } from "./download-all";
import { AppHeader } from "./header";

export class RecipesPage {
  readonly header: AppHeader;
  readonly list: Locator;
  readonly recipe: Locator;
  readonly heading: Locator;
  readonly run: Locator;
  readonly review: Locator;
  readonly viewerNote: Locator;
  readonly formErrors: Locator;
  readonly busy: Locator;
  readonly waiting: Locator;
  readonly countdown: Locator;
  readonly note: Locator;
  readonly message: Locator;
  readonly empty: Locator;
  readonly failure: Locator;
  readonly failureMessage: Locator;
  readonly showProblem: Locator;
  readonly problem: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly more: Locator;
  readonly csv: Locator;
  readonly details: Locator;
  /** Under "details": where the recipe's paging comes from, and each raw request line. */
  readonly paging: Locator;
  readonly requestLines: Locator;
  readonly confirm: ConfirmWriteDialog;
  /** What the form says about the record its lookup found ("Job #1043: …, now Estimating"). */
  readonly preview: Locator;
  readonly refreshChoices: Locator;
  readonly downloadAll: DownloadAll;

  constructor(readonly page: Page) {
    this.header = new AppHeader(page);
    this.list = page.getByTestId("recipe-list");
    this.recipe = page.getByTestId("recipe");
    this.heading = this.recipe.getByRole("heading", { level: 2 });
    this.run = this.recipe.getByRole("button", { name: "Run", exact: true });
    this.review = this.recipe.getByRole("button", { name: "Review and send…", exact: true });
    this.viewerNote = this.recipe.getByTestId("viewer-note");
    this.formErrors = this.recipe.getByTestId("recipe-form-errors");
    this.busy = this.recipe.getByTestId("recipe-busy");
    this.waiting = this.recipe.getByTestId("recipe-waiting");
    // Not the countdowns inside "details", which show each raw answer as it came.
    this.countdown = this.recipe.locator('[data-testid="recipe-waiting"] [data-testid="retry-countdown"], [data-testid="recipe-failure"] [data-testid="retry-countdown"]');
    this.note = this.recipe.getByTestId("recipe-note");
    this.message = this.recipe.getByTestId("recipe-message");
    this.empty = this.recipe.getByTestId("recipe-empty");
    this.failure = this.recipe.getByTestId("recipe-failure");
    this.failureMessage = this.recipe.getByTestId("recipe-failure-message");
    this.showProblem = this.recipe.getByRole("button", { name: "Show the problem details" });
    this.problem = this.failure.getByTestId("problem");
    this.table = this.recipe.getByTestId("recipe-table");
    this.rows = this.table.locator("tbody tr");
    this.more = this.recipe.getByRole("button", { name: "More results" });
    this.csv = this.recipe.getByRole("link", { name: "Download CSV" });
    this.details = this.recipe.getByTestId("recipe-details");
    this.paging = this.details.getByTestId("recipe-paging");
    this.requestLines = this.details.getByTestId("recipe-request-line");
    this.confirm = new ConfirmWriteDialog(page);
    this.preview = this.recipe.getByTestId("recipe-preview");
    this.refreshChoices = this.recipe.getByRole("button", { name: "Refresh choices" });
    this.downloadAll = new DownloadAll(page, this.recipe);
  }

  /** The choices a select offers, without the empty one ("Choose…", "(any)"). */
  async choices(label: string): Promise<string[]> {
    const options = await this.field(label).locator("option").allTextContents();
    return options.filter((option) => option !== "Choose…" && option !== "(any)");
  }

  /** Opens one recipe by id, its form filled with `values`. */
  async open(id: string, values: Record<string, string> = {}) {
    const params = new URLSearchParams({ recipe: id, ...values });
    await this.page.goto(`/recipes?${params.toString()}`);
    await expect(this.recipe).toBeVisible();
  }

  field(label: string): Locator {
    return this.recipe.getByLabel(label);
  }

  /** Runs a read and waits for its outcome (a table, a message, or a failure). */
  async runAndWait() {
    await this.run.click();
    await expect(this.busy).toBeHidden({ timeout: 20_000 });
    await expect(this.table.or(this.empty).or(this.failure).or(this.message).first()).toBeVisible();
  }

  /** Opens "details" (the raw requests and answers). */
  async openDetails() {
    await this.details.locator("summary").first().click();
  }

  /** The text of one column, top to bottom. */
  async column(label: string): Promise<string[]> {
    const headers = await this.table.locator("thead th").allTextContents();
    const index = headers.findIndex((text) => text.trim() === label);
    if (index === -1) throw new Error(`no column ${label} in ${headers.join(", ")}`);
    return this.rows.locator(`td:nth-child(${index + 1})`).allTextContents();
  }
}
