// The endpoint catalogue in the console's sidebar: operations from the OpenAPI document grouped by
// tag, its search and upload, and the checked form of the operation picked.
import type { Locator, Page } from "@playwright/test";

export class CatalogPanel {
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
  /** Where the picked operation's description comes from (x-console-source). */
  readonly sources: Locator;

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
    this.sources = this.form.getByTestId("operation-sources");
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
