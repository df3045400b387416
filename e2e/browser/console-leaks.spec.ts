// The key goes into the browser once (typed into the form) and must never come back out: a whole session's
// responses, then the DOM, storage, IndexedDB, cookies, the URL and every console message are searched for it.
import { readFile } from "node:fs/promises";
import { expect, test } from "../support/fixtures";
import { freshTestKey } from "../support/mock";
import { USERS } from "../support/users.mjs";

type Seen = { url: string; status: number; headers: string; body: string };

test("a full session never lets the key reach a response, the DOM, storage, IndexedDB, cookies or the console", async ({ page, context, signInPage }) => {
  const key = freshTestKey("leak");
  // The distinctive part too, in case something trims the "test-" prefix.
  const needles = [key, key.slice("test-".length), encodeURIComponent(key), Buffer.from(key).toString("base64")];
  const responses: Seen[] = [];
  const messages: string[] = [];

  // Every request of the session goes through this route: the answer is fetched, recorded whole
  // (headers and body, exactly as the server sent them) and handed to the browser unchanged.
  // Recording here rather than with page.on("response") because Response.body() does not always
  // settle for the proxy's streamed answers.
  await context.route("**/*", async (route) => {
    const res = await route.fetch({ maxRedirects: 0 });
    const body = await res.body();
    responses.push({ url: res.url(), status: res.status(), headers: JSON.stringify(res.headersArray()), body: body.toString("latin1") });
    await route.fulfill({ response: res, body });
  });
  page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => messages.push(`pageerror: ${String(error)}`));

  // Sign in, add the key.
  const consolePage = await signInPage.signInWithPassword(USERS.editor.email, USERS.editor.password);
  await consolePage.addKey("Leak check", key);
  await expect(consolePage.keys.apiKey).toHaveValue("");

  // Several requests, an error among them, every view of the answer.
  const { answer } = consolePage;
  await consolePage.call("GET", "contacts?size=5");
  for (const view of ["Table", "JSON", "Tree", "Raw"]) {
    await answer.view(view).click();
    await expect(answer.view(view)).toHaveAttribute("aria-selected", "true");
  }
  await answer.headersToggle.click();
  await consolePage.call("GET", "contacts?size=3&fields=jnid,display_name");
  await consolePage.call("GET", "contacts/doesnotexist");
  await expect(consolePage.answer.problem).toBeVisible();
  await consolePage.call("POST", "contacts", { body: "{}" });
  await expect(answer.status).toHaveText("400");
  await consolePage.call("GET", "contacts?simulate=html-error");

  // A snippet, a share link, a saved request and its export.
  const downloads: string[] = [];
  for (const kind of ["cURL", "JavaScript fetch", "Python requests"] as const) downloads.push(await consolePage.tools.copySnippet(kind));
  downloads.push(await consolePage.tools.shareLink());
  page.once("dialog", (dialog) => void dialog.accept("Leak check request"));
  await consolePage.tools.save.click();
  await consolePage.requests.savedTab.click();
  const [exported] = await Promise.all([page.waitForEvent("download"), consolePage.requests.exportButton.click()]);
  downloads.push(await readFile(await exported.path(), "utf8"));
  await consolePage.call("GET", "jobs?size=3");
  const [csv] = await Promise.all([page.waitForEvent("download"), answer.downloadCsv.click()]);
  downloads.push(await readFile(await csv.path(), "utf8"));

  // A reload: the page and key list come from the server again.
  await consolePage.goto();
  await expect(consolePage.keys.entry("Leak check")).toBeVisible();
  await page.waitForTimeout(300);

  const proxied = responses.filter((r) => new URL(r.url).pathname.startsWith("/api/proxy/"));
  expect(proxied.length, "proxied answers recorded").toBeGreaterThanOrEqual(6);
  expect(responses.some((r) => new URL(r.url).pathname === "/api/keys" && r.status === 201), "the key's save was recorded").toBe(true);
  expect(responses.some((r) => r.url.includes("/_next/static/") && r.url.endsWith(".js")), "scripts were recorded").toBe(true);

  const state = await page.evaluate(async () => {
    const dump = (store: Storage) => JSON.stringify(Object.entries(store));
    const databases = await indexedDB.databases();
    const idb: string[] = [];
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName, "readonly").objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        idb.push(`${info.name}/${storeName}: ${JSON.stringify(values)}`);
      }
      db.close();
    }
    return {
      local: dump(window.localStorage),
      session: dump(window.sessionStorage),
      cookie: document.cookie,
      idbNames: databases.map((d) => d.name ?? ""),
      idb: idb.join("\n"),
      inputs: Array.from(document.querySelectorAll("input, textarea"), (el) => (el as HTMLInputElement).value).join("\n"),
    };
  });
  expect(state.local, "the session left history and saved requests behind").toContain("jnc.history");
  const html = await page.content();

  for (const needle of needles) {
    for (const seen of responses) {
      expect(seen.headers, `headers of ${seen.status} ${seen.url}`).not.toContain(needle);
      expect(seen.body, `body of ${seen.status} ${seen.url}`).not.toContain(needle);
    }
    expect(html, "the DOM").not.toContain(needle);
    expect(state.local, "localStorage").not.toContain(needle);
    expect(state.session, "sessionStorage").not.toContain(needle);
    expect(state.idb, `IndexedDB (${state.idbNames.join(", ") || "no databases"})`).not.toContain(needle);
    expect(state.cookie, "document.cookie").not.toContain(needle);
    expect(state.inputs, "form fields").not.toContain(needle);
    expect(messages.join("\n"), "console messages").not.toContain(needle);
    expect(page.url(), "the address").not.toContain(needle);
    for (const file of downloads) expect(file, "snippets, share link and downloaded files").not.toContain(needle);
  }
});
