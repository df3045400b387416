// A JobNimbus that quotes back the key it was sent (in an error body, a header, a redirect) must not
// hand it to the browser: the proxy masks every form of the key it sent, with a mask of the same length,
// in the streamed body (also when the key arrives split over chunks), the headers and redirect problems.
import { expect, test } from "@playwright/test";
import { reflectedForms } from "../support/test-upstream.mjs";
import { expectProblem, keyForms, keyLeaks, resetRecords, signedIn, upstream, type Reply } from "../support/api-client";
import { KEYS } from "../support/users.mjs";

const KEY = KEYS.reflect;
const FORMS = reflectedForms(`Bearer ${KEY}`);
const FORM_NAMES = Object.keys(FORMS) as (keyof typeof FORMS)[];

/** Every form of the key the test knows of is gone from the answer, head and body. */
function expectMasked(reply: Reply, where: string) {
  expect(keyLeaks(reply), `${where}: a form of the key came back`).toEqual([]);
  for (const form of keyForms(KEY)) expect(reply.text.includes(form) || reply.rawHead.includes(form), `${where}: ${form.slice(0, 6)}…`).toBe(false);
}

test("the reflection probes really quote the key, in every form the console must catch", () => {
  // The probes are only a test if what they send holds the key: each form contains one of keyForms(KEY).
  for (const name of FORM_NAMES) {
    expect(keyForms(KEY).some((form) => FORMS[name].includes(form)), name).toBe(true);
  }
  // The key's characters make its encodings differ from it, so each form is a separate check.
  expect(new Set([KEY, encodeURIComponent(KEY), JSON.stringify(KEY).slice(1, -1)]).size).toBe(3);
  expect(new Set(keyForms(KEY)).size).toBeGreaterThanOrEqual(10);
});

test("a key JobNimbus quotes in its body comes back masked in every form, same length, the rest untouched", async () => {
  const editor = await signedIn("editor", KEY);
  for (const name of FORM_NAMES) {
    await resetRecords();
    const reply = await editor.proxy("GET", `reflect/body?form=${name}`);
    await test.step(name, () => {
      expect(reply.status).toBe(200);
      expectMasked(reply, name);
      const sent = `{"error":"The token is not valid","received":"${FORMS[name]}","hint":"check the header"}`;
      expect(Buffer.byteLength(reply.text), "the mask keeps the length").toBe(Buffer.byteLength(sent));
      expect(reply.text.startsWith('{"error":"The token is not valid","received":"')).toBe(true);
      expect(reply.text.endsWith('","hint":"check the header"}')).toBe(true);
      expect(reply.text).toContain("*".repeat(8));
    });
    const [received] = await upstream.requests();
    expect(received!.headers.authorization, "the key was sent, so the probe quoted it").toBe(`Bearer ${KEY}`);
  }

  // JobNimbus's own 401 problem quoting the header (JSON-escaped in its detail): relayed as JobNimbus's, without the key.
  const problem = await editor.proxy("GET", "reflect/problem?form=plain");
  expect(problem.status).toBe(401);
  expect(problem.headers["content-type"]).toBe("application/problem+json");
  expectMasked(problem, "problem");
  expect(JSON.parse(problem.text)).toMatchObject({ type: "https://api.jobnimbus.com/problems/401", detail: `Rejected Authorization: Bearer ${"*".repeat(JSON.stringify(KEY).length - 2)}` });
});

test("a key split over many small chunks is still masked, and the answer streams with the same bytes otherwise", async () => {
  const editor = await signedIn("editor", KEY);
  for (const piece of [1, 2, 3, 5, 7, 16]) {
    for (const name of ["plain", "url", "base64", "bearer-base64"] as const) {
      const reply = await editor.proxy("GET", `reflect/chunked?form=${name}&piece=${piece}`);
      await test.step(`${name}, ${piece} bytes at a time`, () => {
        expect(reply.status).toBe(200);
        expect(reply.headers["transfer-encoding"], "streamed, not buffered into a Content-Length").toBe("chunked");
        expectMasked(reply, `${name}/${piece}`);
        const form = FORMS[name];
        const sent = `before|${form}|after|${"z".repeat(100)}|${form}|end`;
        expect(reply.text.length).toBe(sent.length);
        expect(reply.text.startsWith("before|")).toBe(true);
        expect(reply.text).toContain(`|after|${"z".repeat(100)}|`);
        expect(reply.text.endsWith("|end")).toBe(true);
        if (name === "plain") {
          const masked = `Bearer ${"*".repeat(KEY.length)}`;
          expect(reply.text).toBe(`before|${masked}|after|${"z".repeat(100)}|${masked}|end`);
        }
      });
    }
  }
});

