// Page objects for the office features (recipes, the endpoint catalogue, write confirmations,
// 429 countdowns). Kept apart from pages.ts so the console's own page objects stay small.
import { expect, type Locator, type Page, type Request } from "@playwright/test";
import type { ConsolePage } from "./pages";

/** A key only this test uses: the mock rate-limits per key (50 requests a second). */
export function freshKey(name: string): string {
  return `test-office-${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Saves a fresh key through the keys panel; returns its label. */
export async function addFreshKey(consolePage: ConsolePage, name: string): Promise<string> {
  const label = `Office ${name}`;
  await consolePage.addKey(label, freshKey(name));
  return label;
}

/** Every proxied call the page makes from now on, in order. */
export function proxyCalls(page: Page): Request[] {
  const calls: Request[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/proxy/")) calls.push(request);
  });
  return calls;
}

/** The confirmation dialog every write goes through. */
export class ConfirmDialog {
  readonly dialog: Locator;
  readonly details: Locator;
  readonly typed: Locator;
  readonly confirm: Locator;
  readonly delete: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole("dialog");
    this.details = this.dialog.getByTestId("confirm-write-details");
    this.typed = this.dialog.getByLabel(/^To confirm, type/);
    this.confirm = this.dialog.getByRole("button", { name: "Confirm", exact: true });
    this.delete = this.dialog.getByRole("button", { name: "Delete", exact: true });
    this.cancel = this.dialog.getByRole("button", { name: "Cancel", exact: true });
  }

  async expectAsking(summary: string | RegExp) {
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByRole("heading", { level: 2 })).toHaveText(summary);
  }
}

/** /recipes: the list, one recipe's form, its outcome, result table and details. */
export class RecipesPage {
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
  readonly confirm: ConfirmDialog;

  constructor(readonly page: Page) {
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
    this.confirm = new ConfirmDialog(page);
  }

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

  /** The text of one column, top to bottom. */
  async column(label: string): Promise<string[]> {
    const headers = await this.table.locator("thead th").allTextContents();
    const index = headers.findIndex((text) => text.trim() === label);
    if (index === -1) throw new Error(`no column ${label} in ${headers.join(", ")}`);
    return this.rows.locator(`td:nth-child(${index + 1})`).allTextContents();
  }
}

/** The endpoint catalogue in the console's sidebar, and the form of the operation picked. */
export class CatalogPart {
  readonly section: Locator;
  readonly source: Locator;
  readonly search: Locator;
  readonly operations: Locator;
  readonly error: Locator;
  readonly uploadError: Locator;
  readonly upload: Locator;
  /** The note naming the uploaded document in use, and its button back to the server's catalogue. */
  readonly uploaded: Locator;
  readonly backToServer: Locator;
  readonly form: Locator;
  readonly formErrors: Locator;
  readonly send: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId("catalog");
    this.source = page.getByTestId("catalog-source");
    this.search = page.getByLabel("Search endpoints");
    this.operations = page.getByTestId("catalog-operations");
    this.error = page.getByTestId("catalog-error");
    this.uploadError = page.getByTestId("catalog-upload-error");
    this.upload = page.getByLabel("Use another OpenAPI document (JSON or YAML)");
    this.uploaded = page.getByTestId("catalog-uploaded");
    this.backToServer = page.getByRole("button", { name: "Use the server's catalogue again" });
    this.form = page.getByTestId("operation-form");
    this.formErrors = page.getByTestId("operation-errors");
    this.send = this.form.getByRole("button", { name: /^Check and send/ });
  }

  group(tag: string): Locator {
    return this.operations.getByRole("group", { name: tag, exact: true });
  }

  /** An operation's button; its name is the method then the summary ("POST Create a contact"). */
  operation(summary: string, tag?: string): Locator {
    const escaped = summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return (tag ? this.group(tag) : this.operations).getByRole("button", { name: new RegExp(`^(GET|POST|PUT|PATCH|DELETE) ${escaped}( \\(editors only\\))?$`) });
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: false });
  }

  async uploadJson(name: string, document: unknown) {
    await this.upload.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(typeof document === "string" ? document : JSON.stringify(document)) });
  }

  async uploadYaml(name: string, text: string) {
    await this.upload.setInputFiles({ name, mimeType: "application/yaml", buffer: Buffer.from(text) });
  }
}
