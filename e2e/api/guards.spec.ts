// Every /api/proxy call is checked by the route itself, in order: signed in, sent by the
// console's own pages (CSRF), allowed for the person's role. A refused call never reaches JobNimbus.
import { expect, test } from "@playwright/test";
import { API_URL, KEYS, USERS } from "../support/users.mjs";
import { ConsoleClient, consoleLogEntries, expectProblem, json, resetRecords, signedIn, sleep, upstream, type Reply } from "../support/api-client";
import { attemptSignIn } from "../support/sign-in-attempt";

test("without a sign-in every console API answers 401 unauthenticated and JobNimbus is not called", async () => {
  await resetRecords();
  const anonymous = new ConsoleClient();
  const calls: [string, string, string?][] = [
    ["GET", "/api/proxy/echo/contacts"],
    ["POST", "/api/proxy/echo/contacts", '{"display_name":"x"}'],
    ["DELETE", "/api/proxy/echo/contacts/1"],
    ["GET", "/api/keys"],
    ["POST", "/api/keys", '{"label":"a","apiKey":"b"}'],
  ];
  for (const [method, path, body] of calls) {
    const reply = await anonymous.send(method, path, { body, headers: body ? { "content-type": "application/json" } : {} });
    const problem = expectProblem(reply, "unauthenticated", 401);
    expect(problem.type.startsWith(`${API_URL}/problems/`), "console problems are typed on the console's origin").toBe(true);
    expect(reply.headers["cache-control"]).toBe("no-store");
  }

  // A session cookie that is not a valid next-auth token counts as no sign-in.
  const forged = await anonymous.send("GET", "/api/proxy/echo/contacts", { cookie: "jnc.session-token=eyJhbGciOiJub25lIn0.e30." });
  expectProblem(forged, "unauthenticated", 401);

  expect(await upstream.requests()).toEqual([]);
});

test("a call without X-CSRF: 1, from another Origin or marked cross-site is refused with 403 and JobNimbus is not called", async () => {
  const editor = await signedIn("editor");
  await resetRecords();

  const refusals: { name: string; method: string; headers: Record<string, string>; csrf: boolean }[] = [
    { name: "no X-CSRF", method: "GET", headers: {}, csrf: false },
    { name: "no X-CSRF on POST", method: "POST", headers: { "content-type": "application/json" }, csrf: false },
    { name: "X-CSRF: 0", method: "GET", headers: { "x-csrf": "0" }, csrf: false },
    { name: "Origin: https://evil.example", method: "GET", headers: { origin: "https://evil.example" }, csrf: true },
    { name: "Origin: https://evil.example on POST", method: "POST", headers: { origin: "https://evil.example", "content-type": "application/json" }, csrf: true },
    { name: "Origin: null", method: "GET", headers: { origin: "null" }, csrf: true },
    { name: "Sec-Fetch-Site: cross-site", method: "GET", headers: { "sec-fetch-site": "cross-site" }, csrf: true },
    { name: "Sec-Fetch-Site: same-site", method: "GET", headers: { "sec-fetch-site": "same-site" }, csrf: true },
  ];
  for (const { name, method, headers, csrf } of refusals) {
    const reply = await editor.send(method, "/api/proxy/echo/contacts", { csrf, headers, body: method === "POST" ? "{}" : undefined });
    await test.step(name, () => {
      expectProblem(reply, "csrf-rejected", 403);
    });
  }
  // The keys API is guarded the same way.
  expectProblem(await editor.get("/api/keys", { csrf: false }), "csrf-rejected", 403);
  expectProblem(await editor.get("/api/keys", { headers: { "sec-fetch-site": "cross-site" } }), "csrf-rejected", 403);
  expect(await upstream.requests(), "refused calls never reach JobNimbus").toEqual([]);

  // What the console's own pages send is accepted.
  const ok = await editor.get("/api/proxy/echo/contacts", { headers: { origin: API_URL, "sec-fetch-site": "same-origin" } });
  expect(ok.status, ok.text).toBe(200);
  expect(await upstream.requests()).toHaveLength(1);
});

