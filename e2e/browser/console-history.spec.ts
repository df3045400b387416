// History and sharing: requests kept in this browser (never a key, never an answer), searched, reopened and
// cleared; saved requests exported and imported; a share link a colleague opens, with nothing secret in it.
import { readFile } from "node:fs/promises";
import { expect, test } from "../support/fixtures";
import { freshTestKey } from "../support/mock";
import type { ConsolePage } from "../support/pages/console";
import { SignInPage } from "../support/pages/sign-in";
import { E2E_URL, USERS } from "../support/users.mjs";

const BODY = '{"first_name":"Hist","last_name":"Ory","record_type_name":"Customer","status_name":"Active"}';
const HISTORY_FIELDS = ["at", "body", "durationMs", "headers", "id", "method", "path", "pathParams", "query", "status", "upstream"];

test("sent requests appear in History with method, path and status; search, re-open and clear", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  const key = freshTestKey("history");
  await consolePage.addKey("Mock", key);
  const { requests } = consolePage;
  await expect(requests.historyTab).toHaveText("History (0)");

  type Listed = { results: { jnid: string }[] };
  await consolePage.call("GET", "contacts?size=2");
  const contacts = await consolePage.answer.bodyJson<Listed>();
  await consolePage.call("GET", "jobs?size=3");
  const jobs = await consolePage.answer.bodyJson<Listed>();
  await consolePage.call("GET", "contacts/doesnotexist");
  await consolePage.call("POST", "contacts", { body: BODY });
  await expect(requests.historyTab).toHaveText("History (4)");
  // Newest first: method, path and status on each line (the legacy API answers a create with 200).
  await expect(requests.history).toHaveText([
    /^POST\s*contacts\s*200$/,
    /^GET\s*contacts\/doesnotexist\s*404$/,
    /^GET\s*jobs\s*200$/,
    /^GET\s*contacts\s*200$/,
  ]);

  // Stored in this browser: the request, never the key, never any part of an answer.
  const stored = await page.evaluate(() => window.localStorage.getItem("jnc.history") ?? "");
  expect(stored).not.toContain(key);
  expect(stored).not.toContain(key.slice(5));
  const entries = JSON.parse(stored) as Record<string, unknown>[];
  expect(entries).toHaveLength(4);
  for (const entry of entries) for (const field of Object.keys(entry)) expect(HISTORY_FIELDS, `history field "${field}"`).toContain(field);
  const answers = [...contacts.results, ...jobs.results];
  for (const record of answers) expect(stored, "no answer in the history").not.toContain(record.jnid);
  expect(stored).toContain(JSON.stringify(BODY).slice(1, -1));

  // Search: by path, by status class, by method; then everything again.
  await requests.search.fill("jobs");
  await expect(requests.history).toHaveCount(1);
  await expect(requests.history).toHaveText(/GET\s*jobs/);
  await requests.search.fill("4xx");
  await expect(requests.history).toHaveText([/doesnotexist\s*404/]);
  await requests.search.fill("post");
  await expect(requests.history).toHaveText([/^POST/]);
  await requests.search.fill("nothing-like-this");
  await expect(requests.history).toHaveCount(0);
  await requests.search.fill("");
  await expect(requests.history).toHaveCount(4);

  // Re-open: the composer gets the request back (path, query, method, body).
  await consolePage.composer.path.fill("tasks");
  await requests.history.filter({ hasText: /GET\s*jobs/ }).click();
  await expect(consolePage.composer.method).toHaveValue("GET");
  await expect(consolePage.composer.path).toHaveValue("jobs?size=3");
  await requests.history.filter({ hasText: /^POST/ }).click();
  await expect(consolePage.composer.method).toHaveValue("POST");
  await expect(consolePage.composer.path).toHaveValue("contacts");
  await consolePage.composer.tab("Body").click();
  await expect(consolePage.composer.body).toHaveValue(BODY);

  // Clear asks first.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await requests.clearHistory.click();
  await expect(requests.history).toHaveCount(4);
  page.once("dialog", (dialog) => void dialog.accept());
  await requests.clearHistory.click();
  await expect(requests.historyTab).toHaveText("History (0)");
  await expect(requests.history).toHaveCount(0);
  expect(await page.evaluate(() => window.localStorage.getItem("jnc.history"))).toBeNull();
  await consolePage.goto();
  await expect(requests.historyTab).toHaveText("History (0)");
});

