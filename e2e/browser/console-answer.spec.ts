// Reading the answer: one call end to end, then the status line, the views the media type allows, sorting
// and columns, names and dates in legacy tables, JSON and CSV downloads, Download all, a deprecated
// endpoint's sunset in words, images and PDFs, and big answers drawn as virtualised rows.
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { freshTestKey, readMock } from "../support/mock";
import { proxyCalls } from "../support/proxy-calls";
import type { ConsolePage } from "../support/pages/console";
import { KEYS } from "../support/users.mjs";

async function withKey(signInAs: (user: "editor") => Promise<ConsolePage>, tag: string) {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("Mock", freshTestKey(tag));
  return consolePage;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await file.path();
  return { file, text: await readFile(path, "utf8") };
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const byTable = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });

test("a GET through the proxy shows status 200 and the contacts; a JobNimbus 404 shows the problem card", async ({ signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("Mock", KEYS.editor);

  // The composer opens on the legacy API's contacts.
  await expect(consolePage.composer.upstream).toHaveValue("legacy");
  await consolePage.sendRequest("GET", "contacts?size=5");
  await expect(consolePage.answer.status).toContainText("200");
  // Contacts, whichever view the console picks (table, JSON or tree): their fields and an email.
  await expect(consolePage.answer.body).toContainText("jnid");
  await expect(consolePage.answer.body).toContainText("display_name");
  await expect(consolePage.answer.body).toContainText(/@example\.(net|com|org)/);
  await expect(consolePage.answer.problem).toHaveCount(0);

  await consolePage.sendRequest("GET", "contacts/doesnotexist");
  await expect(consolePage.answer.status).toContainText("404");
  await expect(consolePage.answer.problem).toBeVisible();
  // Plain words first (what happened, what to do), then JobNimbus's own detail.
  await expect(consolePage.answer.problemExplanation).toHaveText(/nothing at this address|deleted|id or path is wrong/i);
  await expect(consolePage.answer.problem).toContainText("doesnotexist");
});

test("the status line: code with its meaning, duration, size in bytes and the response headers", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, "status");
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts?size=5");
  const body = Buffer.from(await answer.rawText(), "utf8");

  await expect(answer.status).toHaveText("200");
  await expect(answer.meaning).toHaveText("OK — it worked");
  await expect(answer.duration).toHaveText(/^\d[\d,]* ms$/);
  await expect(answer.size).toHaveText(`${body.byteLength.toLocaleString("en-US")} bytes`);

  await expect(answer.headers).toBeHidden();
  await answer.headersToggle.click();
  await expect(answer.headers).toBeVisible();
  await expect(answer.headers).toContainText(/content-type\s*application\/json/);
  await expect(answer.headers).toContainText(/cache-control\s*no-store/);
  await expect(answer.headersToggle).toHaveText(/^Response headers \(\d+\)$/);
});

test("a results array opens as a table; JSON (with folding), Tree and Raw show the same answer", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, "views");
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts?size=5");
  const data = await answer.bodyJson<{ results: { jnid: string; display_name: string }[] }>();

  await expect(answer.views.getByRole("tab")).toHaveText(["Table", "JSON", "Tree", "Raw", "File"]);
  await expect(answer.view("Table")).toHaveAttribute("aria-selected", "true");
  await expect(answer.table).toBeVisible();
  await expect(answer.tableCount).toHaveText("5 records");
  await expect(answer.tableRows()).toHaveCount(5);
  for (const record of data.results) await expect(answer.table).toContainText(record.display_name);

  await answer.view("JSON").click();
  await expect(answer.view("JSON")).toHaveAttribute("aria-selected", "true");
  await expect(answer.table).toHaveCount(0);
  await expect(answer.json).toContainText('"results": [');
  await expect(answer.json).toContainText(`"jnid": "${data.results[0]!.jnid}"`);
  await answer.json.getByRole("button", { name: "Fold results" }).click();
  await expect(answer.json).toContainText("… 5 items");
  await expect(answer.json).not.toContainText(data.results[0]!.jnid);
  await answer.json.getByRole("button", { name: "Unfold results" }).click();
  await expect(answer.json).toContainText(data.results[0]!.jnid);

  await answer.view("Tree").click();
  await expect(answer.tree).toContainText("results");
  await expect(answer.tree).toContainText("Array (5)");
  await expect(answer.tree).toContainText(data.results[0]!.display_name);

  await answer.view("Raw").click();
  await expect(answer.raw).toBeVisible();
  expect(JSON.parse((await answer.raw.textContent()) ?? "")).toEqual(data);
});

