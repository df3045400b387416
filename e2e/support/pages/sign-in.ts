// /signin: the password form, one button per single sign-on method, the demo hints, and the
// message a refused sign-in leaves (the form's own, or ?error=… after single sign-on).
import { expect, type Locator, type Page } from "@playwright/test";
import { ConsolePage } from "./console";
import { OIDC_ORIGIN, OidcLoginPage } from "./oidc-login";

export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** Any error shown on the page: the form's own message or the one from ?error=… after SSO. */
  readonly alert: Locator;
  readonly demoHints: Locator;
  readonly demoUsers: Locator;
  readonly demoKeys: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    // Next.js's route announcer is an empty role=alert on every page; it is not a message.
    this.alert = page.getByRole("alert").and(page.locator(":not(#__next-route-announcer__)"));
    this.demoHints = page.getByRole("region", { name: "Demo mode" });
    this.demoUsers = page.getByTestId("demo-users");
    this.demoKeys = page.getByTestId("demo-keys");
  }

  ssoButton(name: string): Locator {
    return this.page.getByRole("button", { name: `Sign in with ${name}` });
  }

  async goto() {
    await this.page.goto("/signin");
    await expect(this.page).toHaveURL(/\/signin(\?|$)/);
  }

  /** The browser has landed here (after signing out, say) and the form is ready. */
  async waitUntilShown() {
    await this.page.waitForURL(/\/signin(\?|$)/);
    await expect(this.submit).toBeVisible();
  }

  /** Fills and submits the password form; does not wait for the outcome. */
  async submitPassword(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Password sign-in that must succeed: ends on the console (of `origin`, the browser suite's by default) with its header visible. */
  async signInWithPassword(email: string, password: string, origin?: string): Promise<ConsolePage> {
    await this.goto();
    await this.submitPassword(email, password);
    const console = new ConsolePage(this.page);
    await console.waitUntilReady(origin);
    return console;
  }

  /** Starts single sign-on; ends on the provider's login screen. */
  async startSso(name: string): Promise<OidcLoginPage> {
    await this.ssoButton(name).click();
    await this.page.waitForURL((url) => url.origin === OIDC_ORIGIN);
    const login = new OidcLoginPage(this.page);
    await expect(login.login).toBeVisible();
    return login;
  }
}
