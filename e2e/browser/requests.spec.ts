// One proxied call end to end, as a person sees it: the answer, and a JobNimbus problem in plain words.
import { expect, test } from "../support/fixtures";
import { KEYS } from "../support/users.mjs";

test("a GET through the proxy shows status 200 and the contacts; a JobNimbus 404 shows the problem card", async ({ signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("Mock", KEYS.editor);

  await consolePage.sendRequest("GET", "crm/v1/contacts?limit=5");
  await expect(consolePage.answer.status).toContainText("200");
  // Contacts, whichever view the console picks (table, JSON or tree): their fields and an email.
  await expect(consolePage.answer.body).toContainText("jnid");
  await expect(consolePage.answer.body).toContainText("display_name");
  await expect(consolePage.answer.body).toContainText(/@example\.(net|com|org)/);
  await expect(consolePage.answer.problem).toHaveCount(0);

  await consolePage.sendRequest("GET", "crm/v1/contacts/doesnotexist");
  await expect(consolePage.answer.status).toContainText("404");
  await expect(consolePage.answer.problem).toBeVisible();
  // Plain words first (what happened, what to do), then JobNimbus's own detail.
  await expect(consolePage.answer.problemExplanation).toHaveText(/nothing at this address|deleted|id or path is wrong/i);
  await expect(consolePage.answer.problem).toContainText("doesnotexist");
});

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
  await consolePage.sendRequest("GET", "crm/v1/contacts?limit=1");
  await expect(consolePage.answer.status).toContainText("200");
});