test("a key JobNimbus quotes in a passed header is masked; an upstream request id that is not a plain id is dropped", async () => {
  const editor = await signedIn("editor", KEY);
  for (const header of ["etag", "content-disposition", "content-language", "last-modified", "retry-after", "x-ratelimit-remaining"]) {
    for (const name of ["plain", "url", "base64", "basic-base64"] as const) {
      const reply = await editor.proxy("GET", `reflect/header/${header}?form=${name}`);
      await test.step(`${header}: ${name}`, () => {
        expect(reply.status).toBe(200);
        expectMasked(reply, `${header}/${name}`);
        expect(reply.headers[header], `${header} is still passed, masked`).toContain("*".repeat(8));
      });
    }
  }

  for (const name of ["plain", "url", "json", "key-base64"] as const) {
    const reply = await editor.proxy("GET", `reflect/header/x-request-id?form=${name}`);
    expect(reply.status).toBe(200);
    expectMasked(reply, `x-request-id/${name}`);
    expect(reply.headers["x-upstream-request-id"], `x-request-id quoting the key (${name})`).toBeUndefined();
  }
  // Control: a plain id passes as X-Upstream-Request-Id; anything else that is not one does not.
  const plain = await editor.proxy("GET", "reflect/header/x-request-id?value=jn-7f3a9c2d.41_b:8");
  expect(plain.headers["x-upstream-request-id"]).toBe("jn-7f3a9c2d.41_b:8");
  for (const value of ["two words", "a;b=c", "<script>", "x".repeat(200)]) {
    const odd = await editor.proxy("GET", `reflect/header/x-request-id?value=${encodeURIComponent(value)}`);
    expect(odd.headers["x-upstream-request-id"], value).toBeUndefined();
  }
});

test("the key in a saved key's own call is masked too, whatever the key (a plain test key)", async () => {
  const editor = await signedIn("editor");
  const body = await editor.proxy("GET", "reflect/body?form=plain");
  expect(body.text).toContain(`Bearer ${"*".repeat(KEYS.editor.length)}`);
  const header = await editor.proxy("GET", "reflect/header/etag?form=key-base64");
  expect(header.headers.etag).toMatch(/\*{20}/);
  // The key alone as a request id: it looks like an id, but it is the key.
  const bare = await editor.proxy("GET", `reflect/header/x-request-id?value=${KEYS.editor}`);
  expect(bare.status).toBe(200);
  expect(bare.headers["x-upstream-request-id"]).toBeUndefined();
});

test("a redirect quoting the key: the 502 problem's detail and location are masked", async () => {
  const editor = await signedIn("editor", KEY);
  for (const name of FORM_NAMES) {
    const reply = await editor.proxy("GET", `reflect/redirect?form=${name}`);
    await test.step(name, () => {
      const problem = expectProblem(reply, "upstream-redirect", 502);
      expectMasked(reply, name);
      expect(problem.location).toMatch(/^https:\/\/login\.example\.test\/again\?token=.*\*{8}/);
      expect(problem.detail).toContain("https://login.example.test/again?token=");
      expect(reply.headers.location).toBeUndefined();
    });
  }
});

test("the console asks for an uncompressed answer and refuses a compressed one it cannot check: 502 upstream-encoded", async () => {
  const editor = await signedIn("editor", KEY);
  await resetRecords();
  const plain = await editor.proxy("GET", "echo/identity");
  expect(plain.status).toBe(200);
  const [received] = await upstream.requests();
  expect(received!.headers["accept-encoding"]).toBe("identity");

  const zipped = await editor.proxy("GET", "reflect/gzip?form=plain");
  const problem = expectProblem(zipped, "upstream-encoded", 502);
  expect(problem.detail).toContain("gzip");
  expectMasked(zipped, "gzip");
  expect(zipped.headers["content-encoding"]).toBeUndefined();
});
