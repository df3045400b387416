// For browser specs whose consoles hold team keys: everything a browser context received (each answer recorded
// whole on its way in) and everything its pages kept (DOM, storage, cookies, form fields, console messages,
// downloaded files) is searched for every key a test or the mock knows, team keys included, in every form.
import type { BrowserContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { ALL_KEYS, keyForms } from "./api-client";
import { ConsolePage } from "./pages/console";

type Seen = { url: string; status: number; headers: string; body: string };

export type LeakWatch = {
  /** Watches a page of the context: its console messages and uncaught errors. */
  watch(page: Page): void;
  /** Adds a text the browser produced (a downloaded file, say) to what is searched. */
  keep(what: string, text: string): void;
  /** Fails when any key appears in what was recorded, or now in the given pages (DOM, storage, cookies, fields, address). */
  expectNoKeys(pages: Page[]): Promise<void>;
  /** How many answers were recorded: a check that something was watched at all. */
  answers(): number;
};

/** Starts recording a context's answers. Recorded through a route (not page.on("response"), whose body() may not settle for streamed answers). */
export async function watchForKeys(context: BrowserContext): Promise<LeakWatch> {
  const responses: Seen[] = [];
  const texts: { what: string; text: string }[] = [];
  await context.route("**/*", async (route) => {
    const res = await route.fetch({ maxRedirects: 0 });
    const body = await res.body();
    responses.push({ url: res.url(), status: res.status(), headers: JSON.stringify(res.headersArray()), body: body.toString("latin1") });
    await route.fulfill({ response: res, body });
  });
  const forms = ALL_KEYS.map((key) => [key.slice(0, 12), keyForms(key)] as const);
  const leaksIn = (what: string, text: string) =>
    forms.flatMap(([name, list]) => (list.some((form) => text.includes(form)) ? [`${name}… in ${what}`] : []));

  return {
    watch(page) {
      page.on("console", (message) => texts.push({ what: `console message on ${page.url()}`, text: message.text() }));
      page.on("pageerror", (error) => texts.push({ what: `page error on ${page.url()}`, text: String(error) }));
    },
    keep(what, text) {
      texts.push({ what, text });
    },
    async expectNoKeys(pages) {
      const found: string[] = [];
      for (const seen of responses) found.push(...leaksIn(`${seen.status} ${seen.url}`, `${seen.headers}\n${seen.body}`));
      for (const { what, text } of texts) found.push(...leaksIn(what, text));
      for (const page of pages) {
        const state = await new ConsolePage(page).readableStorage();
        found.push(...leaksIn(`the DOM of ${page.url()}`, await page.content()));
        found.push(...leaksIn("localStorage", state.localStorage), ...leaksIn("sessionStorage", state.sessionStorage));
        found.push(...leaksIn("document.cookie", state.cookie), ...leaksIn("form fields", state.inputs.join("\n")), ...leaksIn("the address", page.url()));
      }
      expect(found, "an API key reached the browser").toEqual([]);
    },
    answers: () => responses.length,
  };
}
