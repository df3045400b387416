// Page objects for the browser suite: every selector the specs use lives here, so a UI change
// means one edit in this file, not in every spec. Role and label selectors first, test ids second.
import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page, type Response } from "@playwright/test";
import { E2E_URL, PORTS } from "./users.mjs";

export const CONSOLE_ORIGIN = new URL(E2E_URL).origin;
export const OIDC_ORIGIN = `http://127.0.0.1:${PORTS.oidc}`;
/** The mock JobNimbus API behind the browser suite's console (its Platform base; Legacy is under /api1). */
export const MOCK_ORIGIN = `http://127.0.0.1:${PORTS.mock}`;

/**
 * A key the mock accepts with full access ("test-…"), new for each call: the mock limits each key to
 * 50 requests a second, so one key per test keeps tests from slowing each other down.
 */
export function freshTestKey(tag = "e2e"): string {
  return `test-${tag}-${randomBytes(8).toString("hex")}`;
}

const isProxyCall = (res: Response) => new URL(res.url()).pathname.startsWith("/api/proxy/");

/** /signin: the password form, one button per single sign-on method, demo hints, sign-in errors. */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** Any error shown on the page: the form's own message or the one from ?error=… after SSO. */
  readonly alert: Locator;
  readonly demoHints: Locator;
  readonly demoUsers: Locator;
  readonly demoKeys: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    // Next.js's route announcer is an empty role=alert on every page; it is not a message.
    this.alert = page.getByRole("alert").and(page.locator(":not(#__next-route-announcer__)"));
    this.demoHints = page.getByRole("region", { name: "Demo mode" });
    this.demoUsers = page.getByTestId("demo-users");
    this.demoKeys = page.getByTestId("demo-keys");
  }

  ssoButton(name: string): Locator {
    return this.page.getByRole("button", { name: `Sign in with ${name}` });
  }

  async goto() {
    await this.page.goto("/signin");
    await expect(this.page).toHaveURL(/\/signin(\?|$)/);
  }

  /** Fills and submits the password form; does not wait for the outcome. */
  async submitPassword(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Password sign-in that must succeed: ends on the console with its header visible. */
  async signInWithPassword(email: string, password: string): Promise<ConsolePage> {
    await this.goto();
    await this.submitPassword(email, password);
    const console = new ConsolePage(this.page);
    await console.waitUntilReady();
    return console;
  }

  /** Starts single sign-on; ends on the provider's login screen. */
  async startSso(name: string): Promise<OidcLoginPage> {
    await this.ssoButton(name).click();
    await this.page.waitForURL((url) => url.origin === OIDC_ORIGIN);
    const login = new OidcLoginPage(this.page);
    await expect(login.login).toBeVisible();
    return login;
  }
}

/** The loopback OpenID Provider's screens (e2e/support/oidc-provider.mjs): log in, then allow. */
export class OidcLoginPage {
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly allow: Locator;

  constructor(readonly page: Page) {
    this.login = page.getByLabel("Login", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Continue" });
    this.allow = page.getByRole("button", { name: "Allow" });
  }

  /** Logs in, allows access if the provider asks, and waits until the browser is back on the console's origin. */
  async signIn(login: string, password = "any-password") {
    const loginPath = new URL(this.page.url()).pathname;
    await this.login.fill(login);
    await this.password.fill(password);
    await this.submit.click();
    // Next stop: a new interaction (consent) on the provider, or straight back to the console.
    await this.page.waitForURL(
      (url) => url.origin !== OIDC_ORIGIN || (/^\/interaction\/[^/]+$/.test(url.pathname) && url.pathname !== loginPath),
    );
    if (new URL(this.page.url()).origin === OIDC_ORIGIN) {
      await this.allow.click();
      await this.page.waitForURL((url) => url.origin !== OIDC_ORIGIN);
    }
    await this.page.waitForLoadState();
  }
}

/** The console page (/): who is signed in, keys, request composer, response viewer. */
export class ConsolePage {
  readonly whoami: Locator;
  readonly signOutButton: Locator;
  // keys
  readonly keyLabel: Locator;
  readonly apiKey: Locator;
  readonly saveKey: Locator;
  readonly keyList: Locator;
  readonly noKeys: Locator;
  readonly keySaved: Locator;
  // composer
  readonly method: Locator;
  readonly path: Locator;
  readonly send: Locator;
  /** The sentence that tells a viewer why they can only read. */
  readonly viewerExplanation: Locator;
  // response
  readonly responseStatus: Locator;
  readonly responseBody: Locator;
  readonly problem: Locator;
  readonly problemExplanation: Locator;
  // the parts of the page, each with its own object (below)
  /** "Key: label (…last4)" in the header, or "Key: none". */
  readonly activeKey: Locator;
  readonly keys: KeysPanelPart;
  readonly composer: ComposerPart;
  readonly tools: RequestToolsPart;
  readonly answer: AnswerPart;
  readonly requests: RequestsPart;
  readonly theme: Locator;

