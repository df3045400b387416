// After sign-in the browser goes only to a page of the console: every trick that the URL parser turns
// into another host ends at "/", and plain console paths keep their query and fragment.
import { describe, expect, it } from "vitest";
import { redirectCallback, returnPath } from "./return-path";

const CONSOLE = "https://console.example.com";

/** `next` as the page receives it (already percent-decoded by the query string parser). */
const HOSTILE = [
  "/\t/other-host.test",
  "/\n/other-host.test",
  "/\r\n/other-host.test",
  "/\r\nSet-Cookie: x=1",
  "//other-host.test",
  "///other-host.test",
  "/\\other-host.test",
  "\\\\other-host.test",
  "/.//other-host.test",
  "/a/..//other-host.test",
  " //other-host.test",
  "\u0000//other-host.test",
  "https://other-host.test/",
  "http:other-host.test",
  "http://console.example.com/",
  "https://console.example.com:8443/",
  "https://console.example.com@other-host.test/",
  "https://user:pass@console.example.com/",
  "javascript:alert(1)",
  "data:text/html,hi",
  "/signin",
  "/signin?next=/recipes",
  "",
  "x".repeat(2049),
];

describe("returnPath", () => {
  it.each(HOSTILE.map((next) => [JSON.stringify(next).slice(0, 60), next]))("sends %s to the front page", (_shown, next) => {
    expect(returnPath(next, CONSOLE)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/recipes", "/recipes"],
    ["/recipes?id=find-contact#top", "/recipes?id=find-contact#top"],
    ["/?r=eyJ2IjoxfQ", "/?r=eyJ2IjoxfQ"],
    ["recipes", "/recipes"],
    ["/a/../recipes", "/recipes"],
    ["https://console.example.com/recipes?x=1", "/recipes?x=1"],
    ["/problems/no-api-key", "/problems/no-api-key"],
    ["/caf\u00e9", "/caf%C3%A9"],
  ])("keeps %s as %s", (next, path) => {
    expect(returnPath(next, CONSOLE)).toBe(path);
  });

  it("reads anything that is not a string as the front page", () => {
    for (const next of [undefined, null, 42, ["/recipes", "//other-host.test"], { toString: () => "/x" }]) expect(returnPath(next, CONSOLE)).toBe("/");
  });

  it("never returns a path a browser could read as another host", () => {
    const alphabet = ["/", "\\", ".", ":", "@", "%2f", "%5c", "%2e", "\t", "\n", " ", "other-host.test", "a", "?", "#"];
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i += 1) {
      const text = Array.from({ length: 1 + Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      const path = returnPath(text, CONSOLE);
      expect(path.startsWith("/")).toBe(true);
      expect(path.startsWith("//")).toBe(false);
      expect(new URL(path, CONSOLE).origin).toBe(CONSOLE);
      expect(/[\s\\]/.test(path), JSON.stringify(text)).toBe(false);
    }
  });
});

describe("redirectCallback (next-auth)", () => {
  it("answers absolute URLs on the console's origin", () => {
    expect(redirectCallback({ url: "/recipes", baseUrl: CONSOLE })).toBe(`${CONSOLE}/recipes`);
    expect(redirectCallback({ url: `${CONSOLE}/?r=abc`, baseUrl: CONSOLE })).toBe(`${CONSOLE}/?r=abc`);
    expect(redirectCallback({ url: "https://other-host.test/x", baseUrl: CONSOLE })).toBe(`${CONSOLE}/`);
    expect(redirectCallback({ url: "/\t/other-host.test", baseUrl: CONSOLE })).toBe(`${CONSOLE}/`);
    expect(redirectCallback({ url: "//other-host.test", baseUrl: CONSOLE })).toBe(`${CONSOLE}/`);
  });
});
