// The console (/): the header, and the parts a person works with, each its own object (keys panel,
// composer, request tools, answer viewer, requests panel, catalogue, write dialog); here the flows
// that cross parts, such as sending a request and waiting for its answer.
import { expect, type Page, type Response } from "@playwright/test";
import { isProxyCall } from "../proxy-calls";
import { E2E_URL } from "../users.mjs";
import { AnswerViewer } from "./answer";
import { CatalogPanel } from "./catalog";
import { Composer, type Draft } from "./composer";
import { ConfirmWriteDialog } from "./confirm-write";
import { AppHeader } from "./header";
import { KeysPanel } from "./keys-panel";
import { RequestTools } from "./request-tools";
import { RequestsPanel } from "./requests-panel";
import type { SignInPage } from "./sign-in";

export const CONSOLE_ORIGIN = new URL(E2E_URL).origin;

export class ConsolePage {
  readonly header: AppHeader;
  readonly keys: KeysPanel;
  readonly composer: Composer;
  readonly tools: RequestTools;
  readonly answer: AnswerViewer;
  readonly requests: RequestsPanel;
  readonly catalog: CatalogPanel;
  readonly confirmWrite: ConfirmWriteDialog;

  constructor(readonly page: Page) {
    this.header = new AppHeader(page);
    this.keys = new KeysPanel(page);
    this.composer = new Composer(page);
    this.tools = new RequestTools(page);
    this.answer = new AnswerViewer(page);
    this.requests = new RequestsPanel(page);
    this.catalog = new CatalogPanel(page);
    this.confirmWrite = new ConfirmWriteDialog(page);
  }

  async goto(origin = CONSOLE_ORIGIN) {
    await this.page.goto("/");
    await this.waitUntilReady(origin);
  }

  /** Signed in and the key list has loaded (the person's own keys, the shared ones, or the "no key yet" hint). */
  async waitUntilReady(origin = CONSOLE_ORIGIN) {
    await this.page.waitForURL((url) => url.origin === origin && url.pathname === "/");
    await expect(this.header.whoami).toBeVisible();
    await expect(this.keys.loaded).toBeVisible();
  }

  async expectSignedInAs(email: string, role: string) {
    await this.header.expectSignedInAs(email, role);
  }

  async addKey(label: string, key: string) {
    await this.keys.addKey(label, key);
  }

  async signOut(): Promise<SignInPage> {
    return this.header.signOut();
  }

  /** Sends one request with the API already chosen and waits for its answer to be shown. */
  async sendRequest(method: string, path: string) {
    await this.composer.method.selectOption(method);
    await this.composer.path.fill(path);
    const answered = this.page.waitForResponse(isProxyCall);
    await this.composer.send.click();
    await answered;
    await expect(this.answer.status).toBeVisible();
  }

  /**
   * Sends what the composer holds (by clicking Send, or by `trigger`) and waits until the answer is
   * drawn: the proxy call has finished and the composer no longer shows "Waiting…". A write that the
   * console asks to confirm in its dialog is confirmed, unless `confirm` is false.
   */
  async sendAndWait(trigger?: () => Promise<void>, { confirm = true } = {}): Promise<Response> {
    const method = await this.composer.method.inputValue();
    // Matched by method too: confirming an update may first read the record with a GET.
    const answered = this.page.waitForResponse((res) => isProxyCall(res) && res.request().method() === method);
    await (trigger ? trigger() : this.composer.send.click());
    if (method !== "GET" && confirm) {
      const asked = await Promise.race([
        answered.then(() => false),
        this.confirmWrite.dialog.waitFor({ state: "visible" }).then(() => true, () => false),
      ]);
      if (asked) await this.confirmWrite.confirm.click();
    }
    const res = await answered;
    // The answer's headers are in, so the composer shows "Waiting…" until the whole body is read and drawn.
    await expect(this.composer.sending).toBeHidden();
    await expect(this.answer.section).toBeVisible();
    return res;
  }

  /** Fills the composer (API, method, path, optional JSON body) and sends it; see sendAndWait. */
  async call(method: string, path: string, draft: Draft = {}): Promise<Response> {
    await this.composer.compose(method, path, draft);
    return this.sendAndWait();
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