  constructor(readonly page: Page) {
    this.whoami = page.getByTestId("whoami");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.keyLabel = page.getByLabel("Label", { exact: true });
    this.apiKey = page.getByLabel("API key", { exact: true });
    this.saveKey = page.getByRole("button", { name: "Save key" });
    this.keyList = page.getByTestId("key-list");
    this.noKeys = page.getByTestId("no-keys");
    this.keySaved = page.getByRole("status").filter({ hasText: /key saved/i });
    this.method = page.getByLabel("Method", { exact: true });
    this.path = page.locator("#path");
    this.send = page.getByRole("button", { name: "Send", exact: true });
    this.viewerExplanation = page.getByText(/your role is viewer/i);
    this.responseStatus = page.getByTestId("response-status");
    this.responseBody = page.getByTestId("response-body");
    this.problem = page.getByTestId("problem");
    this.problemExplanation = page.getByTestId("problem-explanation");
    this.activeKey = page.getByTestId("active-key");
    this.keys = new KeysPanelPart(page);
    this.composer = new ComposerPart(page);
    this.tools = new RequestToolsPart(page);
    this.answer = new AnswerPart(page);
    this.requests = new RequestsPart(page);
    this.theme = page.getByRole("combobox", { name: "Theme", exact: true });
  }

  async goto() {
    await this.page.goto("/");
    await this.waitUntilReady();
  }

  /** Signed in and the key list has loaded (either the list or the "no key yet" hint is shown). */
  async waitUntilReady() {
    await this.page.waitForURL((url) => url.origin === CONSOLE_ORIGIN && url.pathname === "/");
    await expect(this.whoami).toBeVisible();
    await expect(this.keyList.or(this.noKeys)).toBeVisible();
  }

  async expectSignedInAs(email: string, role: string) {
    await expect(this.whoami).toContainText(email);
    await expect(this.whoami).toContainText(new RegExp(`\\b${role}\\b`));
  }

  keyEntry(label: string): Locator {
    return this.keyList.getByRole("listitem").filter({ hasText: label });
  }

  async addKey(label: string, key: string) {
    await this.keyLabel.fill(label);
    await this.apiKey.fill(key);
    await this.saveKey.click();
    await expect(this.keyEntry(label)).toBeVisible();
  }

  methodOption(method: string): Locator {
    return this.method.locator("option", { hasText: new RegExp(`^\\s*${method}\\s*$`) });
  }

  /** Sends one request and waits for its answer to be shown. */
  async sendRequest(method: string, path: string) {
    await this.method.selectOption(method);
    await this.path.fill(path);
    const answered = this.page.waitForResponse((res) => new URL(res.url()).pathname.startsWith("/api/proxy/"));
    await this.send.click();
    await answered;
    await expect(this.responseStatus).toBeVisible();
  }

  /**
   * Sends what the composer holds (by clicking Send, or by `trigger`) and waits until the answer is
   * drawn: the proxy call has finished and the composer no longer shows "Waiting…". A write that the
   * console asks to confirm in its dialog is confirmed, unless `confirm` is false.
   */
  async sendAndWait(trigger?: () => Promise<void>, { confirm = true } = {}): Promise<Response> {
    const method = await this.method.inputValue();
    // Matched by method too: confirming an update may first read the record with a GET.
    const answered = this.page.waitForResponse((res) => isProxyCall(res) && res.request().method() === method);
    await (trigger ? trigger() : this.send.click());
    if (method !== "GET" && confirm) {
      const asked = await Promise.race([
        answered.then(() => false),
        this.composer.confirmWrite.waitFor({ state: "visible" }).then(() => true, () => false),
      ]);
      if (asked) await this.composer.confirmWrite.getByRole("button", { name: "Confirm", exact: true }).click();
    }
    const res = await answered;
    // The answer's headers are in, so the composer shows "Waiting…" until the whole body is read and drawn.
    await expect(this.composer.sending).toBeHidden();
    await expect(this.answer.section).toBeVisible();
    return res;
  }

  /** Fills the composer (API, method, path, optional JSON body) and sends it; see sendAndWait. */
  async call(method: string, path: string, options: { upstream?: "platform" | "legacy"; body?: string } = {}): Promise<Response> {
    await this.composer.upstream.selectOption(options.upstream ?? "platform");
    await this.method.selectOption(method);
    await this.path.fill(path);
    if (options.body !== undefined) await this.composer.setBody(options.body);
    return this.sendAndWait();
  }

