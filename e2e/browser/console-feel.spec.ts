// How the console feels: no sideways scrolling from a phone to a wide screen, a theme that sticks, every
// control reachable by keyboard with a visible focus, and an axe scan of sign-in, the console and /problems.
import type { Page } from "@playwright/test";
import { axeViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";
import { freshTestKey } from "../support/mock";

async function noHorizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, bodyScrollWidth: document.body.scrollWidth };
  });
}

for (const width of [375, 1440]) {
  test(`at ${width}px wide the page never scrolls sideways and the controls are on screen and work`, async ({ page, signInAs }) => {
    await page.setViewportSize({ width, height: 900 });
    const consolePage = await signInAs("editor");
    await consolePage.addKey("Mock", freshTestKey(`w${width}`));
    await consolePage.composer.path.fill("contacts?size=20");
    // Tap Send like a person would: it must be on screen and clickable.
    await consolePage.sendAndWait();
    await expect(consolePage.answer.table).toBeVisible();
    await consolePage.answer.headersToggle.click();

    const measure = await noHorizontalOverflow(page);
    expect(measure.scrollWidth, `document scrollWidth at ${width}px`).toBeLessThanOrEqual(measure.clientWidth);
    expect(measure.bodyScrollWidth, `body scrollWidth at ${width}px`).toBeLessThanOrEqual(measure.clientWidth);

    const controls = [
      consolePage.composer.upstream,
      consolePage.composer.method,
      consolePage.composer.path,
      consolePage.composer.send,
      consolePage.keys.label,
      consolePage.keys.apiKey,
      consolePage.keys.saveButton,
      consolePage.header.theme,
      consolePage.header.signOutButton,
      consolePage.requests.search,
      consolePage.tools.copyAs,
      consolePage.tools.share,
      consolePage.answer.view("JSON"),
      consolePage.answer.downloadCsv,
      consolePage.answer.table,
    ];
    for (const control of controls) {
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      expect(box, `${control} has a box`).not.toBeNull();
      expect(box!.x, `${control} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${control} ends on screen`).toBeLessThanOrEqual(width + 0.5);
      expect(box!.height, `${control} is big enough to use`).toBeGreaterThanOrEqual(16);
    }
    // The table scrolls inside its own box, not the page.
    const table = await consolePage.answer.table.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    if (width === 375) expect(table.scroll).toBeGreaterThan(table.client);

    // And the views still switch at this width.
    await consolePage.answer.view("JSON").click();
    await expect(consolePage.answer.json).toBeVisible();
    const after = await noHorizontalOverflow(page);
    expect(after.scrollWidth).toBeLessThanOrEqual(after.clientWidth);
  });
}

test("the theme toggle switches the dark class on <html> and the choice survives a reload", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  const html = page.locator("html");
  await page.emulateMedia({ colorScheme: "light" });

  await consolePage.header.chooseTheme("dark");
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await consolePage.goto();
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(consolePage.header.theme).toHaveValue("dark");

  await consolePage.header.chooseTheme("light");
  await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);
  await consolePage.goto();
  await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(consolePage.header.theme).toHaveValue("light");

  // "System" follows the operating system's setting, live.
  await consolePage.header.chooseTheme("system");
  await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await consolePage.goto();
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(consolePage.header.theme).toHaveValue("system");
});

test("keyboard only: Tab from the path reaches Send, Enter sends, and the focus is visible", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("Mock", freshTestKey("kbd"));
  await consolePage.composer.path.fill("contacts?size=2");
  await page.keyboard.press("Tab");
  await expect(consolePage.composer.send).toBeFocused();
  const outline = await consolePage.composer.send.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style, "focused Send shows an outline").not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
  await consolePage.sendAndWait(() => page.keyboard.press("Enter"));
  await expect(consolePage.answer.status).toHaveText("200");
});

