// Single sign-on through the loopback OpenID Provider: code flow with PKCE, the domain allowlist
// (ALLOWED_EMAIL_DOMAINS=corp.test) and roles from CONSOLE_ROLES.
import { expect, test } from "../support/fixtures";
import { OIDC } from "../support/users.mjs";

const SSO = "Test SSO";

const allowed = [
  { login: "sso-editor", role: "editor" },
  { login: "sso-viewer", role: "viewer" },
] as const;

for (const { login, role } of allowed) {
  test(`"${login}" signs in through ${SSO} and gets the ${role} role`, async ({ signInPage, consolePage }) => {
    await signInPage.goto();
    const provider = await signInPage.startSso(SSO);
    await provider.signIn(login);

    await consolePage.waitUntilReady();
    await consolePage.expectSignedInAs(OIDC.accounts[login].email, role);
  });
}

test("an account outside the allowed domains is sent back to the sign-in page with a clear message", async ({ page, signInPage }) => {
  await signInPage.goto();
  const provider = await signInPage.startSso(SSO);
  await provider.signIn("outsider");

  await expect(page).toHaveURL(/\/signin\?.*error=AccessDenied/);
  await expect(signInPage.alert).toHaveCount(1);
  await expect(signInPage.alert).toHaveText(/not allowed into this console/i);
  await expect(signInPage.ssoButton(SSO)).toBeVisible();

  // And nothing was signed in on the way.
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin(\?|$)/);
});

test("an account whose issuer says its email is not verified is refused, even in an allowed domain", async ({ page, signInPage }) => {
  await signInPage.goto();
  const provider = await signInPage.startSso(SSO);
  await provider.signIn("unverified");

  await expect(page).toHaveURL(/\/signin\?.*error=AccessDenied/);
  await expect(signInPage.alert).toHaveText(/not allowed into this console/i);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin(\?|$)/);
});