  async signOut(): Promise<SignInPage> {
    await this.signOutButton.click();
    await this.page.waitForURL(/\/signin(\?|$)/);
    const signIn = new SignInPage(this.page);
    await expect(signIn.submit).toBeVisible();
    return signIn;
  }

  /** Everything browser code can read: storage and the cookies visible to document.cookie. */
  async readableStorage(): Promise<{ localStorage: string; sessionStorage: string; cookie: string; inputs: string[] }> {
    return this.page.evaluate(() => {
      const dump = (store: Storage) =>
        JSON.stringify(Array.from({ length: store.length }, (_, i) => {
          const name = store.key(i) ?? "";
          return [name, store.getItem(name)];
        }));
      return {
        localStorage: dump(window.localStorage),
        sessionStorage: dump(window.sessionStorage),
        cookie: document.cookie,
        inputs: Array.from(document.querySelectorAll("input, textarea"), (el) => (el as HTMLInputElement).value),
      };
    });
  }
}

/** The keys panel: the add form, the list (label, last four, dates) and each entry's buttons. */
export class KeysPanelPart {
  readonly panel: Locator;
  readonly form: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("complementary", { name: "API keys" });
    this.form = page.getByRole("form", { name: "Add an API key" });
    this.message = this.form.getByRole("alert").or(this.form.getByRole("status"));
  }

  entry(label: string): Locator {
    return this.page.getByTestId("key-list").getByRole("listitem").filter({ hasText: label });
  }

  useButton(label: string): Locator {
    return this.entry(label).getByRole("button", { name: "Use this key" });
  }

  deleteButton(label: string): Locator {
    return this.entry(label).getByRole("button", { name: "Delete" });
  }
}

/** One editable row (query parameter or header): on/off box, name, value, remove button, refusal reason. */
export type RowPart = { enabled: Locator; name: Locator; value: Locator; remove: Locator };

/** The request composer: API, method, path, path parameters, the Params/Headers/Body tabs. */
export class ComposerPart {
  readonly section: Locator;
  readonly upstream: Locator;
  readonly cancel: Locator;
  /** "Waiting for JobNimbus… 1.2 s" while a request is out. */
  readonly sending: Locator;
  /** Why Send did nothing (a path parameter is empty, say). */
  readonly hint: Locator;
  /** The "add a key first" guidance. */
  readonly needsKey: Locator;
  readonly pathParams: Locator;
  readonly addParameter: Locator;
  readonly addHeader: Locator;
  readonly body: Locator;
  readonly bodyStatus: Locator;
  readonly format: Locator;
  readonly minify: Locator;
  /** The dialog that asks before a write is sent. */
  readonly confirmWrite: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Compose a request" });
    this.upstream = page.getByLabel("API", { exact: true });
    this.confirmWrite = page.getByTestId("confirm-write");
    // The composer's own Cancel (stops a call in flight), not the one in the write dialog.
    this.cancel = this.section.getByRole("button", { name: "Cancel", exact: true }).first();
    this.sending = page.getByTestId("sending");
    this.hint = page.getByTestId("composer-hint");
    this.needsKey = page.getByTestId("needs-key");
    this.pathParams = this.section.getByRole("group", { name: "Path parameters" });
    this.addParameter = this.section.getByRole("button", { name: "Add parameter" });
    this.addHeader = this.section.getByRole("button", { name: "Add header" });
    this.body = page.getByLabel("JSON body", { exact: true });
    this.bodyStatus = page.locator("#json-body-status");
    this.format = this.section.getByRole("button", { name: "Format", exact: true });
    this.minify = this.section.getByRole("button", { name: "Minify", exact: true });
  }

  pathParam(name: string): Locator {
    return this.pathParams.getByLabel(name, { exact: true });
  }

  /** "Params", "Headers" or "Body" (the first two carry a count: "Params (2)"). */
  tab(name: "Params" | "Headers" | "Body"): Locator {
    return this.section.getByRole("tab", { name: new RegExp(`^${name}\\b`) });
  }

  /** Row `n` (1-based) of the query parameters. */
  queryRow(n: number): RowPart {
    return this.row("query parameters", "Query parameters", n);
  }

  /** Row `n` (1-based) of the headers. */
  headerRow(n: number): RowPart {
    return this.row("headers", "Headers", n);
  }

  /** The one-line reason shown under a row the console will not send. */
  refusals(): Locator {
    return this.section.getByRole("alert").filter({ hasText: /^Not sent:/ });
  }

  private row(lower: string, label: string, n: number): RowPart {
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
}