test("keyboard only: every visible control on the console, answer included, can be reached with Tab", async ({ page, signInAs }) => {
  const consolePage = await signInAs("editor");
  await consolePage.addKey("Mock", freshTestKey("tabwalk"));
  await consolePage.call("GET", "contacts?size=3");
  await consolePage.tools.share.click();
  await consolePage.answer.headersToggle.click();

  const expected = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      // checkVisibility: not hidden by display, visibility or a closed <details> (content-visibility).
      (el) => el.checkVisibility({ visibilityProperty: true }) && !(el as HTMLButtonElement).disabled && !el.closest("[inert]"),
    );
    all.forEach((el, i) => el.setAttribute("data-e2e-tab", String(i)));
    return all.map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? (el as HTMLInputElement).placeholder ?? "").trim().slice(0, 40)}"`);
  });
  expect(expected.length).toBeGreaterThan(30);

  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const reached = new Set<string>();
  for (let press = 0; press < expected.length + 40; press += 1) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement?.getAttribute("data-e2e-tab") ?? null);
    if (id !== null) reached.add(id);
    if (reached.size === expected.length) break;
  }
  const missed = expected.filter((_, i) => !reached.has(String(i)));
  expect(missed, "controls Tab never reached").toEqual([]);
});

test.describe("axe finds no accessibility violations", () => {
  test("on the sign-in page", async ({ signInPage, page }) => {
    await signInPage.goto();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("on the console: no key yet, then every view of an answer, in light and dark", async ({ page, signInAs }) => {
    test.slow(); // a dozen full axe scans
    const consolePage = await signInAs("editor");
    const { answer } = consolePage;
    expect(await axeViolations(page), "console with no key").toEqual([]);
    await consolePage.addKey("Mock", freshTestKey("axe"));
    await consolePage.call("GET", "contacts?size=5");

    for (const theme of ["light", "dark"] as const) {
      await consolePage.header.chooseTheme(theme);
      for (const view of ["Table", "JSON", "Tree", "Raw"]) {
        await answer.view(view).click();
        await expect(answer.view(view)).toHaveAttribute("aria-selected", "true");
        expect(await axeViolations(page), `${view} view, ${theme}`).toEqual([]);
      }
      await answer.view("Table").click();
      await answer.columnsToggle.click();
      await answer.headersToggle.click();
      expect(await axeViolations(page), `column picker and headers open, ${theme}`).toEqual([]);
      await answer.columnsToggle.click();
      await answer.headersToggle.click();
    }
  });

  test("on the console: a problem card, a 429 countdown, and the composer's other parts, in light and dark", async ({ page, signInAs }) => {
    test.slow(); // a dozen full axe scans
    const consolePage = await signInAs("editor");
    await consolePage.addKey("Mock", freshTestKey("axe2"));
    await consolePage.call("GET", "contacts/doesnotexist");
    await expect(consolePage.answer.problem).toBeVisible();
    await consolePage.requests.search.fill("contacts");
    for (const theme of ["light", "dark"] as const) {
      await consolePage.header.chooseTheme(theme);
      expect(await axeViolations(page), `problem card, ${theme}`).toEqual([]);
    }

    await consolePage.call("GET", "contacts?simulate=rate-limit");
    await expect(consolePage.answer.countdown).toBeVisible();
    expect(await axeViolations(page), "429 with its countdown, dark").toEqual([]);

    // The JSON body editor with an error, header rows with a refusal, a snippet, saved requests.
    await consolePage.header.chooseTheme("light");
    await consolePage.composer.method.selectOption("POST");
    await consolePage.composer.setBody('{"first_name": }');
    expect(await axeViolations(page), "JSON body editor with an error").toEqual([]);
    await consolePage.composer.tab("Headers").click();
    await consolePage.composer.addHeader.click();
    await consolePage.composer.headerRow(1).name.fill("Cookie");
    await consolePage.tools.copySnippet("cURL");
    await consolePage.requests.savedTab.click();
    for (const theme of ["light", "dark"] as const) {
      await consolePage.header.chooseTheme(theme);
      expect(await axeViolations(page), `headers, snippet and saved requests, ${theme}`).toEqual([]);
    }
  });

  test("on a /problems page", async ({ page, problemPage }) => {
    await problemPage.goto("no-api-key");
    await expect(problemPage.heading).toHaveText("No API key saved");
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await axeViolations(page), "dark").toEqual([]);
  });
});

test("on a dark system the sign-in and problem pages are dark too, and a light choice in the console wins over it", async ({ page, signInAs }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  for (const path of ["/signin", "/problems/no-api-key"]) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(background, { message: `${path} on a dark system` }).not.toBe(light);
  }

  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/signin");
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  const consolePage = await signInAs("editor");
  await consolePage.header.chooseTheme("light");
  await expect(page.locator("html")).toHaveClass(/(^|\s)light(\s|$)/);
  await expect.poll(background).toBe(light);
});
