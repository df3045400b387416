// Composing a request: both APIs, {id} path parameters, query rows in sync with the path, Act as (actor)
// with the team's emails, refused headers, the lazy JSON body editor, Ctrl+Enter, a slow call and Cancel,
// and Copy as cURL / fetch / Python.
import { expect, test } from "../support/fixtures";
import { freshTestKey, MOCK_ORIGIN, readMock } from "../support/mock";
import { CONSOLE_ORIGIN, type ConsolePage } from "../support/pages/console";
import { isProxyCall, proxyCalls } from "../support/proxy-calls";

async function withKey(signInAs: (user: "editor") => Promise<ConsolePage>, tag: string) {
  const consolePage = await signInAs("editor");
  const key = freshTestKey(tag);
  await consolePage.addKey("Mock", key);
  return { consolePage, key };
}

test("the API switch: the legacy API answers in its {count, results} shape; the Platform API, which has no contacts, says Not Found", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "legacy");
  const calls = proxyCalls(page);

  const legacy = await consolePage.call("GET", "contacts?size=5", { upstream: "legacy" });
  expect(legacy.status()).toBe(200);
  expect(new URL(legacy.url()).pathname).toBe("/api/proxy/contacts");
  expect(calls.at(-1)?.headers()["x-console-upstream"]).toBe("legacy");
  const legacyBody = await consolePage.answer.bodyJson<{ count: number; results: unknown[] }>();
  expect(Object.keys(legacyBody).sort()).toEqual(["count", "results"]);
  expect(legacyBody.results).toHaveLength(5);
  await expect(consolePage.answer.tableCount).toHaveText("5 records");

  const platform = await consolePage.call("GET", "contacts?size=5", { upstream: "platform" });
  expect(calls.at(-1)?.headers()["x-console-upstream"]).toBe("platform");
  expect(platform.status()).toBe(404);
  expect(await consolePage.answer.bodyJson<object>()).toEqual({ message: "Not Found" });
});

test("a {id} in the path becomes a field; sending without it explains what is missing and sends nothing", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "params");
  const { results } = await readMock<{ results: { jnid: string; display_name: string }[] }>("/api1/contacts?size=1");
  const contact = results[0]!;
  const calls = proxyCalls(page);

  await consolePage.composer.path.fill("contacts/{jnid}");
  await expect(consolePage.composer.pathParam("jnid")).toBeVisible();
  await consolePage.composer.send.click();
  await expect(consolePage.composer.hint).toHaveText("Fill in the path parameter: jnid.");
  expect(calls, "nothing is sent with an empty path parameter").toHaveLength(0);

  await consolePage.composer.pathParam("jnid").fill(contact.jnid);
  await consolePage.sendAndWait();
  await expect(consolePage.composer.hint).toHaveCount(0);
  expect(new URL(calls[0]!.url()).pathname).toBe(`/api/proxy/contacts/${contact.jnid}`);
  await expect(consolePage.answer.status).toHaveText("200");
  await expect(consolePage.answer.section).toContainText(`GET contacts/${contact.jnid}`);
  await expect(consolePage.answer.body).toContainText(contact.display_name);
  // The field keeps the template; the parameter lives in its own field.
  await expect(consolePage.composer.path).toHaveValue("contacts/{jnid}");
});

