// Who may write, and how a write is confirmed: a viewer only reads (in every part of the console and on
// the server); an editor's write is described in words first, and a DELETE needs the record's number typed
// (JobNimbus's legacy API then refuses it: there, deleting is PUT {"is_active": false}).
import { expect, test } from "../support/fixtures";
import { readMock } from "../support/mock";
import { proxyCalls } from "../support/proxy-calls";
import { KEYS } from "../support/users.mjs";

test("a viewer can read but the write methods are disabled and explained", async ({ signInAs }) => {
  const consolePage = await signInAs("viewer");
  await consolePage.expectSignedInAs("viewer@test.local", "viewer");

  await expect(consolePage.composer.methodOption("GET")).toBeEnabled();
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    await expect(consolePage.composer.methodOption(method), `${method} for a viewer`).toBeDisabled();
  }
  await expect(consolePage.composer.viewerExplanation).toBeVisible();

  // Reading still works for a viewer with a key.
  await consolePage.addKey("Viewer key", KEYS.viewer);
  await consolePage.sendRequest("GET", "contacts?size=1");
  await expect(consolePage.answer.status).toContainText("200");
});

test("a viewer sees who they are and which key is active, cannot start a write anywhere, and the server refuses one", async ({ page, signInAs, recipesPage: recipes }) => {
  const consolePage = await signInAs("viewer");
  const label = await consolePage.keys.addFreshKey("viewer");
  await consolePage.expectSignedInAs("viewer@test.local", "viewer");
  await expect(consolePage.header.activeKey).toContainText(label);

  // The composer: write methods disabled and explained (already so), the catalogue's writes too.
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) await expect(consolePage.composer.methodOption(method)).toBeDisabled();
  const { catalog } = consolePage;
  await expect(catalog.operation("Create a contact", "Contacts")).toBeDisabled();
  await expect(catalog.operation("List contacts", "Contacts")).toBeEnabled();
  await expect(catalog.section).toContainText("As a viewer you can open the operations that read");

  // Recipes that write: marked, and their form is disabled with the reason.
  await recipes.open("create-contact");
  await expect(recipes.header.whoami).toContainText("viewer");
  await expect(recipes.header.activeKey).toContainText(label);
  await expect(recipes.list.getByRole("link", { name: /Create a contact/ })).toContainText("editors only");
  await expect(recipes.viewerNote).toHaveText(/Your role is viewer.+only editors can run it/);
  await expect(recipes.review).toBeDisabled();
  await expect(recipes.field("First name")).toBeDisabled();

  // The server: a write from a viewer's session is a 403 role problem, and nothing reaches JobNimbus.
  const name = `Viewer${Date.now()}`;
  const refused = await page.request.post("/api/proxy/contacts", {
    headers: { "x-csrf": "1", "x-console-upstream": "legacy", "content-type": "application/json" },
    data: { first_name: name, record_type_name: "Customer", status_name: "Active" },
  });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  expect(((await refused.json()) as { type: string }).type).toMatch(/\/problems\/role-forbidden$/);
  for (const method of ["PUT", "PATCH", "DELETE"] as const) {
    const res = await page.request.fetch("/api/proxy/contacts/abc", { method, headers: { "x-csrf": "1", "x-console-upstream": "legacy" }, data: method === "DELETE" ? undefined : {} });
    expect(res.status(), method).toBe(403);
  }
  const found = await readMock<{ count: number }>(`/api1/contacts?filter=${encodeURIComponent(JSON.stringify({ must: [{ term: { first_name: name } }] }))}`);
  expect(found.count, "the refused contact was never created").toBe(0);

  // Reading still works for a viewer, in a recipe too.
  await recipes.open("find-contact");
  await recipes.field("Name, email or phone").fill("Martinez");
  await recipes.runAndWait();
  await expect(recipes.rows.first()).toBeVisible();
});

test("an editor's composer POST is described in words first: Cancel sends nothing, Confirm sends it", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("compose-post");
  const calls = proxyCalls(page);
  const dialog = consolePage.confirmWrite;

  await consolePage.composer.method.selectOption("POST");
  await consolePage.composer.path.fill("contacts");
  await consolePage.composer.setBody('{"first_name": "Jane", "last_name": "Doe", "email": "jane.doe@example.com", "record_type_name": "Customer", "status_name": "Active"}');
  await consolePage.composer.send.click();
  await dialog.expectAsking("Create contact Jane Doe");
  await expect(dialog.details).toContainText("first_name: Jane");
  await expect(dialog.details).toContainText("email: jane.doe@example.com");
  await expect(dialog.cancel).toBeFocused();
  await dialog.cancel.click();
  await expect(dialog.dialog).toBeHidden();
  await page.waitForTimeout(300);
  expect(calls, "nothing sent after Cancel").toHaveLength(0);

  // Escape is a Cancel too.
  await consolePage.composer.send.click();
  await dialog.expectAsking("Create contact Jane Doe");
  await page.keyboard.press("Escape");
  await expect(dialog.dialog).toBeHidden();
  expect(calls).toHaveLength(0);

  await consolePage.composer.send.click();
  const answered = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/proxy/contacts");
  await dialog.confirm.click();
  // The legacy API answers a create with 200 and the record.
  expect((await answered).status()).toBe(200);
  await expect(consolePage.answer.status).toHaveText("200");
  expect(calls.map((c) => c.method())).toEqual(["POST"]);
});

test("an editor's DELETE names the job by its number and is sent only once that number is typed; the legacy API refuses it and says how to delete", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("delete");
  // A job of this test's own, made through the console's proxy (the editor's session).
  const made = await page.request.post("/api/proxy/jobs", {
    headers: { "x-csrf": "1", "x-console-upstream": "legacy", "content-type": "application/json" },
    data: { name: "Gutter guards – 12 Test Ln", record_type_name: "Gutters & Siding", status_name: "Lead" },
  });
  expect(made.status()).toBe(200);
  const job = (await made.json()) as { jnid: string; number: string };
  const calls = proxyCalls(page);
  const dialog = consolePage.confirmWrite;

  await consolePage.composer.method.selectOption("DELETE");
  await consolePage.composer.path.fill(`jobs/${job.jnid}`);
  await consolePage.composer.send.click();
  await dialog.expectAsking(`Delete job #${job.number}`);
  await expect(dialog.dialog).toContainText("cannot be undone");
  await expect(dialog.typed).toBeFocused();
  await expect(dialog.delete).toBeDisabled();
  await dialog.typed.fill("1");
  await expect(dialog.delete).toBeDisabled();
  await dialog.typed.press("Enter");
  await expect(dialog.dialog, "Enter does not get past a wrong number").toBeVisible();
  expect(calls.filter((c) => c.method() === "DELETE"), "nothing deleted yet").toHaveLength(0);

  await dialog.typed.fill(`#${job.number}`);
  await expect(dialog.delete).toBeEnabled();
  const deleted = page.waitForResponse((res) => res.request().method() === "DELETE");
  await dialog.delete.click();
  // JobNimbus's legacy API has no DELETE (jobnimbus-api.md §2); the mock answers 405 with the way to do it.
  expect((await deleted).status()).toBe(405);
  await expect(consolePage.answer.status).toHaveText("405");
  await expect(consolePage.answer.problemValue("Detail")).toContainText('"is_active": false');
  const after = await page.request.get(`/api/proxy/jobs/${job.jnid}`, { headers: { "x-csrf": "1", "x-console-upstream": "legacy" } });
  expect(after.status()).toBe(200);
  expect(((await after.json()) as { is_active: boolean }).is_active).toBe(true);
});
