// The keys panel: a key is pasted once into a masked field, then shown only as its label and last four
// (readable nowhere in the page); picking the active key, deleting one, and signing out forgets them all.
import { expect, test } from "../support/fixtures";
import { freshTestKey } from "../support/mock";
import { KEYS, USERS } from "../support/users.mjs";

/** A key the mock does not accept: calls made with it come back 401. */
const REFUSED_KEY = "invalid-key-12345678";

test("with no key the console says where JobNimbus shows one (Settings > API Keys)", async ({ signInAs }) => {
  const consolePage = await signInAs("editor");
  await expect(consolePage.keys.noKeys).toBeVisible();
  await expect(consolePage.keys.noKeys).toContainText("Settings > API Keys");
  await expect(consolePage.composer.needsKey).toContainText("Settings > API Keys");
  await expect(consolePage.header.activeKey).toHaveText("Key: none");
  // And what happens to a key once pasted, in plain words.
  await expect(consolePage.keys.panel).toContainText("stored encrypted on the server");
  await expect(consolePage.keys.panel).toContainText("forgotten when you sign out or after they expire");
});

test("adding a key: the field is masked and emptied once saved; the list shows label, last four, added and expiry", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  const key = freshTestKey("keys");
  await expect(consolePage.keys.apiKey).toHaveAttribute("type", "password");
  await expect(consolePage.keys.apiKey).toHaveAttribute("autocomplete", "off");

  await consolePage.keys.label.fill("Office");
  await consolePage.keys.apiKey.fill(key);
  await consolePage.keys.saveButton.click();
  await expect(consolePage.keys.saved).toBeVisible();
  await expect(consolePage.keys.apiKey).toHaveValue("");
  await expect(consolePage.keys.label).toHaveValue("");

  const entry = consolePage.keys.entry("Office");
  await expect(entry).toContainText(`…${key.slice(-4)}`);
  await expect(entry).toContainText("Active");
  await expect(entry).not.toContainText(key.slice(0, -4));
  await expect(consolePage.header.activeKey).toHaveText(`Key: Office (…${key.slice(-4)})`);
  await expect(consolePage.keys.noKeys).toHaveCount(0);
  await expect(consolePage.composer.needsKey).toHaveCount(0);

  // The dates shown are the server's createdAt and expiresAt, in this browser's own format, expiry later.
  const dates = await page.evaluate(async () => {
    const res = await fetch("/api/keys", { headers: { "x-csrf": "1" } });
    const { keys } = (await res.json()) as { keys: { createdAt: string; expiresAt: string }[] };
    const [first] = keys;
    if (!first) throw new Error("no key listed");
    return {
      added: new Date(first.createdAt).toLocaleString(),
      expires: new Date(first.expiresAt).toLocaleString(),
      later: Date.parse(first.expiresAt) > Date.parse(first.createdAt),
      recent: Math.abs(Date.now() - Date.parse(first.createdAt)) < 5 * 60_000,
    };
  });
  expect(dates.later, "a key expires after it was added").toBe(true);
  expect(dates.recent, "a key just added is dated now").toBe(true);
  await expect(entry).toContainText(`Added ${dates.added}`);
  await expect(entry).toContainText(`expires ${dates.expires}`);
  await expect(entry).not.toContainText("Invalid Date");
});

test("choosing the active key changes the header, and the next call is made with that key", async ({ signInAs }) => {
  const consolePage = await signInAs("editor");
  const good = freshTestKey("active");
  await consolePage.addKey("Refused", REFUSED_KEY);
  await consolePage.addKey("Works", good);
  // The key saved last is the active one.
  await expect(consolePage.header.activeKey).toHaveText(`Key: Works (…${good.slice(-4)})`);
  await expect(consolePage.keys.entry("Works")).toContainText("Active");
  await expect(consolePage.keys.useButton("Works")).toHaveCount(0);

  await consolePage.call("GET", "contacts?size=1");
  await expect(consolePage.answer.status).toHaveText("200");

  await consolePage.keys.useKey("Refused");
  await expect(consolePage.header.activeKey).toHaveText("Key: Refused (…5678)");
  await expect(consolePage.keys.entry("Refused")).toContainText("Active");
  await expect(consolePage.keys.useButton("Works")).toBeVisible();
  await consolePage.call("GET", "contacts?size=1");
  await expect(consolePage.answer.status, "the mock refuses the key now active").toHaveText("401");

  await consolePage.keys.useKey("Works");
  await expect(consolePage.header.activeKey).toHaveText(`Key: Works (…${good.slice(-4)})`);
  await consolePage.call("GET", "contacts?size=1");
  await expect(consolePage.answer.status).toHaveText("200");
});