test("query rows and the path field stay in sync both ways, and only ticked rows are sent", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "rows");
  const { composer } = consolePage;
  const calls = proxyCalls(page);

  await consolePage.composer.path.fill("contacts?size=3&sort_field=city");
  await expect(composer.tab("Params")).toHaveText("Params (2)");
  await expect(composer.queryRow(1).name).toHaveValue("size");
  await expect(composer.queryRow(1).value).toHaveValue("3");
  await expect(composer.queryRow(2).name).toHaveValue("sort_field");
  await expect(composer.queryRow(2).value).toHaveValue("city");
  await expect(composer.queryRow(3).name).toHaveCount(0);

  // Unticking a row takes it out of the path (it stays in the form, switched off).
  await composer.queryRow(2).enabled.uncheck();
  await expect(consolePage.composer.path).toHaveValue("contacts?size=3");
  await expect(composer.tab("Params")).toHaveText("Params (1)");
  await expect(composer.queryRow(2).name).toHaveValue("sort_field");

  // Editing and adding rows rewrites the path.
  await composer.queryRow(1).value.fill("4");
  await expect(consolePage.composer.path).toHaveValue("contacts?size=4");
  await composer.addParameter.click();
  await composer.queryRow(3).name.fill("sort_direction");
  await composer.queryRow(3).value.fill("asc");
  await expect(consolePage.composer.path).toHaveValue("contacts?size=4&sort_direction=asc");

  await consolePage.sendAndWait();
  const sent = new URL(calls[0]!.url());
  expect(sent.pathname).toBe("/api/proxy/contacts");
  expect(sent.search).toBe("?size=4&sort_direction=asc");

  // Ticking it again puts it back.
  await composer.queryRow(2).enabled.check();
  await expect(consolePage.composer.path).toHaveValue("contacts?size=4&sort_field=city&sort_direction=asc");
  // Removing a row removes it from the path too.
  await composer.queryRow(1).remove.click();
  await expect(consolePage.composer.path).toHaveValue("contacts?sort_field=city&sort_direction=asc");
});

test("Authorization, Cookie and Host header rows are refused with a one-line reason and never sent", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "headers");
  const { composer } = consolePage;
  const calls = proxyCalls(page);

  await composer.tab("Headers").click();
  const rows: [string, string, RegExp][] = [
    ["Authorization", "Bearer typed-into-a-row-0000", /Authorization itself from your saved key/],
    ["Cookie", "session=typed-into-a-row", /Cookies are never sent/],
    ["Host", "evil.example", /host is fixed/i],
    ["Accept", "application/json", /./],
  ];
  for (const [index, [name, value]] of rows.entries()) {
    await composer.addHeader.click();
    await composer.headerRow(index + 1).name.fill(name);
    await composer.headerRow(index + 1).value.fill(value);
  }
  const refusals = composer.refusals();
  await expect(refusals).toHaveCount(3);
  for (const [index, [, , reason]] of rows.slice(0, 3).entries()) {
    await expect(refusals.nth(index)).toHaveText(reason);
    // One line: no line breaks in the reason.
    expect(((await refusals.nth(index).textContent()) ?? "").includes("\n")).toBe(false);
    await expect(composer.headerRow(index + 1).name).toHaveAttribute("aria-invalid", "true");
  }
  await expect(composer.headerRow(4).name).not.toHaveAttribute("aria-invalid", "true");

  await consolePage.composer.path.fill("contacts?size=1");
  await consolePage.sendAndWait();
  await expect(consolePage.answer.status).toHaveText("200");
  const headers = await calls[0]!.allHeaders();
  expect(headers["accept"]).toBe("application/json");
  expect(headers["authorization"]).toBeUndefined();
  const sent = JSON.stringify(headers);
  expect(sent).not.toContain("typed-into-a-row");
  expect(sent).not.toContain("evil.example");
});

test("the JSON body editor: loaded when first needed, live line and column of an error, Format and Minify", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "body");
  const { composer } = consolePage;
  await expect(composer.tab("Body"), "GET has no body").toHaveCount(0);

  await consolePage.composer.method.selectOption("POST");
  await expect(composer.tab("Body")).toBeVisible();
  const scripts: string[] = [];
  page.on("request", (req) => {
    if (req.resourceType() === "script") scripts.push(req.url());
  });
  await composer.tab("Body").click();
  await expect(composer.body).toBeVisible();
  expect(scripts.length, "the editor's code is fetched only when the body tab opens").toBeGreaterThan(0);
  await expect(composer.bodyStatus).toHaveText("Empty body.");

  await composer.body.fill('{\n  "first_name": "Ann",\n  oops\n}');
  await expect(composer.bodyStatus).toHaveText(/^Invalid JSON at line 3, column 3: /);
  await expect(composer.body).toHaveAttribute("aria-invalid", "true");
  await expect(composer.format).toBeDisabled();
  await expect(composer.minify).toBeDisabled();

  await composer.body.fill('{"first_name":"Ann","tags":["roof",1]}');
  await expect(composer.bodyStatus).toHaveText("Valid JSON.");
  await composer.format.click();
  await expect(composer.body).toHaveValue('{\n  "first_name": "Ann",\n  "tags": [\n    "roof",\n    1\n  ]\n}');
  await composer.minify.click();
  await expect(composer.body).toHaveValue('{"first_name":"Ann","tags":["roof",1]}');
});

