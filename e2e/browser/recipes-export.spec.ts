// Download all: a list recipe's every page through the proxy into one CSV with the recipe's columns,
// with a progress bar and Cancel, and what was fetched kept (and said) when a page fails part way.
import { readFileSync } from "node:fs";
import type { Download, Route } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { readMock } from "../support/mock";
import { proxyCalls } from "../support/proxy-calls";

const COLUMNS = "Name,Company,Type,Status,Email,Mobile,Home phone,Address,City,State,Zip,Lead source,Sales rep,Active,Added";

async function csvLines(download: Download): Promise<string[]> {
  return readFileSync((await download.path())!, "utf8").split("\r\n").slice(0, -1);
}

/** The second and later pages of the contacts list ("from" of 1000 and more). */
const laterPages = (from: number) => (url: URL) => url.pathname === "/api/proxy/contacts" && url.searchParams.get("from") === String(from);

test("All contacts: Download all walks every page (1000 at a time, up to count) into one CSV with the recipe's columns", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("export");
  const calls = proxyCalls(page);
  await recipes.open("all-contacts");
  await recipes.runAndWait();
  await expect(recipes.rows).toHaveCount(25);
  const { count } = await readMock<{ count: number }>("/api1/contacts?size=1");
  expect(count).toBeGreaterThanOrEqual(2500);
  calls.length = 0;

  const download = await recipes.downloadAll.downloadEverything();
  expect(download.suggestedFilename()).toBe("all-contacts-all.csv");
  const lines = await csvLines(download);
  expect(lines[0]).toBe(COLUMNS);
  expect(lines.length - 1, "one line per contact the account has").toBe(count);
  expect(new Set(lines.slice(1)).size, "no contact twice").toBeGreaterThan(count * 0.99);
  // Names for team members' ids and dates, as the table shows them.
  const salesRep = COLUMNS.split(",").indexOf("Sales rep");
  expect(lines.slice(1).map((line) => line.split(",")[salesRep]).filter(Boolean).every((name) => !/^[a-z0-9]{23}$/.test(name!))).toBe(true);
  await expect(recipes.downloadAll.outcome).toHaveText(`All ${count.toLocaleString("en-US")} contacts are in all-contacts-all.csv. Save all-contacts-all.csv again`);

  const pages = calls.filter((c) => new URL(c.url()).pathname === "/api/proxy/contacts").map((c) => new URL(c.url()).searchParams);
  expect(pages.map((q) => [q.get("size"), q.get("from")])).toEqual(Array.from({ length: Math.ceil(count / 1000) }, (_, i) => ["1000", String(i * 1000)]));
  expect(pages.every((q) => q.get("sort_field") === "date_created" && q.get("sort_direction") === "asc")).toBe(true);
});

test("Cancel stops Download all between pages and keeps the contacts fetched so far", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("export-cancel");
  await recipes.open("all-contacts");
  await recipes.runAndWait();
  // The second page never answers, so only Cancel ends the export.
  let held: Route | null = null;
  await page.route(laterPages(1000), (route) => void (held = route));

  await recipes.downloadAll.button.click();
  await expect(recipes.downloadAll.progress).toHaveText(/^Fetched 1,000 of [\d,]+ contacts \(page 1\)…$/);
  await expect(recipes.downloadAll.progressBar).toHaveAttribute("value", "1000");
  await expect.poll(() => held !== null).toBe(true);
  await recipes.downloadAll.cancel.click();
  await expect(recipes.downloadAll.outcome).toHaveText("Cancelled after 1,000 contacts. Save the 1,000 contacts fetched");
  const [download] = await Promise.all([page.waitForEvent("download"), recipes.downloadAll.save.click()]);
  const lines = await csvLines(download);
  expect(lines[0]).toBe(COLUMNS);
  expect(lines).toHaveLength(1001);
  await expect(recipes.downloadAll.button, "it can start again").toBeVisible();
});

test("a page that fails part way is said in words: which page, why, and the contacts fetched before it are kept", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("export-fail");
  await recipes.open("all-contacts");
  await recipes.runAndWait();
  await page.route(laterPages(2000), (route) =>
    route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ status: 500, body: "Something went wrong" }) }),
  );

  await recipes.downloadAll.button.click();
  await expect(recipes.downloadAll.outcome).toHaveText(
    /^Page 3 could not be fetched: JobNimbus answered 500\. JobNimbus had a problem on its side\..* The 2,000 contacts fetched before it are kept\. Save the 2,000 contacts fetched$/,
  );
  await expect(recipes.downloadAll.outcome).toHaveAttribute("role", "alert");
  const [download] = await Promise.all([page.waitForEvent("download"), recipes.downloadAll.save.click()]);
  expect(await csvLines(download)).toHaveLength(2001);
});
