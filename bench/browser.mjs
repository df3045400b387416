// The console in Chromium through Playwright: first-load JavaScript of the console page (each
// script response gzipped with node:zlib, summed), and the time from pressing Send to the first
// visible table rows of a 100,000-record answer, against a plain fetch of the same answer.
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

async function waitUntilReady(page) {
  await page.getByTestId("whoami").waitFor({ state: "visible" });
  await page.getByTestId("key-list").or(page.getByTestId("no-keys")).waitFor({ state: "visible" });
}

/**
 * @param {{ base: string, email: string, password: string, apiKey: string, recordsPath: string, reps?: number }} options
 */
export async function browserBench({ base, email, password, apiKey, recordsPath, reps = 3, log = () => {} }) {
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
    await context.close();
    return { firstLoad, ui, plain, bytes: plain[0]?.bytes ?? 0, browser: `${browser.version()}${existsSync(DEBIAN_CHROMIUM) ? " (Debian)" : " (Playwright)"}` };
  } finally {
    await browser.close();
  }
}