test("sending invalid JSON asks first: dismissing sends nothing, accepting sends it as typed", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "askjson");
  const calls = proxyCalls(page);
  await consolePage.composer.method.selectOption("POST");
  await consolePage.composer.path.fill("contacts");
  await consolePage.composer.setBody('{"first_name": "Ann",}');

  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await consolePage.composer.send.click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toMatch(/not valid JSON \(line 1, column \d+: .+\)\. Send it anyway\?/);
  await page.waitForTimeout(300);
  expect(calls, "nothing sent after dismissing").toHaveLength(0);
  await expect(consolePage.answer.section).toHaveCount(0);

  page.once("dialog", (dialog) => void dialog.accept());
  await consolePage.sendAndWait();
  expect(calls).toHaveLength(1);
  expect(calls[0]!.method()).toBe("POST");
  expect(calls[0]!.postData()).toBe('{"first_name": "Ann",}');
  await expect(consolePage.answer.status).toHaveText(/^4\d\d$/);
});

test("Ctrl+Enter sends from anywhere in the composer", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "ctrlenter");
  const calls = proxyCalls(page);
  await consolePage.composer.path.fill("jobs?size=2");
  // From a query row, outside the path form, so it is not the browser's own Enter-submits-the-form.
  await consolePage.sendAndWait(() => consolePage.composer.queryRow(1).value.press("Control+Enter"));
  expect(new URL(calls[0]!.url()).pathname).toBe("/api/proxy/jobs");
  await expect(consolePage.answer.status).toHaveText("200");
  await expect(consolePage.answer.section).toContainText("GET jobs?size=2");
});

test("a slow call shows the elapsed time and Cancel; Cancel ends it as cancelled and the console keeps working", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "slow");
  const { composer } = consolePage;
  await consolePage.composer.path.fill("contacts?simulate=slow&ms=5000");
  const calls = proxyCalls(page);
  const failed = page.waitForEvent("requestfailed", isProxyCall);
  await consolePage.composer.send.click();

  await expect(composer.sending).toBeVisible();
  await expect(composer.sending).toContainText("Waiting for JobNimbus…");
  await expect(composer.cancel).toBeVisible();
  await expect(consolePage.composer.send).toHaveCount(0);
  const seconds = async () => Number(/([\d.]+) s/.exec((await composer.sending.textContent()) ?? "")?.[1] ?? NaN);
  const first = await seconds();
  await expect.poll(seconds, { message: "the elapsed time counts up" }).toBeGreaterThanOrEqual(first + 0.5);

  await composer.cancel.click();
  const aborted = await failed;
  expect(aborted.failure()?.errorText).toMatch(/ABORTED/i);
  await expect(composer.sending).toBeHidden();
  await expect(consolePage.answer.meaning).toHaveText(/^Cancelled/);
  await expect(consolePage.answer.problemExplanation).toHaveText(/You cancelled the request/);
  await expect(consolePage.composer.send).toBeVisible();
  // Cancel only cancels: it must not send the request again (the Send button takes its place mid-click).
  await page.waitForTimeout(500);
  expect(calls.map((req) => new URL(req.url()).search), "proxy calls after Cancel").toEqual(["?simulate=slow&ms=5000"]);
  await expect(consolePage.composer.sending).toBeHidden();

  await consolePage.call("GET", "contacts?size=1");
  await expect(consolePage.answer.status).toHaveText("200");
});