test("deleting a key asks first: dismissing keeps it, accepting removes it", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  const first = freshTestKey("del1");
  const second = freshTestKey("del2");
  await consolePage.addKey("First", first);
  await consolePage.addKey("Second", second);

  const dialogs: string[] = [];
  page.once("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await consolePage.keys.deleteButton("First").click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toMatch(/^confirm: Delete the key "First" \(…[0-9a-f]{4}\)\?/);
  expect(dialogs[0]).toContain(first.slice(-4));
  await expect(consolePage.keys.entry("First")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await consolePage.keys.deleteButton("First").click();
  await expect(consolePage.keys.entry("First")).toHaveCount(0);
  await expect(consolePage.keys.entry("Second")).toBeVisible();

  // After a reload the list comes from the server alone: the deletion held.
  await consolePage.goto();
  await expect(consolePage.keys.entry("First")).toHaveCount(0);
  await expect(consolePage.keys.entry("Second")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await consolePage.keys.deleteButton("Second").click();
  await expect(consolePage.keys.noKeys).toBeVisible();
  await expect(consolePage.header.activeKey).toHaveText("Key: none");
});

test("a saved key is shown only as its label and last four characters, and is readable nowhere in the page", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await expect(consolePage.keys.noKeys).toBeVisible();

  await consolePage.addKey("Office key", KEYS.editor);
  await expect(consolePage.keys.apiKey).toHaveValue("");
  const entry = consolePage.keys.entry("Office key");
  await expect(entry).toContainText(KEYS.editor.slice(-4));
  await expect(entry).not.toContainText(KEYS.editor.slice(0, -4));

  // The key again, after a reload too (the list then comes only from the server).
  for (const when of ["after saving", "after a reload"]) {
    if (when === "after a reload") await consolePage.goto();
    const html = await page.content();
    expect(html, `page HTML ${when}`).not.toContain(KEYS.editor);
    const readable = await consolePage.readableStorage();
    expect(readable.localStorage, `localStorage ${when}`).not.toContain(KEYS.editor);
    expect(readable.sessionStorage, `sessionStorage ${when}`).not.toContain(KEYS.editor);
    expect(readable.cookie, `document.cookie ${when}`).not.toContain(KEYS.editor);
    expect(readable.inputs.join("\n"), `form fields ${when}`).not.toContain(KEYS.editor);
    expect(page.url()).not.toContain(KEYS.editor);
  }
});

test("signing out forgets the keys: after signing in again the key list is empty", async ({ page, signInAs, signInPage }) => {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("Forget me", KEYS.editor);
  const vaultCookies = async () => (await page.context().cookies()).map((c) => c.name).filter((name) => /vault/i.test(name));
  expect(await vaultCookies(), "the sealed key cookie while signed in").toHaveLength(1);

  await consolePage.signOut();
  // The sealed key cookie is gone from the browser too, not just unreadable for the next sign-in.
  expect(await vaultCookies(), "the sealed key cookie after signing out").toEqual([]);

  const again = await signInPage.signInWithPassword(USERS.editor.email, USERS.editor.password);
  await expect(again.keys.noKeys).toBeVisible();
  await expect(again.keys.list).toHaveCount(0);
  await expect(page.getByText("Forget me")).toHaveCount(0);
});

test("the key form checks what was typed before sending: a hint beside each field, nothing typed lost, nothing sent until fixed", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  const { label: keyLabel, apiKey, saveButton: saveKey } = consolePage.keys;
  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/keys") posted.push(request.postData() ?? "");
  });
  const longLabel = "L".repeat(61);
  const spacedKey = "test-abc def-12345";

  await keyLabel.fill(longLabel);
  await apiKey.fill(spacedKey);
  await saveKey.click();
  await expect(keyLabel).toHaveAttribute("aria-invalid", "true");
  await expect(keyLabel).toHaveAccessibleDescription(/The label is longer than 60 characters\./);
  await expect(apiKey).toHaveAttribute("aria-invalid", "true");
  await expect(apiKey).toHaveAccessibleDescription("The key contains spaces or line breaks; remove them (only the key itself).");
  await expect(keyLabel, "the first field to fix has the focus").toBeFocused();
  await expect(keyLabel).toHaveValue(longLabel);
  await expect(apiKey).toHaveValue(spacedKey);

  // Fixing the label clears its hint at once; the key still stops the form.
  await keyLabel.fill("Office");
  await expect(keyLabel).not.toHaveAttribute("aria-invalid", "true");
  await expect(keyLabel).toHaveAccessibleDescription("At most 60 characters.");
  await saveKey.click();
  await expect(apiKey).toBeFocused();
  await expect(apiKey).toHaveAccessibleDescription(/spaces or line breaks/);
  await expect(apiKey).toHaveValue(spacedKey);
  await expect(consolePage.keys.noKeys, "nothing was saved").toBeVisible();
  expect(posted, "nothing was sent while a field needed fixing").toEqual([]);

  const key = freshTestKey("form");
  await apiKey.fill(key);
  await expect(apiKey).not.toHaveAttribute("aria-invalid", "true");
  await saveKey.click();
  await expect(consolePage.keys.saved).toBeVisible();
  await expect(consolePage.keys.entry("Office")).toContainText(`…${key.slice(-4)}`);
  expect(posted).toHaveLength(1);
  expect(JSON.parse(posted[0] ?? "{}")).toEqual({ label: "Office", apiKey: key });
});
