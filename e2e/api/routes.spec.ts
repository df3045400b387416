// The console's own routes: methods the proxy does not carry, addresses it does not have,
// and the security headers on its pages and API answers.
import { expect, test } from "@playwright/test";
import { API_URL } from "../support/users.mjs";
import { ConsoleClient, expectNoKeyIn, expectProblem, httpRequest, resetRecords, signedIn, upstream } from "../support/api-client";

test("HEAD and OPTIONS on /api/proxy answer 405 problems with Allow, and JobNimbus is not called", async () => {
  const editor = await signedIn("editor");
  await resetRecords();

  const options = await editor.send("OPTIONS", "/api/proxy/echo/contacts");
  expectProblem(options, "method-not-allowed", 405);
  expect(options.headers.allow).toBe("GET, POST, PUT, PATCH, DELETE");

  // HEAD answers carry no body: the status, type and Allow say it.
  const head = await editor.send("HEAD", "/api/proxy/echo/contacts");
  expect(head.status).toBe(405);
  expect(head.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(head.headers.allow).toBe("GET, POST, PUT, PATCH, DELETE");
  expect(head.text).toBe("");

  // Without a sign-in too: the method is refused before anything else.
  expect((await new ConsoleClient().send("OPTIONS", "/api/proxy/echo/contacts", { anonymous: true })).status).toBe(405);
  expect(await upstream.requests()).toEqual([]);
});

test("an unknown /api address answers a 404 not-found problem, not an HTML page", async () => {
  const client = new ConsoleClient();
  for (const [method, path] of [
    ["GET", "/api/whatever"],
    ["POST", "/api/whatever/deeper"],
    ["DELETE", "/api/keyz"],
    ["GET", "/api/proxy"],
  ] as const) {
    const reply = await client.send(method, path, { body: method === "POST" ? "{}" : undefined });
    const problem = expectProblem(reply, "not-found", 404);
    expect(problem.detail).toContain(path);
  }
  const health = await client.get("/api/health", { csrf: false });
  expect(health.status).toBe(200);
});

test("pages carry a nonce-based CSP with frame-ancestors 'none', nosniff and Referrer-Policy: no-referrer", async () => {
  const first = await httpRequest(API_URL, "GET", "/signin");
  expectNoKeyIn(first, "sign-in page");
  expect(first.status).toBe(200);
  expect(first.headers["content-type"]).toMatch(/^text\/html/);
  const csp = first.headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
  expect(nonce, `a nonce in ${csp}`).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src [^;]*'nonce-/);
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  expect(first.headers["x-content-type-options"]).toBe("nosniff");
  expect(first.headers["referrer-policy"]).toBe("no-referrer");
  expect(first.headers["x-frame-options"]).toBe("DENY");
  // The page's scripts carry that very nonce.
  expect(first.text).toContain(`nonce="${nonce}"`);

  // A fresh nonce for every page load.
  const second = await httpRequest(API_URL, "GET", "/signin");
  const secondNonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(second.headers["content-security-policy"] ?? "")?.[1];
  expect(secondNonce).toBeTruthy();
  expect(secondNonce).not.toBe(nonce);

  // API answers get the deny-all policy and the same basics.
  const api = await httpRequest(API_URL, "GET", "/api/health");
  expect(api.headers["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(api.headers["x-content-type-options"]).toBe("nosniff");
  expect(api.headers["referrer-policy"]).toBe("no-referrer");
});