test("Copy as cURL, fetch and Python: the real JobNimbus URL and $JOBNIMBUS_API_KEY, never the key or the proxy", async ({ page, context, signInAs }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: CONSOLE_ORIGIN });
  const { consolePage, key } = await withKey(signInAs, "snippets");
  const { tools, composer } = consolePage;

  await consolePage.composer.path.fill("contacts?size=3&sort_field=city");
  await composer.tab("Headers").click();
  await composer.addHeader.click();
  await composer.headerRow(1).name.fill("Accept");
  await composer.headerRow(1).value.fill("application/json");

  // The legacy API's own base, /api1.
  const url = `${MOCK_ORIGIN}/api1/contacts?size=3&sort_field=city`;
  const expectations = {
    cURL: [`curl -X GET '${url}'`, `-H "Authorization: Bearer $JOBNIMBUS_API_KEY"`, `-H 'Accept: application/json'`],
    "JavaScript fetch": [`await fetch("${url}"`, "process.env.JOBNIMBUS_API_KEY", `"Accept": "application/json"`],
    "Python requests": [`"${url}"`, `os.environ["JOBNIMBUS_API_KEY"]`, `"Accept": "application/json"`],
  } as const;
  for (const [kind, parts] of Object.entries(expectations) as [keyof typeof expectations, readonly string[]][]) {
    const text = await tools.copySnippet(kind);
    for (const part of parts) expect(text, kind).toContain(part);
    expect(text, kind).not.toContain(key);
    expect(text, kind).not.toContain("/api/proxy");
    expect(text, kind).not.toContain(CONSOLE_ORIGIN);
    await expect(tools.note).toHaveText(`${kind} copied to the clipboard.`);
    expect(await page.evaluate(() => navigator.clipboard.readText()), `${kind} on the clipboard`).toBe(text);
  }

  // The Platform API's own base, and a POST body.
  await composer.upstream.selectOption("platform");
  await consolePage.composer.method.selectOption("POST");
  await consolePage.composer.path.fill("files/v1/uploads/url");
  await composer.setBody('{"filename":"O\'Brien roof.jpg","type":2}');
  const curl = await tools.copySnippet("cURL");
  expect(curl).toContain(`curl -X POST '${MOCK_ORIGIN}/files/v1/uploads/url'`);
  expect(curl).toContain(`--data-raw '{"filename":"O'\\''Brien roof.jpg","type":2}'`);
  expect(curl).toContain("Content-Type: application/json");
  expect(curl).not.toContain(key);
});

test("Act as on a legacy request: the actor query parameter, with the account's team members offered by email", async ({ page, signInAs }) => {
  const { consolePage } = await withKey(signInAs, "actor");
  const { composer } = consolePage;
  const { users } = await readMock<{ users: { email: string; first_name: string; last_name: string; is_active: boolean }[] }>("/api1/account/users");
  const active = users.filter((u) => u.is_active);
  const calls = proxyCalls(page);

  await composer.upstream.selectOption("platform");
  await expect(composer.actAs, "the Platform API has no documented actor").toHaveCount(0);
  await composer.upstream.selectOption("legacy");
  await expect(composer.actAs).toBeVisible();
  expect(calls, "nothing is read before the field is used").toHaveLength(0);
  await composer.actAs.focus();
  await expect(composer.actAsChoices).toHaveCount(active.length);
  expect(await composer.actAsChoices.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(active.map((u) => u.email));
  expect(calls.map((c) => new URL(c.url()).pathname).sort()).toEqual(["/api/proxy/account/settings", "/api/proxy/account/users"]);

  // The field and the query row are one: what is typed in one shows in the other.
  const marcus = active.find((u) => u.email.startsWith("marcus@"))!;
  await composer.path.fill("contacts?size=1");
  await composer.actAs.fill(marcus.email);
  await expect(composer.path).toHaveValue(`contacts?size=1&actor=${encodeURIComponent(marcus.email)}`);
  await expect(composer.queryRow(2).name).toHaveValue("actor");
  const body = JSON.stringify({ note: "Called about the gutters", record_type_name: "Note", primary: { id: (await readMock<{ results: { jnid: string }[] }>("/api1/jobs?size=1")).results[0]!.jnid } });
  await composer.method.selectOption("POST");
  await composer.path.fill(`activities?actor=${encodeURIComponent(marcus.email)}`);
  await composer.setBody(body);
  calls.length = 0;
  await consolePage.sendAndWait();
  expect(new URL(calls.at(-1)!.url()).searchParams.get("actor")).toBe(marcus.email);
  // JobNimbus records who did it.
  const created = await consolePage.answer.bodyJson<{ created_by_name: string }>();
  expect(created.created_by_name).toBe(`${marcus.first_name} ${marcus.last_name}`);
  await composer.actAs.fill("");
  await expect(composer.path).toHaveValue("activities");
});
