// The production build with NODE_ENV=production behind a TLS-terminating nginx on loopback:
// __Host- and Secure cookies, HSTS and the CSP hold on the real https path.
import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { KEYS, TLS_URL, USERS } from "../support/users.mjs";

test.skip(!["/usr/sbin/nginx", "/usr/bin/nginx"].some((path) => existsSync(path)), "nginx is not installed (apt-get install nginx-light); .ci/run installs it");

test("over https the console sets __Host- Secure cookies, HSTS and a nonce CSP, and proxies a call", async ({ page, context }) => {
  const signInPage = await page.goto(`${TLS_URL}/signin`);
  const headers = signInPage!.headers();
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("upgrade-insecure-requests");

  await page.getByLabel("Email").fill(USERS.editor.email);
  await page.getByLabel("Password").fill(USERS.editor.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("whoami")).toContainText(USERS.editor.email);

  await page.getByLabel("Label", { exact: true }).fill("TLS");
  await page.getByLabel("API key", { exact: true }).fill(KEYS.editor);
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByTestId("key-list")).toContainText("TLS");

  const cookies = await context.cookies(TLS_URL);
  const session = cookies.find((c) => c.name === "__Host-jnc.session-token");
  const vault = cookies.find((c) => c.name === "__Host-jnc-vault");
  expect(session, "session cookie named with __Host-").toBeTruthy();
  expect(vault, "vault cookie named with __Host-").toBeTruthy();
  for (const cookie of [session!, vault!]) {
    expect(cookie.secure).toBe(true);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.path).toBe("/");
  }
  expect(vault!.sameSite).toBe("Strict");
  expect(cookies.every((c) => c.name.startsWith("__Host-") && c.secure)).toBe(true);

  await page.locator("#path").fill("contacts?size=3");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("response-status")).toHaveText("200");
});
