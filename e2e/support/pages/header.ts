// The header on every signed-in page (the console and the recipes): who is signed in, their role,
// the active key, the theme, the links between the two pages, and Sign out.
import { expect, type Locator, type Page } from "@playwright/test";
import { SignInPage } from "./sign-in";

export class AppHeader {
  readonly whoami: Locator;
  readonly role: Locator;
  /** "Key: label (…last4)", or "Key: none". */
  readonly activeKey: Locator;
  readonly theme: Locator;
  readonly recipesLink: Locator;
  /** "Admin": shown to administrators only. */
  readonly adminLink: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.whoami = page.getByTestId("whoami");
    this.role = page.getByTestId("role");
    this.activeKey = page.getByTestId("active-key");
    this.theme = page.getByRole("combobox", { name: "Theme", exact: true });
    this.recipesLink = page.getByRole("link", { name: "Recipes", exact: true });
    this.adminLink = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Admin", exact: true });
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
  }

  async expectSignedInAs(email: string, role: string) {
    await expect(this.whoami).toContainText(email);
    await expect(this.whoami).toContainText(new RegExp(`\\b${role}\\b`));
  }

  /** "light", "dark" or "system". */
  async chooseTheme(theme: "light" | "dark" | "system") {
    await this.theme.selectOption(theme);
  }

  async signOut(): Promise<SignInPage> {
    await this.signOutButton.click();
    const signIn = new SignInPage(this.page);
    await signIn.waitUntilShown();
    return signIn;
  }
}
