// Keys are write-only from the browser's point of view: pasted once, then only a label and
// the last four characters; forgotten when the person signs out.
import { expect, test } from "../support/fixtures";
import { KEYS, USERS } from "../support/users.mjs";

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