test("Save by name, Export to a file, Import it back; a malformed file gives a clear error", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  const { requests, tools } = consolePage;
  await consolePage.composer.method.selectOption("POST");
  await consolePage.composer.path.fill("jobs?size=9");
  await consolePage.composer.setBody('{"name":"Saved job"}');

  const prompts: string[] = [];
  page.once("dialog", (dialog) => {
    prompts.push(`${dialog.type()}: ${dialog.message()} [${dialog.defaultValue()}]`);
    void dialog.accept("New jobs");
  });
  await tools.save.click();
  await expect(tools.note).toHaveText('Saved as "New jobs".');
  expect(prompts[0]).toBe("prompt: Name this request (saved in this browser): [POST jobs]");
  await expect(requests.savedTab).toHaveText("Saved (1)");
  await requests.savedTab.click();
  await expect(requests.savedItem("New jobs")).toContainText("POST");

  // A cancelled prompt saves nothing.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await tools.save.click();
  await expect(requests.savedTab).toHaveText("Saved (1)");

  // Re-opening a saved request fills the composer.
  await consolePage.composer.method.selectOption("GET");
  await consolePage.composer.path.fill("tasks");
  await requests.savedItem("New jobs").getByRole("button", { name: /^New jobs/ }).click();
  await expect(consolePage.composer.method).toHaveValue("POST");
  await expect(consolePage.composer.path).toHaveValue("jobs?size=9");

  const [exported] = await Promise.all([page.waitForEvent("download"), requests.exportButton.click()]);
  expect(exported.suggestedFilename()).toBe("jobnimbus-console-saved-requests.json");
  const exportPath = await exported.path();
  const file = JSON.parse(await readFile(exportPath, "utf8")) as { format: string; version: number; requests: { name: string; draft: { method: string; path: string; body: string } }[] };
  expect(file.requests).toHaveLength(1);
  expect(file.requests[0]).toMatchObject({ name: "New jobs", draft: { method: "POST", path: "jobs", body: '{"name":"Saved job"}' } });

  // Delete it, then bring it back from the file.
  await requests.savedItem("New jobs").getByRole("button", { name: "Delete saved request New jobs" }).click();
  await expect(requests.savedTab).toHaveText("Saved (0)");
  await requests.importInput.setInputFiles(exportPath);
  await expect(requests.message).toHaveText("Imported 1 request.");
  await expect(requests.savedTab).toHaveText("Saved (1)");
  await expect(requests.savedItem("New jobs")).toBeVisible();

  // Not JSON, and JSON that is not an export: each says what is wrong, and nothing changes.
  await requests.importInput.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ this is not json") });
  await expect(requests.error).toHaveText(/^This file is not JSON/);
  await requests.importInput.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"hello":"world"}') });
  await expect(requests.error).toHaveText(/not a JobNimbus Console saved-requests file/);
  await expect(requests.savedTab).toHaveText("Saved (1)");
});

test("a share link reopens the same request for another signed-in person, and carries nothing secret", async ({ browser, page, signInAs }) => {
  const consolePage = await signInAs("editor");
  const key = freshTestKey("share");
  await consolePage.addKey("Mock", key);
  const { composer, tools } = consolePage;
  await composer.upstream.selectOption("legacy");
  await consolePage.composer.method.selectOption("PUT");
  await consolePage.composer.path.fill("contacts/{jnid}?fields=all");
  await composer.pathParam("jnid").fill("abc123");
  await composer.tab("Headers").click();
  await composer.addHeader.click();
  await composer.headerRow(1).name.fill("Authorization");
  await composer.headerRow(1).value.fill("Bearer not-a-real-secret-9876");
  await composer.addHeader.click();
  await composer.headerRow(2).name.fill("If-Match");
  await composer.headerRow(2).value.fill('"v7"');
  await composer.setBody('{"city":"Provo"}');

  const link = await tools.shareLink();
  expect(link.startsWith(`${E2E_URL}/?r=`)).toBe(true);
  const param = new URL(link).searchParams.get("r") ?? "";
  const decoded = Buffer.from(param, "base64url").toString("utf8");
  for (const text of [link, decoded]) {
    expect(text).not.toContain(key);
    expect(text).not.toContain("not-a-real-secret");
    expect(text).not.toMatch(/authorization|cookie/i);
    expect(text).not.toContain(USERS.editor.email);
  }
  expect(JSON.parse(decoded)).toMatchObject({ u: "legacy", m: "PUT", p: "contacts/{jnid}", b: '{"city":"Provo"}' });

  // Someone else, in their own browser, signed in as themselves.
  const colleague = await browser.newContext({ baseURL: E2E_URL });
  try {
    const theirPage = await colleague.newPage();
    const theirs: ConsolePage = await new SignInPage(theirPage).signInWithPassword(USERS.other.email, USERS.other.password);
    await theirPage.goto(link);
    await theirs.waitUntilReady();
    await expect(theirPage.getByRole("status").filter({ hasText: "Opened a shared request" })).toContainText("your own active key");
    expect(new URL(theirPage.url()).search, "the link's parameter is taken out of the address bar").toBe("");
    await expect(theirs.composer.upstream).toHaveValue("legacy");
    await expect(theirs.composer.method).toHaveValue("PUT");
    await expect(theirs.composer.path).toHaveValue("contacts/{jnid}?fields=all");
    await expect(theirs.composer.pathParam("jnid")).toHaveValue("abc123");
    await theirs.composer.tab("Headers").click();
    await expect(theirs.composer.headerRow(1).name).toHaveValue("If-Match");
    await expect(theirs.composer.headerRow(1).value).toHaveValue('"v7"');
    await expect(theirs.composer.headerRow(2).name).toHaveCount(0);
    await theirs.composer.tab("Body").click();
    await expect(theirs.composer.body).toHaveValue('{"city":"Provo"}');
    // They have no key of their own yet; the editor's key did not travel with the link.
    await expect(theirs.header.activeKey).toHaveText("Key: none");
    await expect(theirs.keys.noKeys).toBeVisible();
  } finally {
    await colleague.close();
  }
  expect(page.url()).not.toContain(key);
});