/** Copy as cURL / fetch / Python, Share link and Save, with the text they produce. */
export class RequestToolsPart {
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
  async copySnippet(kind: "cURL" | "JavaScript fetch" | "Python requests"): Promise<string> {
    const menu = this.page.getByRole("button", { name: kind, exact: true });
    if (!(await menu.isVisible())) await this.copyAs.click();
    await menu.click();
    const shown = this.page.getByRole("textbox", { name: kind, exact: true });
    await expect(shown).toBeVisible();
    return shown.inputValue();
  }
}

/** The answer: status line, body views, downloads, headers, problem card and countdown. */
export class AnswerPart {
  readonly section: Locator;
  readonly status: Locator;
  readonly meaning: Locator;
  readonly duration: Locator;
  readonly size: Locator;
  readonly views: Locator;
  readonly table: Locator;
  readonly tableCount: Locator;
  readonly json: Locator;
  readonly tree: Locator;
  readonly raw: Locator;
  readonly file: Locator;
  readonly downloadJson: Locator;
  readonly downloadCsv: Locator;
  readonly headersToggle: Locator;
  readonly headers: Locator;
  readonly countdown: Locator;
  readonly columnsToggle: Locator;
  readonly columns: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId("response");
    this.status = page.getByTestId("response-status");
    this.meaning = page.getByTestId("status-meaning");
    this.duration = page.getByTestId("response-duration");
    this.size = page.getByTestId("response-size");
    this.views = page.getByRole("tablist", { name: "Ways to view the answer" });
    this.table = page.getByTestId("table-view");
    this.tableCount = page.getByTestId("table-count");
    this.json = page.getByTestId("json-view");
    this.tree = page.getByTestId("tree-view");
    this.raw = page.getByTestId("raw-body");
    this.file = page.getByTestId("file-view");
    this.downloadJson = this.section.getByRole("link", { name: "Download JSON", exact: true });
    this.downloadCsv = this.section.getByRole("link", { name: "Download CSV", exact: true });
    this.headersToggle = this.section.locator("summary", { hasText: "Response headers" });
    this.headers = page.getByTestId("response-headers");
    this.countdown = page.getByTestId("retry-countdown");
    this.columnsToggle = this.section.locator("summary", { hasText: /^Columns/ });
    this.columns = this.section.getByRole("group", { name: "Columns to show" });
  }

  /** A body view's tab: "Table", "JSON", "Tree", "Raw", "Problem", "Image", "PDF", "File", "Text". */
  view(name: string): Locator {
    return this.views.getByRole("tab", { name, exact: true });
  }

  /** The button in a table column's header (its title is "Sort by <column>"). */
  sortButton(column: string): Locator {
    return this.table.getByTitle(`Sort by ${column}`, { exact: true });
  }

  columnHeader(column: string): Locator {
    return this.table.getByRole("columnheader").filter({ has: this.page.getByTitle(`Sort by ${column}`, { exact: true }) });
  }

  /** Rows the table has in the DOM right now (virtualised: only those near the view). */
  tableRows(): Locator {
    return this.table.locator("[role=row][aria-rowindex]");
  }

  /** The text of one column in the rows now in the DOM, top to bottom. */
  async columnValues(column: string): Promise<string[]> {
    return this.table.evaluate((table, name) => {
      const headers = [...table.querySelectorAll("[role=columnheader]")];
      const at = headers.findIndex((h) => h.querySelector(`[title="Sort by ${CSS.escape(name)}"]`));
      if (at === -1) throw new Error(`no column ${name}`);
      const rows = [...table.querySelectorAll("[role=row][aria-rowindex]")].sort(
        (a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")),
      );
      return rows.map((row) => row.querySelectorAll("[role=cell]")[at]?.textContent ?? "");
    }, column);
  }

  /**
   * The answer's body as the Raw view shows it (whole, for answers under its 2 MB cut), then back to the
   * view that was open. Read from the page, not from Playwright's Response: its body() and finished()
   * sometimes never settle for the proxy's streamed answers in this Chromium.
   */
  async rawText(): Promise<string> {
    const before = (await this.views.getByRole("tab", { selected: true }).textContent()) ?? "Raw";
    await this.view("Raw").click();
    const text = (await this.raw.textContent()) ?? "";
    if (before !== "Raw") await this.view(before).click();
    return text;
  }

  /** The answer's body parsed as JSON (see rawText). */
  async bodyJson<T = unknown>(): Promise<T> {
    return JSON.parse(await this.rawText()) as T;
  }

  /** Seconds left in "You can try again in N seconds.", or 0 once it says "now". */
  async secondsLeft(): Promise<number> {
    const text = (await this.countdown.textContent()) ?? "";
    const match = /in (\d+) second/.exec(text);
    return match ? Number(match[1]) : 0;
  }
}

/** History and saved requests (kept in this browser), with search, export and import. */
export class RequestsPart {
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
