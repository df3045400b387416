// The console in Chromium through Playwright: first-load JavaScript of the console page (each
// script response gzipped with node:zlib, summed), the time from pressing Send to the first
// visible table rows of a 100,000-record answer, against a plain fetch of the same answer, and
// "Download all" of 10,000 legacy contacts through the proxy into a CSV (time, and how responsive
// the page stays: its longest task and worst frame gap), against fetching the same pages directly.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

/** Debian's Chromium and its flags, as in playwright.config.ts. */
const { executablePath: DEBIAN_CHROMIUM, args: FLAGS } = JSON.parse(readFileSync(new URL("../e2e/support/chromium.json", import.meta.url), "utf8"));

function launch() {
  return existsSync(DEBIAN_CHROMIUM) ? chromium.launch({ executablePath: DEBIAN_CHROMIUM, args: FLAGS }) : chromium.launch();
}

/**
 * In the page: clicks Send, and as soon as the answer offers a Table view that is not already
 * shown, selects it (what a person would click; a large answer opens in Raw first). Resolves when
 * the first table row is in the layout and a frame has been painted after it.
 */
function sendAndWaitForRows() {
  return new Promise((resolve) => {
    const send = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Send");
    if (!send) return resolve({ error: "no Send button" });
    let answerMs = null;
    let clickedTable = false;
    let done = false;
    const t0 = performance.now();
    const finish = (result) => {
      if (done) return;
      done = true;
      observer.disconnect();
      resolve(result);
    };
    const check = () => {
      if (done) return;
      if (answerMs === null && document.querySelector('[data-testid="response-status"]')) answerMs = performance.now() - t0;
      const tabs = [...document.querySelectorAll('[aria-label="Ways to view the answer"] [role="tab"]')];
      const table = tabs.find((tab) => tab.textContent.trim() === "Table");
      if (table && table.getAttribute("aria-selected") !== "true" && !clickedTable) {
        clickedTable = true;
        table.click();
      }
      const row = document.querySelector('[data-testid="table-view"] [role="row"][aria-rowindex]');
      if (row && row.getBoundingClientRect().height > 0) {
        const seenMs = performance.now() - t0;
        requestAnimationFrame(() =>
          setTimeout(() => {
            const count = document.querySelector('[data-testid="table-count"]')?.textContent ?? "";
            finish({ rowsMs: performance.now() - t0, seenMs, answerMs, clickedTable, count });
          }, 0),
        );
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-selected"] });
    setTimeout(() => finish({ error: "no table rows within 120 s", answerMs }), 120_000);
    send.click();
  });
}

async function fetchOnly(path) {
  const t0 = performance.now();
  const res = await fetch(path, { headers: { "x-csrf": "1", "x-console-upstream": "platform" }, credentials: "same-origin", cache: "no-store" });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
}

/**
 * In the recipe page: clicks "Download all" and, until its outcome shows, watches the page's
 * responsiveness: every long task (over 50 ms) and the longest gap between animation frames.
 */
function downloadAllAndWatch() {
  return new Promise((resolve) => {
    const button = [...document.querySelectorAll('[data-testid="download-all"] button')].find((b) => b.textContent.trim() === "Download all");
    if (!button) return resolve({ error: "no Download all button" });
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: "longtask" });
    let watching = true;
    let worstGap = 0;
    let frames = 0;
    let last = null;
    const frame = (time) => {
      if (last !== null) worstGap = Math.max(worstGap, time - last);
      last = time;
      frames += 1;
      if (watching) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const t0 = performance.now();
    const done = new MutationObserver(() => {
      const outcome = document.querySelector('[data-testid="download-all-outcome"]');
      if (!outcome) return;
      const ms = performance.now() - t0;
      watching = false;
      done.disconnect();
      // Long tasks are reported a little after they end: give the observer a turn.
      setTimeout(() => {
        observer.disconnect();
        resolve({ ms, text: outcome.textContent, frames, worstGapMs: worstGap, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks), blockingMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0) });
      }, 100);
    });
    done.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => resolve({ error: "no outcome within 120 s" }), 120_000);
    button.click();
  });
}

/** In a page: every page of the list fetched and parsed, one after another, with `headers`. */
async function fetchPages({ path, headers, size }) {
  const t0 = performance.now();
  let from = 0;
  let count = Infinity;
  let records = 0;
  let pages = 0;
  while (from < count) {
    const res = await fetch(`${path}?size=${size}&from=${from}`, { headers, credentials: "same-origin", cache: "no-store" });
    const body = await res.json();
    count = body.count;
    records += body.results.length;
    from += body.results.length;
    pages += 1;
    if (body.results.length === 0) break;
  }
  return { ms: performance.now() - t0, records, pages };
}

async function waitUntilReady(page) {
  await page.getByTestId("whoami").waitFor({ state: "visible" });
  await page.getByTestId("key-list").or(page.getByTestId("no-keys")).waitFor({ state: "visible" });
}

/**
 * @param {{ base: string, email: string, password: string, apiKey: string, recordsPath: string, upstream: string, exportRecords: number, reps?: number }} options
 */
