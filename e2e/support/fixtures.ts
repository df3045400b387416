// Fixtures for the browser suite: one page object per page of the console, ready to use, and a record
// of what the browser complained about (console errors and Content-Security-Policy violations).
import { test as base, type Page } from "@playwright/test";
import { ConsolePage } from "./pages/console";
import { ProblemPage } from "./pages/problem";
import { RecipesPage } from "./pages/recipes";
import { SignInPage } from "./pages/sign-in";
import { E2E_URL, USERS } from "./users.mjs";

export type UserName = keyof typeof USERS;

export type BrowserLog = {
  /** Every console message of type error or warning, and every uncaught page error, with the page URL. */
  messages: { type: string; text: string; url: string }[];
  /** Every `securitypolicyviolation` event the page saw (violated directive and blocked URI). */
  violations: { directive: string; blocked: string; url: string }[];
  /** Messages that look like a CSP refusal ("Refused to …", "Content Security Policy"). */
  cspMessages(): string[];
};

type Fixtures = {
  browserLog: BrowserLog;
  signInPage: SignInPage;
  /** The console (/) of this test's page; signInAs returns one already signed in. */
  consolePage: ConsolePage;
  recipesPage: RecipesPage;
  problemPage: ProblemPage;
  /** Signs in with the password form as one of USERS and returns the console page. */
  signInAs: (user: UserName) => Promise<ConsolePage>;
};

async function recordViolations(page: Page, log: BrowserLog) {
  await page.exposeBinding("__e2eCspViolation", ({ frame }, directive: string, blocked: string) => {
    log.violations.push({ directive, blocked, url: frame.url() });
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __e2eCspViolation?: (d: string, b: string) => void }).__e2eCspViolation;
      report?.(event.violatedDirective, event.blockedURI);
    });
  });
}

export const test = base.extend<Fixtures>({
  // The browser project's config sets no baseURL; the console under test is E2E_URL.
  baseURL: async ({ baseURL }, provide) => {
    await provide(baseURL ?? E2E_URL);
  },
  browserLog: async ({ page }, provide) => {
    const log: BrowserLog = {
      messages: [],
      violations: [],
      cspMessages() {
        return this.messages
          .filter((m) => /refused to|content security policy/i.test(m.text))
          .map((m) => `${m.url}: ${m.text}`);
      },
    };
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") {
        log.messages.push({ type: message.type(), text: message.text(), url: page.url() });
      }
    });
    // An uncaught EvalError ("Refused to evaluate a string as JavaScript…") arrives here, not as a console message.
    page.on("pageerror", (error) => log.messages.push({ type: "pageerror", text: String(error), url: page.url() }));
    await recordViolations(page, log);
    await provide(log);
  },
  signInPage: async ({ page }, provide) => {
    await provide(new SignInPage(page));
  },
  consolePage: async ({ page }, provide) => {
    await provide(new ConsolePage(page));
  },
  recipesPage: async ({ page }, provide) => {
    await provide(new RecipesPage(page));
  },
  problemPage: async ({ page }, provide) => {
    await provide(new ProblemPage(page));
  },
  signInAs: async ({ signInPage }, provide) => {
    await provide(async (user) => signInPage.signInWithPassword(USERS[user].email, USERS[user].password));
  },
});

export { expect } from "@playwright/test";