test("a viewer may send GET but any other method is refused with 403 role-forbidden before JobNimbus is called", async () => {
  const viewer = await signedIn("viewer");
  await resetRecords();
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    const reply = await viewer.send(method, "/api/proxy/echo/contacts/1", {
      body: method === "DELETE" ? undefined : '{"display_name":"x"}',
      headers: { "content-type": "application/json" },
    });
    const problem = expectProblem(reply, "role-forbidden", 403);
    expect(problem.detail).toContain(method);
  }
  expect(await upstream.requests(), "a viewer's write never reaches JobNimbus").toEqual([]);

  const read = await viewer.get("/api/proxy/echo/contacts?size=5");
  expect(read.status, read.text).toBe(200);
  expect(json(read)).toMatchObject({ method: "GET", path: "/echo/contacts", query: "size=5" });
  expect(await upstream.requests()).toHaveLength(1);
});

/** The api console's audit lines of refusals, waiting a little for its output to reach the log. */
async function refusalLines(match: (line: Record<string, unknown>) => boolean, count = 1): Promise<Record<string, unknown>[]> {
  let lines: Record<string, unknown>[] = [];
  for (let i = 0; i < 40 && lines.length < count; i += 1) {
    lines = consoleLogEntries().filter((line) => line.event === "refused" && match(line));
    if (lines.length < count) await sleep(100);
  }
  return lines;
}
const byRequest = (reply: Reply) => (line: Record<string, unknown>) => line.requestId === reply.headers["x-request-id"];

test("every refusal writes one audit line: who (or the email typed), what, why; never a key, cookie or password", async () => {
  const viewer = await signedIn("viewer");
  const editor = await signedIn("editor");
  const other = await signedIn("other");
  const cases: { name: string; reply: Reply; expected: Record<string, unknown> }[] = [];
  const add = (name: string, reply: Reply, expected: Record<string, unknown>) => cases.push({ name, reply, expected });

  add("a viewer's write", await viewer.proxy("POST", "echo/audit-role?customer=secret-query", { body: '{"x":1}', headers: { "content-type": "application/json" } }), {
    user: USERS.viewer.email, method: "POST", path: "/api/proxy/echo/audit-role", status: 403, reason: "role",
  });
  add("a call without X-CSRF", await editor.proxy("GET", "echo/audit-csrf", { csrf: false }), {
    user: USERS.editor.email, method: "GET", path: "/api/proxy/echo/audit-csrf", status: 403, reason: "csrf",
  });
  add("no sign-in", await new ConsoleClient().get("/api/keys", { anonymous: true }), { user: null, path: "/api/keys", status: 401, reason: "no-session" });
  const foreign = `jnc.session-token=${editor.sessionCookie()}; jnc-vault=${other.vaultCookie()}`;
  add("another person's key cookie", await editor.proxy("GET", "echo/audit-foreign", { cookie: foreign }), {
    user: USERS.editor.email, path: "/api/proxy/echo/audit-foreign", status: 428, reason: "no-api-key: vault other-user",
  });
  for (const { name, reply, expected } of cases) {
    await test.step(name, async () => {
      expect(reply.headers["x-request-id"], "the refusal carries its request id").toBeTruthy();
      const lines = await refusalLines(byRequest(reply));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ event: "refused", outcome: "refused", ...expected });
      const text = JSON.stringify(lines[0]);
      for (const secret of [...Object.values(KEYS), "secret-query", other.vaultCookie()!.slice(0, 24)]) expect(text).not.toContain(secret);
    });
  }

  await test.step("a failed sign-in: the email typed and why, never the password", async () => {
    const before = consoleLogEntries().length;
    const failed = await attemptSignIn(new ConsoleClient(), USERS.viewer.email, "wrong-password-Kq7zX");
    expect(failed.error).toBe("CredentialsSignin");
    const lines = await refusalLines((line) => line.user === USERS.viewer.email && line.reason === "wrong-password");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.at(-1)).toMatchObject({ method: "POST", path: "/api/auth/callback/credentials", status: 401 });
    expect(consoleLogEntries().slice(before).map((line) => JSON.stringify(line)).join("\n")).not.toContain("wrong-password-Kq7zX");
  });
});