test("clicking a column header sorts the rows (ascending, then descending); the column picker hides a column", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, "sort");
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts?size=15");
  await expect(answer.tableRows()).toHaveCount(15);

  const original = await answer.columnValues("display_name");
  const ascending = [...original].sort(byTable);
  expect(original, "the mock's order is not already by name").not.toEqual(ascending);

  await answer.sortButton("display_name").click();
  await expect(answer.columnHeader("display_name")).toHaveAttribute("aria-sort", "ascending");
  expect(await answer.columnValues("display_name")).toEqual(ascending);

  await answer.sortButton("display_name").click();
  await expect(answer.columnHeader("display_name")).toHaveAttribute("aria-sort", "descending");
  const descending = await answer.columnValues("display_name");
  expect(descending).toEqual([...descending].sort((a, b) => byTable(b, a)));
  expect(descending[0]).toBe(ascending.at(-1));

  // Hide a column, then show it again.
  await expect(answer.columnHeader("email")).toBeVisible();
  const picker = (await answer.columnsToggle.textContent()) ?? "";
  const [, shown, total] = /Columns \((\d+) of (\d+)\)/.exec(picker) ?? [];
  await answer.columnsToggle.click();
  await answer.columns.getByLabel("email", { exact: true }).uncheck();
  await expect(answer.columnHeader("email")).toHaveCount(0);
  await expect(answer.columnsToggle).toHaveText(`Columns (${Number(shown) - 1} of ${total})`);
  await expect(answer.table.getByRole("columnheader")).toHaveCount(Number(shown) - 1);
  await answer.columns.getByLabel("email", { exact: true }).check();
  await expect(answer.columnHeader("email")).toBeVisible();
});

test("Download JSON saves the answer as sent; Download CSV has a header row and one line per record", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, "downloads");
  await consolePage.call("GET", "contacts?size=7");
  const data = await consolePage.answer.bodyJson<{ results: Record<string, unknown>[] }>();

  const json = await download(page, () => consolePage.answer.downloadJson.click());
  expect(json.file.suggestedFilename()).toMatch(/\.json$/);
  expect(JSON.parse(json.text)).toEqual(data);

  const csv = await download(page, () => consolePage.answer.downloadCsv.click());
  expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
  const rows = parseCsv(csv.text);
  const columns = [...new Set(data.results.flatMap((record) => Object.keys(record)))];
  expect(rows[0], "the header row names every field").toEqual(columns);
  expect(rows.length - 1, "one line per record").toBe(data.results.length);
  const jnid = columns.indexOf("jnid");
  expect(rows.slice(1).map((row) => row[jnid])).toEqual(data.results.map((record) => record.jnid));
  for (const row of rows) expect(row).toHaveLength(columns.length);
});

test("a legacy list's table shows team members by name and unix seconds as dates; sorting and the CSV keep the data", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, "names");
  const { answer } = consolePage;
  const { users } = await readMock<{ users: { id: string; first_name: string; last_name: string }[] }>("/api1/account/users");
  const names = new Set(users.map((u) => `${u.first_name} ${u.last_name}`));
  const calls = proxyCalls(page);
  await consolePage.call("GET", "jobs?size=10&fields=jnid,number,sales_rep,owners,date_created");
  const { results } = await answer.bodyJson<{ results: { sales_rep: string | null; owners: { id: string }[]; date_created: number }[] }>();

  // The team is read once (through the proxy, with the key in use) to put names to ids.
  await expect.poll(() => calls.map((c) => new URL(c.url()).pathname)).toContain("/api/proxy/account/users");
  const reps = await answer.columnValues("sales_rep");
  await expect.poll(() => answer.columnValues("sales_rep")).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z][a-z]+ [A-Z]/)]));
  for (const rep of (await answer.columnValues("sales_rep")).filter(Boolean)) expect(names).toContain(rep);
  expect(reps).toHaveLength(results.length);
  for (const owners of (await answer.columnValues("owners")).filter(Boolean)) for (const name of owners.split(", ")) expect(names).toContain(name);
  const dates = await answer.columnValues("date_created");
  expect(dates[0]).toBe(await page.evaluate((s) => new Date(s * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }), results[0]!.date_created));

  // The download keeps what JobNimbus sent: ids and unix seconds.
  const csv = await download(page, () => answer.downloadCsv.click());
  const rows = parseCsv(csv.text);
  expect(rows[1]![rows[0]!.indexOf("date_created")]).toBe(String(results[0]!.date_created));
});