export async function browserBench({ base, email, password, apiKey, recordsPath, upstream, exportRecords, reps = 3, log = () => {} }) {
  const browser = await launch();
  try {
    // Sign in and add a key through the UI, as a person does.
    const signInContext = await browser.newContext({ baseURL: base });
    const page = await signInContext.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await waitUntilReady(page);
    await page.getByLabel("Label", { exact: true }).fill("Bench");
    await page.getByLabel("API key", { exact: true }).fill(apiKey);
    await page.getByRole("button", { name: "Save key" }).click();
    await page.getByTestId("key-list").getByRole("listitem").filter({ hasText: "Bench" }).waitFor({ state: "visible" });
    const storageState = await signInContext.storageState();
    await signInContext.close();

    // First load of the console page in a fresh context (empty HTTP cache), up to network idle.
    const context = await browser.newContext({ baseURL: base, storageState });
    const consolePage = await context.newPage();
    const scripts = [];
    let html = null;
    consolePage.on("response", (response) => {
      const type = response.request().resourceType();
      if (type === "script") scripts.push(response);
      if (type === "document" && !html) html = response;
    });
    await consolePage.goto("/", { waitUntil: "networkidle" });
    if (new URL(consolePage.url()).pathname !== "/") throw new Error(`console page redirected to ${consolePage.url()}`);
    await waitUntilReady(consolePage);
    const bodies = await Promise.all(scripts.map((response) => response.body()));
    const files = scripts
      .map((response, i) => ({ name: new URL(response.url()).pathname.split("/").pop(), gzipBytes: gzipSync(bodies[i]).length }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    const firstLoad = {
      files,
      scripts: scripts.length,
      rawBytes: bodies.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0),
      htmlGzipBytes: html ? gzipSync(await html.body()).length : null,
    };
    log(`first-load JS: ${firstLoad.scripts} scripts, ${firstLoad.gzipBytes} gzip bytes`);

    // Send → first visible rows, interleaved with plain fetches of the same answer in the same page.
    const ui = [];
    const plain = [];
    for (let rep = 0; rep < reps; rep += 1) {
      await consolePage.goto("/");
      await waitUntilReady(consolePage);
      await consolePage.locator("#upstream").selectOption("platform");
      await consolePage.locator("#method").selectOption("GET");
      await consolePage.locator("#path").fill(recordsPath);
      await consolePage.locator("#path").blur();
      const shown = await consolePage.evaluate(sendAndWaitForRows);
      if (shown.error) throw new Error(`records in the table: ${shown.error}`);
      if (!/100,000|100000|100 000/.test(shown.count)) throw new Error(`the table counted "${shown.count}", not 100,000 records`);
      ui.push(shown);
      const fetched = await consolePage.evaluate(fetchOnly, `/api/proxy/${recordsPath}`);
      if (fetched.status !== 200) throw new Error(`plain fetch of the records answered ${fetched.status}`);
      plain.push(fetched);
      log(`records rep ${rep + 1}: rows after ${shown.rowsMs.toFixed(0)} ms (answer shown ${shown.answerMs?.toFixed(0)} ms), fetch ${fetched.ms.toFixed(0)} ms`);
    }

    // Download all: the "All contacts" recipe's every page (size/from, 1000 a page) through the proxy
    // into a CSV, against the same pages fetched directly from the upstream in a page of its own origin.
    const exported = [];
    const direct = [];
    const proxied = [];
    const directPage = await context.newPage();
    await directPage.goto(`${upstream}/__blank`);
    for (let rep = 0; rep < reps; rep += 1) {
      // A tab in the background gets no animation frames: the console's is the one in front.
      await consolePage.bringToFront();
      await consolePage.goto("/recipes?recipe=all-contacts&run=1");
      await consolePage.getByTestId("recipe-table").waitFor({ state: "visible" });
      await consolePage.getByTestId("download-all").getByRole("button", { name: "Download all" }).waitFor({ state: "visible" });
      const run = await consolePage.evaluate(downloadAllAndWatch);
      if (run.error) throw new Error(`Download all: ${run.error}`);
      if (run.frames < 2) throw new Error(`the page drew ${run.frames} frames during Download all: its responsiveness was not measured`);
      const expected = `All ${exportRecords.toLocaleString("en-US")} contacts are in`;
      if (!run.text.includes(expected)) throw new Error(`Download all said "${run.text}", not "${expected} …"`);
      exported.push(run);
      const fetched = await directPage.evaluate(fetchPages, { path: "/api1/contacts", headers: { authorization: `Bearer ${apiKey}` }, size: 1000 });
      if (fetched.records !== exportRecords) throw new Error(`the direct fetch read ${fetched.records} records, not ${exportRecords}`);
      direct.push(fetched);
      // The same pages through the proxy without the CSV: what the proxy's hop costs on its own.
      const through = await consolePage.evaluate(fetchPages, { path: "/api/proxy/contacts", headers: { "x-csrf": "1", "x-console-upstream": "legacy" }, size: 1000 });
      if (through.records !== exportRecords) throw new Error(`the proxied fetch read ${through.records} records, not ${exportRecords}`);
      proxied.push(through);
      log(`export rep ${rep + 1}: Download all ${run.ms.toFixed(0)} ms (${run.frames} frames, longest task ${run.longestTaskMs.toFixed(0)} ms, worst frame gap ${run.worstGapMs.toFixed(0)} ms), direct pages ${fetched.ms.toFixed(0)} ms, proxied pages ${through.ms.toFixed(0)} ms`);
    }
    await context.close();
    return {
      firstLoad,
      ui,
      plain,
      bytes: plain[0]?.bytes ?? 0,
      exported,
      direct,
      proxied,
      exportRecords,
      browser: `${browser.version()}${existsSync(DEBIAN_CHROMIUM) ? " (Debian)" : " (Playwright)"}`,
    };
  } finally {
    await browser.close();
  }
}
