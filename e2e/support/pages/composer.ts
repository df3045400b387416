// The request composer on the console: API, method and path, {id} path parameters, the
// Params/Headers/Body tabs, Send and Cancel, and what it says while a call is out.
import { expect, type Locator, type Page } from "@playwright/test";

/** One editable row (query parameter or header): on/off box, name, value, remove button. */
export type Row = { enabled: Locator; name: Locator; value: Locator; remove: Locator };

export type Draft = { upstream?: "platform" | "legacy"; body?: string };

export class Composer {
  readonly section: Locator;
  readonly upstream: Locator;
  readonly method: Locator;
  readonly path: Locator;
  readonly send: Locator;
  /** The composer's own Cancel (stops a call in flight), not the one in the write dialog. */
  readonly cancel: Locator;
  /** "Waiting for JobNimbus… 1.2 s" while a request is out. */
  readonly sending: Locator;
  /** Why Send did nothing (a path parameter is empty, say). */
  readonly hint: Locator;
  /** The "add a key first" guidance. */
  readonly needsKey: Locator;
  /** The sentence that tells a viewer why they can only read. */
  readonly viewerExplanation: Locator;
  readonly pathParams: Locator;
  readonly addParameter: Locator;
  readonly addHeader: Locator;
  readonly body: Locator;
  readonly bodyStatus: Locator;
  readonly format: Locator;
  readonly minify: Locator;
  /** "Act as" on legacy requests: the actor query parameter, with the team's emails offered. */
  readonly actAs: Locator;
  readonly actAsChoices: Locator;
  /** In place of "Act as" while a shared key that acts as the signed-in person is in use: "Acts as you (…)". */
  readonly actAsFixed: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Compose a request" });
    this.upstream = page.getByLabel("API", { exact: true });
    this.method = page.getByLabel("Method", { exact: true });
    this.path = page.locator("#path");
    this.send = page.getByRole("button", { name: "Send", exact: true });
    this.cancel = this.section.getByRole("button", { name: "Cancel", exact: true }).first();
    this.sending = page.getByTestId("sending");
    this.hint = page.getByTestId("composer-hint");
    this.needsKey = page.getByTestId("needs-key");
    this.viewerExplanation = page.getByText(/your role is viewer/i);
    this.pathParams = this.section.getByRole("group", { name: "Path parameters" });
    this.addParameter = this.section.getByRole("button", { name: "Add parameter" });
    this.addHeader = this.section.getByRole("button", { name: "Add header" });
    this.body = page.getByLabel("JSON body", { exact: true });
    this.bodyStatus = page.locator("#json-body-status");
    this.format = this.section.getByRole("button", { name: "Format", exact: true });
    this.minify = this.section.getByRole("button", { name: "Minify", exact: true });
    this.actAs = this.section.getByLabel(/^Act as/);
    this.actAsChoices = this.section.getByTestId("act-as").locator("datalist option");
    this.actAsFixed = this.section.getByTestId("act-as-fixed");
  }

  methodOption(method: string): Locator {
    return this.method.locator("option", { hasText: new RegExp(`^\\s*${method}\\s*$`) });
  }

  pathParam(name: string): Locator {
    return this.pathParams.getByLabel(name, { exact: true });
  }

  /** "Params", "Headers" or "Body" (the first two carry a count: "Params (2)"). */
  tab(name: "Params" | "Headers" | "Body"): Locator {
    return this.section.getByRole("tab", { name: new RegExp(`^${name}\\b`) });
  }

  /** Row `n` (1-based) of the query parameters. */
  queryRow(n: number): Row {
    return this.row("query parameters", "Query parameters", n);
  }

  /** Row `n` (1-based) of the headers. */
  headerRow(n: number): Row {
    return this.row("headers", "Headers", n);
  }

  /** The one-line reason shown under a row the console will not send. */
  refusals(): Locator {
    return this.section.getByRole("alert").filter({ hasText: /^Not sent:/ });
  }

  private row(lower: string, label: string, n: number): Row {
    return {
      enabled: this.section.getByLabel(`Send ${lower} row ${n}`, { exact: true }),
      name: this.section.getByLabel(`${label} ${n} name`, { exact: true }),
      value: this.section.getByLabel(`${label} ${n} value`, { exact: true }),
      remove: this.section.getByLabel(`Remove ${lower} row ${n}`, { exact: true }),
    };
  }

  /** Opens the Body tab (the editor loads lazily) and replaces the body with `text`. */
  async setBody(text: string) {
    await this.tab("Body").click();
    await expect(this.body).toBeVisible();
    await this.body.fill(text);
  }

  /** Fills in a request (API, method, path, optional JSON body) without sending it; the legacy API unless told. */
  async compose(method: string, path: string, draft: Draft = {}) {
    await this.upstream.selectOption(draft.upstream ?? "legacy");
    await this.method.selectOption(method);
    await this.path.fill(path);
    if (draft.body !== undefined) await this.setBody(draft.body);
  }
}
