// Page objects for the browser suite: every selector the specs use lives here, so a UI change
// means one edit in this file, not in every spec. Role and label selectors first, test ids second.
import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page, type Response } from "@playwright/test";
import { E2E_URL, PORTS } from "./users.mjs";

export const CONSOLE_ORIGIN = new URL(E2E_URL).origin;
export const OIDC_ORIGIN = `http://127.0.0.1:${PORTS.oidc}`;
/** The mock JobNimbus API behind the browser suite's console (its Platform base; Legacy is under /api1). */
export const MOCK_ORIGIN = `http://127.0.0.1:${PORTS.mock}`;

/**
 * A key the mock accepts with full access ("test-…"), new for each call: the mock limits each key to
 * 50 requests a second, so one key per test keeps tests from slowing each other down.
 */
export function freshTestKey(tag = "e2e"): string {
  return `test-${tag}-${randomBytes(8).toString("hex")}`;
}

const isProxyCall = (res: Response) => new URL(res.url()).pathname.startsWith("/api/proxy/");

/** /signin: the password form, one button per single sign-on method, demo hints, sign-in errors. */
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

  /** Fills and submits the password form; does not wait for the outcome. */
  async submitPassword(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Password sign-in that must succeed: ends on the console with its header visible. */
  async signInWithPassword(email: string, password: string): Promise<ConsolePage> {
    await this.goto();
    await this.submitPassword(email, password);
    const console = new ConsolePage(this.page);
    await console.waitUntilReady();
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

/** The loopback OpenID Provider's screens (e2e/support/oidc-provider.mjs): log in, then allow. */
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

/** The console page (/): who is signed in, keys, request composer, response viewer. */
export class ConsolePage {
  readonly whoami: Locator;
  readonly signOutButton: Locator;
  // keys
  readonly keyLabel: Locator;
  readonly apiKey: Locator;
  readonly saveKey: Locator;
  readonly keyList: Locator;
  readonly noKeys: Locator;
  readonly keySaved: Locator;
  // composer
  readonly method: Locator;
  readonly path: Locator;
  readonly send: Locator;
  /** The sentence that tells a viewer why they can only read. */
  readonly viewerExplanation: Locator;
  // response
  readonly responseStatus: Locator;
  readonly responseBody: Locator;
  readonly problem: Locator;
  readonly problemExplanation: Locator;

  constructor(readonly page: Page) {
    this.whoami = page.getByTestId("whoami");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.keyLabel = page.getByLabel("Label", { exact: true });
    this.apiKey = page.getByLabel("API key", { exact: true });
    this.saveKey = page.getByRole("button", { name: "Save key" });
    this.keyList = page.getByTestId("key-list");
    this.noKeys = page.getByTestId("no-keys");
    this.keySaved = page.getByRole("status").filter({ hasText: /key saved/i });
    this.method = page.getByLabel("Method", { exact: true });
    this.path = page.locator("#path");
    this.send = page.getByRole("button", { name: "Send", exact: true });
    this.viewerExplanation = page.getByText(/your role is viewer/i);
    this.responseStatus = page.getByTestId("response-status");
    this.responseBody = page.getByTestId("response-body");
    this.problem = page.getByTestId("problem");
    this.problemExplanation = page.getByTestId("problem-explanation");
  }

  async goto() {
    await this.page.goto("/");
    await this.waitUntilReady();
  }

  /** Signed in and the key list has loaded (either the list or the "no key yet" hint is shown). */
  async waitUntilReady() {
    await this.page.waitForURL((url) => url.origin === CONSOLE_ORIGIN && url.pathname === "/");
    await expect(this.whoami).toBeVisible();
    await expect(this.keyList.or(this.noKeys)).toBeVisible();
  }

  async expectSignedInAs(email: string, role: string) {
    await expect(this.whoami).toContainText(email);
    await expect(this.whoami).toContainText(new RegExp(`\\b${role}\\b`));
  }

  keyEntry(label: string): Locator {
    return this.keyList.getByRole("listitem").filter({ hasText: label });
  }

  async addKey(label: string, key: string) {
    await this.keyLabel.fill(label);
    await this.apiKey.fill(key);
    await this.saveKey.click();
    await expect(this.keyEntry(label)).toBeVisible();
  }

  methodOption(method: string): Locator {
    return this.method.locator("option", { hasText: new RegExp(`^\\s*${method}\\s*$`) });
  }

  /** Sends one request and waits for its answer to be shown. */
  async sendRequest(method: string, path: string) {
    await this.method.selectOption(method);
    await this.path.fill(path);
    const answered = this.page.waitForResponse((res) => new URL(res.url()).pathname.startsWith("/api/proxy/"));
    await this.send.click();
    await answered;
    await expect(this.responseStatus).toBeVisible();
  }

  async signOut(): Promise<SignInPage> {
    await this.signOutButton.click();
    await this.page.waitForURL(/\/signin(\?|$)/);
    const signIn = new SignInPage(this.page);
    await expect(signIn.submit).toBeVisible();
    return signIn;
  }

  /** Everything browser code can read: storage and the cookies visible to document.cookie. */
  async readableStorage(): Promise<{ localStorage: string; sessionStorage: string; cookie: string; inputs: string[] }> {
    return this.page.evaluate(() => {
      const dump = (store: Storage) =>
        JSON.stringify(Array.from({ length: store.length }, (_, i) => {
          const name = store.key(i) ?? "";
          return [name, store.getItem(name)];
        }));
      return {
        localStorage: dump(window.localStorage),
        sessionStorage: dump(window.sessionStorage),
        cookie: document.cookie,
        inputs: Array.from(document.querySelectorAll("input, textarea"), (el) => (el as HTMLInputElement).value),
      };
    });
  }
}
