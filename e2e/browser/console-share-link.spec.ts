// A share link can carry any request someone else composed. Before a write from one is sent, the
// confirmation says where it came from and names every part: method, API, path, each query parameter
// and header, not only the record the path points at.
import { expect, test } from "../support/fixtures";
import { proxyCalls } from "../support/proxy-calls";

/** A share link as lib/request/share-link.ts makes them: `/?r=` and the compact draft in base64url JSON. */
function shareLink(shared: Record<string, unknown>): string {
  return `/?r=${Buffer.from(JSON.stringify({ v: 1, ...shared })).toString("base64url")}`;
}

/** A link that reads as "Delete contact 123" while its query widens and forces the delete (a made-up Platform path: no service is called). */
const WIDENED_DELETE = { u: "platform", m: "DELETE", p: "example/v1/contacts/123", q: [["ids", "1,2,3,4,5"], ["force", "true"]], h: [["If-Match", "*"]] };

const EVERY_PART = [
  "API: Platform API",
  "Method: DELETE",
  "Path: example/v1/contacts/123",
  "Query parameter ids = 1,2,3,4,5",
  "Query parameter force = true",
  "Sent as: DELETE example/v1/contacts/123?ids=1%2C2%2C3%2C4%2C5&force=true",
];

test("a DELETE from a share link names every part that will be sent and says someone else made it; Cancel sends nothing", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("shared-delete");
  const calls = proxyCalls(page);
  const dialog = consolePage.confirmWrite;

  await page.goto(shareLink(WIDENED_DELETE));
  await consolePage.waitUntilReady();
  await expect(consolePage.composer.path).toHaveValue("example/v1/contacts/123?ids=1%2C2%2C3%2C4%2C5&force=true");
  await consolePage.composer.send.click();
  await dialog.expectAsking("Delete contact 123 (with the query parameters ids, force)");
  await expect(dialog.fromLink).toHaveText("This request came from a link someone shared with you: check every part.");
  const lines = await dialog.request.getByRole("listitem").allTextContents();
  expect(lines).toEqual([...EVERY_PART.slice(0, 5), "Header If-Match: *", EVERY_PART[5]]);
  await dialog.cancel.click();
  await expect(dialog.dialog).toBeHidden();
  expect(calls.filter((call) => call.method() === "DELETE"), "nothing deleted").toHaveLength(0);

  // Edited, it is still someone else's request at heart: the warning stays.
  await consolePage.composer.path.fill("example/v1/contacts/123?ids=1,2&force=true");
  await consolePage.composer.send.click();
  await expect(dialog.fromLink).toBeVisible();
  await expect(dialog.request).toContainText("Query parameter ids = 1,2");
  await dialog.cancel.click();
  expect(calls.filter((call) => call.method() === "DELETE")).toHaveLength(0);
});

test("the same DELETE typed in by hand lists every part too, without the share-link warning", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.keys.addFreshKey("typed-delete");
  const dialog = consolePage.confirmWrite;
  await consolePage.composer.upstream.selectOption("platform");
  await consolePage.composer.method.selectOption("DELETE");
  await consolePage.composer.path.fill("example/v1/contacts/123?ids=1,2,3,4,5&force=true");
  await consolePage.composer.send.click();
  await dialog.expectAsking("Delete contact 123 (with the query parameters ids, force)");
  await expect(dialog.fromLink).toHaveCount(0);
  expect(await dialog.request.getByRole("listitem").allTextContents()).toEqual(EVERY_PART);
  await dialog.cancel.click();
  await expect(page.getByTestId("confirm-write")).toBeHidden();
});
