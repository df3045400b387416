// Where a sign-in sends the browser afterwards: only a path on the console itself. The sign-in page's
// redirect (already signed in), the form's `next` and next-auth's callbackUrl all go through one check.
import { expect, test } from "@playwright/test";
import { ConsoleClient, INTERNALS, json } from "../support/api-client";
import { API_URL, USERS } from "../support/users.mjs";

/** `next` values that lead, or once led, somewhere else (raw, as they appear in the sign-in URL). */
const HOSTILE = [
  "/%09/other-host.test",
  "/%0a/other-host.test",
  "/%0d%0a/other-host.test",
  "/%0d%0aSet-Cookie:%20x=1",
  "//other-host.test",
  "/%2F/other-host.test",
  "///other-host.test",
  "/\\other-host.test",
  "/%5Cother-host.test",
  "/.//other-host.test",
  "https://other-host.test/",
  "https:other-host.test",
  "javascript:alert(1)",
  `${API_URL}@other-host.test/`,
  "%20//other-host.test",
];

/** Allowed: paths on the console, kept with their query and fragment. */
const ALLOWED: [next: string, lands: string][] = [
  ["/recipes", "/recipes"],
  ["/recipes%3Fid%3Dfind-contact%23top", "/recipes?id=find-contact#top"],
  ["/?r=abc", "/?r=abc"],
  [encodeURIComponent(`${API_URL}/recipes`), "/recipes"],
  ["/problems/no-api-key", "/problems/no-api-key"],
];

test("signed in, /signin?next=… redirects only to a path on the console; hostile values go to / and none answers 500", async () => {
  const client = new ConsoleClient();
  await client.signIn("editor");
  for (const next of HOSTILE) {
    const reply = await client.get(`/signin?next=${next}`, { csrf: false });
    await test.step(next, () => {
      expect(reply.status, reply.text.slice(0, 200)).toBe(307);
      expect(reply.headers.location).toBe("/");
      expect(reply.text).not.toMatch(INTERNALS);
    });
  }
  for (const [next, lands] of ALLOWED) {
    const reply = await client.get(`/signin?next=${next}`, { csrf: false });
    expect(reply.status, next).toBe(307);
    expect(reply.headers.location, next).toBe(lands);
  }
  // The sign-in page itself is not a place to come back to (it would send a signed-in person round in a loop).
  expect((await client.get("/signin?next=/signin", { csrf: false })).headers.location).toBe("/");
});

test("signed out, /signin?next=… with a hostile value is the sign-in page, not a 500", async () => {
  const client = new ConsoleClient();
  for (const next of HOSTILE) {
    const reply = await client.get(`/signin?next=${next}`, { csrf: false, anonymous: true });
    await test.step(next, () => {
      expect(reply.status).toBe(200);
      expect(reply.text).toContain("Sign in");
      expect(reply.text).not.toMatch(INTERNALS);
    });
  }
});

test("next-auth's callbackUrl (password and single sign-on) resolves to the console's own origin, or to its front page", async () => {
  const { email, password } = USERS.editor;
  const cases: [callbackUrl: string, url: string][] = [
    ...HOSTILE.map((next): [string, string] => [decodeURIComponent(next), `${API_URL}/`]),
    ["/recipes?id=x", `${API_URL}/recipes?id=x`],
    [`${API_URL}/recipes`, `${API_URL}/recipes`],
  ];
  for (const [callbackUrl, url] of cases) {
    const client = new ConsoleClient();
    const csrf = await client.get("/api/auth/csrf", { csrf: false });
    const { csrfToken } = json<{ csrfToken: string }>(csrf);
    const form = new URLSearchParams({ email, password, csrfToken, callbackUrl, json: "true" });
    const reply = await client.send("POST", "/api/auth/callback/credentials", {
      csrf: false,
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    await test.step(JSON.stringify(callbackUrl), () => {
      expect(reply.status, reply.text).toBe(200);
      expect(json<{ url: string }>(reply).url).toBe(url);
    });
  }
});
