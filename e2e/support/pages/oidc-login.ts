// The loopback OpenID Provider's screens (e2e/support/oidc-provider.mjs), where single sign-on
// sends the browser: log in, then allow the console to know who you are.
import type { Locator, Page } from "@playwright/test";
import { PORTS } from "../users.mjs";

export const OIDC_ORIGIN = `http://127.0.0.1:${PORTS.oidc}`;

export class OidcLoginPage {
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly allow: Locator;

  constructor(readonly page: Page) {
    this.login = page.getByLabel("Login", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Continue" });
    this.allow = page.getByRole("button", { name: "Allow" });
  }

  /** Logs in, allows access if the provider asks, and waits until the browser is back on the console's origin. */
  async signIn(login: string, password = "any-password") {
    const loginPath = new URL(this.page.url()).pathname;
    await this.login.fill(login);
    await this.password.fill(password);
    await this.submit.click();
    // Next stop: a new interaction (consent) on the provider, or straight back to the console.
    await this.page.waitForURL(
      (url) => url.origin !== OIDC_ORIGIN || (/^\/interaction\/[^/]+$/.test(url.pathname) && url.pathname !== loginPath),
    );
    if (new URL(this.page.url()).origin === OIDC_ORIGIN) {
      await this.allow.click();
      await this.page.waitForURL((url) => url.origin !== OIDC_ORIGIN);
    }
    await this.page.waitForLoadState();
  }
}
