// Every /api/proxy call is checked by the route itself, in order: signed in, sent by the
// console's own pages (CSRF), allowed for the person's role. A refused call never reaches JobNimbus.
import { expect, test } from "@playwright/test";
import { API_URL } from "../support/users.mjs";
import { ConsoleClient, expectProblem, json, resetRecords, signedIn, upstream } from "../support/api-client";

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
