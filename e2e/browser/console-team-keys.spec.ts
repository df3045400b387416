// The keys panel with keys the administrator shares (TEAM_KEYS), on a console of its own whose JobNimbus is the
// mock: a viewer with no key of their own is on the shared key from the first screen and looks up customers
// without seeing or pasting anything, the answer saying whom JobNimbus recorded the call as; an editor moves
// between a key of their own and the shared ones, and a shared key cannot be deleted. No key reaches the browser.
import { expect, test } from "../support/fixtures";
import { keyForms } from "../support/api-client";
import { watchForKeys } from "../support/browser-leaks";
import { freshTestKey, MOCK_ORIGIN } from "../support/mock";
import { signInAsStaff, startTeamConsoles, type TeamConsoles } from "../support/team-consoles";
import { PORTS, SHARED_KEYS, SHARED_LABELS, STAFF, TEAM_A_URL } from "../support/users.mjs";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: TEAM_A_URL });

let team: TeamConsoles;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  team = await startTeamConsoles({ name: "console-team-browser", upstream: MOCK_ORIGIN, ports: [PORTS.teamA], redis: false });
});

test.afterAll(async () => {
  await team?.stop();
});

const office = { label: SHARED_LABELS.office, last4: SHARED_KEYS.office.slice(-4) };
const editors = { label: SHARED_LABELS.editors, last4: SHARED_KEYS.editors.slice(-4) };

test("a viewer with no key of their own starts on the shared key and looks up a customer at once; the answer says 'Sent as' them", async ({ page, context }) => {
  const leaks = await watchForKeys(context);
  leaks.watch(page);
  const consolePage = await signInAsStaff(page, "viewer", TEAM_A_URL);
  const { keys, header, composer, answer } = consolePage;

  await expect(keys.shared).toBeVisible();
  await expect(keys.sharedNote).toContainText("you never see it or need one of your own");
  // What is said about pasted keys (forgotten at sign-out) is not said of the shared one, which stays.
  await expect(keys.panel).toContainText("Keys you paste are stored encrypted");
  const entry = keys.sharedEntry(office.label);
  await expect(entry).toContainText(`…${office.last4}`);
  await expect(entry).toContainText("Active");
  await expect(keys.sharedList.getByRole("listitem"), "only the key the viewer's role may use").toHaveCount(1);
  await expect(keys.sharedEntry(editors.label)).toHaveCount(0);
  await expect(entry.getByRole("button"), "nothing to do with it: it is in use and cannot be deleted").toHaveCount(0);
  await expect(keys.noKeys).toHaveCount(0);
  await expect(keys.list, "no key of their own").toHaveCount(0);
  await expect(header.activeKey).toHaveText(`Key: ${office.label} (…${office.last4})`);
  await expect(composer.needsKey).toHaveCount(0);
  // Nobody can be chosen to act as: the shared key always acts as the person signed in.
  await expect(composer.actAsFixed).toContainText(`Acts as you (${STAFF.viewer.email}).`);
  await expect(composer.actAs).toHaveCount(0);

  const sent = await consolePage.call("GET", "contacts?size=1");
  await expect(answer.status).toHaveText("200");
  expect(sent.request().url()).toContain("/api/proxy/");
  const body = await answer.bodyJson<{ count: number; results: unknown[] }>();
  expect(body.results, "a customer from the mock's JobNimbus").toHaveLength(1);
  await expect(answer.sentAs).toHaveText(`Sent as ${STAFF.viewer.email}: JobNimbus records this call as yours.`);
  await expect(keys.apiKey, "nothing was pasted").toHaveValue("");

  // After a reload the list comes from the server alone, and the shared key is still the one in use.
  await consolePage.goto(TEAM_A_URL);
  await expect(keys.sharedEntry(office.label)).toContainText("Active");
  expect(leaks.answers(), "the session's answers were recorded").toBeGreaterThan(5);
  await leaks.expectNoKeys([page]);
});

test("an editor with a key of their own switches to a shared key and back; a shared key offers no Delete", async ({ page, context }) => {
  const leaks = await watchForKeys(context);
  leaks.watch(page);
  const consolePage = await signInAsStaff(page, "editor", TEAM_A_URL);
  const { keys, header, answer } = consolePage;
  // With nothing of their own, the editor too starts on the first shared key.
  await expect(keys.sharedEntry(office.label)).toContainText("Active");

  const own = freshTestKey("team-own");
  await consolePage.addKey("Mine", own);
  await expect(header.activeKey).toHaveText(`Key: Mine (…${own.slice(-4)})`);
  await expect(keys.sharedNote, "the note is for people without a key of their own").toHaveCount(0);
  await expect(keys.sharedList.getByRole("listitem")).toHaveCount(2);
  for (const shared of [office, editors]) {
    const entry = keys.sharedEntry(shared.label);
    await expect(entry).toContainText(`…${shared.last4}`);
    await expect(entry.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(keys.sharedUseButton(shared.label)).toBeVisible();
  }
  await expect(keys.deleteButton("Mine"), "the editor's own key can be deleted").toBeVisible();

  await consolePage.call("GET", "contacts?size=1");
  await expect(answer.status).toHaveText("200");
  await expect(answer.sentAs, "with a key of their own, the console sets no actor").toHaveCount(0);
  await expect(consolePage.composer.actAs, "with a key of their own, they may choose whom to act as").toBeVisible();

  await keys.sharedUseButton(editors.label).click();
  await expect(header.activeKey).toHaveText(`Key: ${editors.label} (…${editors.last4})`);
  await expect(keys.sharedEntry(editors.label)).toContainText("Active");
  await expect(keys.useButton("Mine")).toBeVisible();
  await consolePage.call("GET", "contacts?size=1");
  await expect(answer.status).toHaveText("200");
  await expect(answer.sentAs, "the editors' key acts as nobody").toHaveCount(0);
  await expect(consolePage.composer.actAsFixed).toHaveCount(0);

  await keys.sharedUseButton(office.label).click();
  await expect(header.activeKey).toHaveText(`Key: ${office.label} (…${office.last4})`);
  await consolePage.call("GET", "contacts?size=1");
  await expect(answer.status).toHaveText("200");
  await expect(answer.sentAs).toContainText(`Sent as ${STAFF.editor.email}`);
  await expect(consolePage.composer.actAsFixed).toContainText(`Acts as you (${STAFF.editor.email}).`);

  // The choice is kept by the server: still the shared key after a reload.
  await consolePage.goto(TEAM_A_URL);
  await expect(header.activeKey).toHaveText(`Key: ${office.label} (…${office.last4})`);

  await keys.useKey("Mine");
  await expect(header.activeKey).toHaveText(`Key: Mine (…${own.slice(-4)})`);
  await expect(keys.sharedUseButton(office.label)).toBeVisible();
  await consolePage.call("GET", "contacts?size=1");
  await expect(answer.status).toHaveText("200");
  await expect(answer.sentAs).toHaveCount(0);
  await leaks.expectNoKeys([page]);
});

test("no team key appears in the console's output", () => {
  const output = team.consoles[0]!.output();
  expect(output, "the console logged the calls").toContain('"event":"proxy"');
  for (const key of Object.values(SHARED_KEYS)) for (const form of keyForms(key)) expect(output).not.toContain(form);
});