test("Download all on the console's table walks the legacy list's every page (size/from up to count) into one CSV", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, "export-console");
  const { answer } = consolePage;
  const { count } = await readMock<{ count: number }>("/api1/jobs?size=1");
  await consolePage.call("GET", "jobs?size=20&sort_field=number&sort_direction=asc&fields=jnid,number,name");
  const calls = proxyCalls(page);
  const saved = await answer.downloadAll.downloadEverything();
  expect(saved.suggestedFilename()).toMatch(/-all\.csv$/);
  const rows = parseCsv(await readFile((await saved.path())!, "utf8"));
  expect(rows[0]).toEqual(["jnid", "number", "name"]);
  expect(rows.length - 1).toBe(count);
  expect(rows[1]![1]).toBe("1001");
  expect(calls.map((c) => new URL(c.url()).searchParams.get("from"))).toEqual(Array.from({ length: Math.ceil(count / 1000) }, (_, i) => String(i * 1000)));
  expect(calls.every((c) => new URL(c.url()).searchParams.get("size") === "1000" && new URL(c.url()).searchParams.get("fields") === "jnid,number,name")).toBe(true);
  await expect(answer.downloadAll.outcome).toContainText(`All ${count.toLocaleString("en-US")} records are in`);
});

test("a deprecated endpoint's answer says when it stops working, with JobNimbus's link; the proxy passes the three headers", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, "deprecated");
  const { answer } = consolePage;
  // The mock sends JobNimbus's deprecation headers on any endpoint with ?simulate=deprecated.
  const res = await consolePage.call("GET", "contacts?size=1&simulate=deprecated");
  expect(res.headers()).toMatchObject({
    deprecation: "@1767225599",
    sunset: "Wed, 30 Jun 2027 23:59:59 UTC",
    link: '<https://api.jobnimbus.com/deprecation>; rel="deprecation"; type="text/html"',
  });
  await expect(answer.status).toHaveText("200");
  await expect(answer.deprecation).toHaveText("This endpoint is deprecated and stops working on 30 June 2027. What JobNimbus says about it");
  await expect(answer.deprecation.getByRole("link", { name: "What JobNimbus says about it" })).toHaveAttribute("href", "https://api.jobnimbus.com/deprecation");

  await consolePage.call("GET", "contacts?size=1");
  await expect(answer.deprecation, "an endpoint that is not deprecated says nothing").toHaveCount(0);
});

test("files from the legacy API: an image is shown inline, a PDF in a frame, each with a download", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, "files");
  // The legacy API lists files under `files`, not `results`.
  const { files } = await readMock<{ files: { jnid: string; filename: string; content_type: string; size: number }[] }>("/api1/files?size=100");
  const png = files.find((file) => file.content_type === "image/png");
  const pdf = files.find((file) => file.content_type === "application/pdf");
  expect(png && pdf, "the mock has both kinds of file").toBeTruthy();
  const { answer } = consolePage;

  await consolePage.call("GET", `files/${png!.jnid}`);
  await expect(answer.status).toHaveText("200");
  await expect(answer.view("Image")).toHaveAttribute("aria-selected", "true");
  const image = answer.file.getByRole("img", { name: `Image from the answer: ${png!.filename}` });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute("src", /^blob:/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const saved = await Promise.all([page.waitForEvent("download"), answer.file.getByRole("link", { name: /^Download / }).click()]);
  expect(saved[0].suggestedFilename()).toBe(png!.filename);
  const bytes = await readFile(await saved[0].path());
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.byteLength).toBe(png!.size);

  await consolePage.call("GET", `files/${pdf!.jnid}`);
  await expect(answer.view("PDF")).toHaveAttribute("aria-selected", "true");
  const frame = answer.file.locator("iframe");
  await expect(frame).toHaveAttribute("title", `PDF from the answer: ${pdf!.filename}`);
  await expect(frame).toHaveAttribute("src", /^blob:/);
  await expect(answer.file.getByRole("link", { name: `Download ${pdf!.filename} (${pdf!.size.toLocaleString("en-US")} bytes)` })).toBeVisible();
});

