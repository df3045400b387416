// The answer viewer on the console: the status line, the body views the media type allows, the
// downloads, the response headers, the Problem Details card with its plain words, and a 429's countdown.
import type { Locator, Page } from "@playwright/test";
import { DownloadAll } from "./download-all";

export class AnswerViewer {
  readonly section: Locator;
  readonly status: Locator;
  readonly meaning: Locator;
  readonly duration: Locator;
  readonly size: Locator;
  /** Whichever view is open (table, JSON, tree, raw…). */
  readonly body: Locator;
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
  readonly columnsToggle: Locator;
  readonly columns: Locator;
  /** The Problem Details card (title, status, detail, instance, type, extension members). */
  readonly problem: Locator;
  /** The plain sentences above the card: what happened and what to do. */
  readonly problemExplanation: Locator;
  /** "The answer was cut off", when JobNimbus broke off mid-body. */
  readonly cutOff: Locator;
  /** "You can try again in N seconds." */
  readonly countdown: Locator;
  /** The note that a GET will be sent once more by itself when the countdown ends. */
  readonly autoRetry: Locator;
  /** "This endpoint is deprecated and stops working on …", with JobNimbus's link. */
  readonly deprecation: Locator;
  /** "Download all": every page of a list answer into one CSV. */
  readonly downloadAll: DownloadAll;
  /** "Sent as jane@roofco.com": whom JobNimbus recorded the call as, when a team key acts as the person. */
  readonly sentAs: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId("response");
    this.status = page.getByTestId("response-status");
    this.meaning = page.getByTestId("status-meaning");
    this.duration = page.getByTestId("response-duration");
    this.size = page.getByTestId("response-size");
    this.body = page.getByTestId("response-body");
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
    this.columnsToggle = this.section.locator("summary", { hasText: /^Columns/ });
    this.columns = this.section.getByRole("group", { name: "Columns to show" });
    this.problem = page.getByTestId("problem");
    this.problemExplanation = page.getByTestId("problem-explanation");
    this.cutOff = page.getByTestId("cut-off");
    this.countdown = page.getByTestId("retry-countdown");
    this.autoRetry = page.getByTestId("retry-auto");
    this.downloadAll = new DownloadAll(page, this.section);
    this.deprecation = page.getByTestId("deprecation");
    this.sentAs = page.getByTestId("sent-as");
  }

  /** A body view's tab: "Table", "JSON", "Tree", "Raw", "Problem", "Image", "PDF", "File", "Text". */
  view(name: string): Locator {
    return this.views.getByRole("tab", { name, exact: true });
  }

  /** The problem card's "What to fix" list: one item per field error. */
  problemFieldErrors(): Locator {
    return this.problem.getByTestId("problem-field-errors").getByRole("listitem");
  }

  /** One row of the problem card's list: "Status", "Detail", "What to fix", "Reference", "Instance", "Type", or an extension member. */
  problemValue(term: string): Locator {
    return this.problem.locator(`dt:text-is("${term}") + dd`);
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