test("a long answer is a virtualised table: far fewer rows in the DOM than records, later rows appear on scrolling", async ({ signInAs }) => {
  const consolePage = await withKey(signInAs, "large");
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts?size=500");
  const { results } = await answer.bodyJson<{ results: { jnid: string }[] }>();
  expect(results.length).toBeGreaterThanOrEqual(300);

  await expect(answer.tableCount).toHaveText(`${results.length.toLocaleString("en-US")} records`);
  const inDom = await answer.tableRows().count();
  expect(inDom).toBeGreaterThan(5);
  expect(inDom, "only rows near the view are in the DOM").toBeLessThan(60);
  await expect(answer.table.locator('[aria-rowindex="2"]')).toBeVisible();

  const last = results.length + 1;
  await answer.table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(answer.table.locator(`[aria-rowindex="${last}"]`)).toBeVisible();
  await expect(answer.table.locator(`[aria-rowindex="${last}"]`)).toContainText(results.at(-1)!.jnid);
  await expect(answer.table.locator('[aria-rowindex="2"]'), "the first rows left the DOM").toHaveCount(0);
  expect(await answer.tableRows().count()).toBeLessThan(60);
});

test("a 100,000-record answer (about 20 MB) opens quickly as raw text with a download, and its table scrolls virtualised", async ({ page, signInAs }) => {
  const consolePage = await withKey(signInAs, "huge");
  const { answer } = consolePage;
  const records = Array.from({ length: 100_000 }, (_, i) => ({
    jnid: `rec${String(i).padStart(6, "0")}`,
    display_name: `Customer number ${i} of the big answer`,
    email: `customer${i}@example.com`,
    city: ["Provo", "Orem", "Lehi", "Draper"][i % 4],
    status_name: "Lead",
    notes: "x".repeat(60),
    date_created: 1_700_000_000 + i,
  }));
  const body = JSON.stringify({ count: records.length, results: records });
  expect(body.length).toBeGreaterThan(18_000_000);
  // The mock caps pages at 10,000 records; this one answer is injected in its place.
  await page.route("**/api/proxy/contacts?size=100000", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body }),
  );

  await consolePage.composer.path.fill("contacts?size=100000");
  const started = Date.now();
  await consolePage.composer.send.click();
  await expect(answer.raw).toBeVisible({ timeout: 20_000 });
  const firstShown = Date.now() - started;
  test.info().annotations.push({ type: "first view of 20 MB", description: `${firstShown} ms` });
  // Timing is measured by `npm run bench` (docs/benchmarks.md), not asserted here.
  // Over the pretty-print limit: raw first (cut short), the download next, the table still offered.
  await expect(answer.view("Raw")).toHaveAttribute("aria-selected", "true");
  await expect(answer.views.getByRole("tab")).toHaveText(["Raw", "File", "Table"]);
  await expect(answer.raw).toContainText("more characters: download the answer to see all of it");
  await expect(answer.downloadJson).toBeVisible();

  const opened = Date.now();
  await answer.view("Table").click();
  await expect(answer.table.locator('[aria-rowindex="2"]')).toContainText("rec000000");
  test.info().annotations.push({ type: "table of 100,000 records", description: `${Date.now() - opened} ms` });
  await expect(answer.tableCount).toHaveText("100,000 records");
  expect(await answer.tableRows().count()).toBeLessThan(60);
  await answer.table.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(answer.table.locator('[aria-rowindex="50001"]')).toContainText("rec049999");
  await answer.table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(answer.table.locator('[aria-rowindex="100001"]')).toContainText("rec099999");
  expect(await answer.tableRows().count()).toBeLessThan(60);
});
