// The key vault over HTTP: /api/keys never gives a key back, the sealed cookie is bound to one
// person's one sign-in, and with no usable key the proxy refuses before calling JobNimbus.
import { expect, test } from "@playwright/test";
import { KEYS } from "../support/users.mjs";
import {
  ConsoleClient,
  expectProblem,
  json,
  resetRecords,
  signedIn,
  upstream,
  type PublicKey,
  type Reply,
} from "../support/api-client";

const PUBLIC_FIELDS = ["active", "createdAt", "expiresAt", "id", "label", "last4"];

function vaultSetCookie(reply: Reply): string {
  const line = reply.setCookies.find((cookie) => cookie.startsWith("jnc-vault="));
  expect(line, `a jnc-vault Set-Cookie on ${reply.status}`).toBeTruthy();
  return line!;
}

/** The Authorization header the upstream received on its latest request. */
async function lastAuthorization(): Promise<string | undefined> {
  const requests = await upstream.requests();
  return requests.at(-1)?.headers.authorization as string | undefined;
}

test("POST /api/keys answers 201 with only {id,label,last4,createdAt,active,expiresAt}; GET lists the keys, never the key itself", async () => {
  const editor = new ConsoleClient();
  await editor.signIn("editor");
  expect(await editor.listKeys()).toEqual([]);

  const reply = await editor.sendJson("POST", "/api/keys", { label: "Office", apiKey: KEYS.editor });
  expect(reply.status, reply.text).toBe(201);
  expect(reply.headers["content-type"]).toMatch(/^application\/json/);
  expect(reply.headers["cache-control"]).toBe("no-store");
  expect(reply.text).not.toContain(KEYS.editor);
  expect(reply.text).not.toContain(KEYS.editor.slice(0, -4));
  const entry = json<PublicKey>(reply);
  expect(Object.keys(entry).sort()).toEqual(PUBLIC_FIELDS);
  expect(entry).toMatchObject({ label: "Office", last4: KEYS.editor.slice(-4), active: true });
  expect(entry.id).toMatch(/^[\w-]{4,64}$/);
  expect(Number.isNaN(Date.parse(entry.createdAt))).toBe(false);
  expect(Date.parse(entry.expiresAt!)).toBeGreaterThan(Date.now());

  const list = await editor.get("/api/keys");
  expect(list.status).toBe(200);
  expect(list.text).not.toContain(KEYS.editor);
  const { keys } = json<{ keys: PublicKey[] }>(list);
  // expiresAt follows the cookie's own seal time, a moment after the answer was built.
  expect(keys).toEqual([{ ...entry, expiresAt: expect.any(String) }]);
  expect(Math.abs(Date.parse(keys[0]!.expiresAt!) - Date.parse(entry.expiresAt!))).toBeLessThan(5000);
  for (const key of keys) expect(Object.keys(key).sort()).toEqual(PUBLIC_FIELDS);
});

test("the vault cookie is HttpOnly, SameSite=Strict, Path=/, has a Max-Age and stays under 4096 bytes", async () => {
  const editor = new ConsoleClient();
  await editor.signIn("editor");
  const reply = await editor.sendJson("POST", "/api/keys", { label: "Office", apiKey: KEYS.editor });
  expect(reply.status).toBe(201);
  const cookie = vaultSetCookie(reply);
  const attributes = cookie.split(";").map((part) => part.trim().toLowerCase());
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("samesite=strict");
  expect(attributes).toContain("path=/");
  const maxAge = attributes.find((a) => a.startsWith("max-age="));
  expect(Number(maxAge?.slice("max-age=".length))).toBeGreaterThan(0);
  expect(Buffer.byteLength(cookie)).toBeLessThan(4096);
  // Sealed, not merely encoded: the key is in no form inside the cookie.
  expect(cookie).not.toContain(KEYS.editor);
  expect(cookie).not.toContain(Buffer.from(KEYS.editor).toString("base64").slice(0, 16));
  expect(cookie).toMatch(/^jnc-vault=Fe26\.2\*/);
});

test("with no key saved, and after the only key is deleted, the proxy answers no-api-key and JobNimbus is not called", async () => {
  const editor = new ConsoleClient();
  await editor.signIn("editor");
  await resetRecords();

  const none = await editor.proxy("GET", "echo/contacts");
  expect(none.status).toBeGreaterThanOrEqual(400);
  expect(none.status).toBeLessThan(500);
  expectProblem(none, "no-api-key");

  const saved = await editor.saveKey(KEYS.editor);
  expect((await editor.proxy("GET", "echo/contacts")).status).toBe(200);
  expect(await upstream.requests()).toHaveLength(1);

  const deleted = await editor.send("DELETE", `/api/keys/${saved.id}`);
  expect(deleted.status, deleted.text).toBe(204);
  expect(deleted.text).toBe("");
  expect(await editor.listKeys()).toEqual([]);

  await resetRecords();
  for (const method of ["GET", "POST"]) {
    const after = await editor.proxy(method, "echo/contacts", { body: method === "POST" ? "{}" : undefined });
    expect(after.status).toBeGreaterThanOrEqual(400);
    expect(after.status).toBeLessThan(500);
    expectProblem(after, "no-api-key");
  }
  expect(await upstream.requests(), "no key, no call").toEqual([]);
});

test("PATCH {active:true} switches the key JobNimbus receives, X-Console-Key-Id picks another saved key, DELETE answers 204", async () => {
  const editor = new ConsoleClient();
  await editor.signIn("editor");
  const first = await editor.saveKey(KEYS.editor, "First");
  const second = await editor.saveKey(KEYS.other, "Second");
  expect((await editor.listKeys()).map((k) => [k.label, k.active])).toEqual([
    ["First", false],
    ["Second", true],
  ]);

  await resetRecords();
  expect((await editor.proxy("GET", "echo/whoami")).status).toBe(200);
  expect(await lastAuthorization(), "the newest key is the active one").toBe(`Bearer ${KEYS.other}`);

  const patched = await editor.sendJson("PATCH", `/api/keys/${first.id}`, { active: true });
  expect(patched.status, patched.text).toBe(200);
  expect(json<PublicKey>(patched)).toMatchObject({ id: first.id, active: true });
  expect((await editor.listKeys()).map((k) => [k.label, k.active])).toEqual([
    ["First", true],
    ["Second", false],
  ]);
  expect((await editor.proxy("GET", "echo/whoami")).status).toBe(200);
  expect(await lastAuthorization()).toBe(`Bearer ${KEYS.editor}`);

  // One call with the other (inactive) key, chosen by id; the header itself is not forwarded.
  const picked = await editor.proxy("GET", "echo/whoami", { headers: { "x-console-key-id": second.id } });
  expect(picked.status).toBe(200);
  expect(await lastAuthorization()).toBe(`Bearer ${KEYS.other}`);
  expect(json<{ headers: Record<string, string> }>(picked).headers["x-console-key-id"]).toBeUndefined();

  // An id that is not saved: no-api-key, and no call with some other key instead.
  const callsBefore = (await upstream.requests()).length;
  expectProblem(await editor.proxy("GET", "echo/whoami", { headers: { "x-console-key-id": "nope1234" } }), "no-api-key");
  expect(await upstream.requests()).toHaveLength(callsBefore);

  // Invalid PATCH bodies and unknown ids.
  expect((await editor.sendJson("PATCH", `/api/keys/${first.id}`, { active: false })).status).toBe(422);
  expectProblem(await editor.sendJson("PATCH", "/api/keys/nope1234", { active: true }), "key-not-found", 404);
  expectProblem(await editor.send("DELETE", "/api/keys/nope1234"), "key-not-found", 404);

  const deleted = await editor.send("DELETE", `/api/keys/${first.id}`);
  expect(deleted.status).toBe(204);
  const remaining = await editor.listKeys();
  expect(remaining.map((k) => [k.id, k.active])).toEqual([[second.id, true]]);
  expect((await editor.proxy("GET", "echo/whoami")).status).toBe(200);
  expect(await lastAuthorization(), "deleting the active key activates the one left").toBe(`Bearer ${KEYS.other}`);
});

test("invalid key input is refused with 422 invalid-key-input whose detail says what is wrong", async () => {
  const editor = new ConsoleClient();
  await editor.signIn("editor");
  const cases: { name: string; body: Record<string, unknown>; detail: RegExp }[] = [
    { name: "empty key", body: { label: "A", apiKey: "" }, detail: /key is empty/i },
    { name: "key with a space", body: { label: "A", apiKey: "test-abc def" }, detail: /spaces/i },
    { name: "key with a line break", body: { label: "A", apiKey: "test-abc\ndef" }, detail: /line breaks|control/i },
    { name: "key with a control character", body: { label: "A", apiKey: "test-abc\u0007def" }, detail: /control/i },
    { name: "key with an invisible character", body: { label: "A", apiKey: "test-abc\u0085def" }, detail: /control|invisible/i },
    { name: "key with a zero-width space", body: { label: "A", apiKey: "test-abc\u200bdef" }, detail: /invisible|non-ASCII/i },
    { name: "key with an accented letter", body: { label: "A", apiKey: "test-caf\u00e9" }, detail: /non-ASCII/i },
    { name: "key of 513 characters", body: { label: "A", apiKey: `test-${"k".repeat(508)}` }, detail: /longer than 512/i },
    { name: "empty label", body: { label: "", apiKey: "test-valid-key-123" }, detail: /label/i },
    { name: "blank label", body: { label: "   ", apiKey: "test-valid-key-123" }, detail: /label/i },
    { name: "missing key", body: { label: "A" }, detail: /key is missing/i },
  ];
  for (const { name, body, detail } of cases) {
    const reply = await editor.sendJson("POST", "/api/keys", body);
    await test.step(name, () => {
      const problem = expectProblem(reply, "invalid-key-input", 422);
      expect(problem.detail).toMatch(detail);
      expect(reply.setCookies.some((c) => c.startsWith("jnc-vault=")), "nothing saved").toBe(false);
    });
  }
  // A key of exactly 512 characters is fine.
  expect((await editor.sendJson("POST", "/api/keys", { label: "Long", apiKey: `test-${"k".repeat(507)}` })).status).toBe(201);
  expectProblem(await editor.send("POST", "/api/keys", { body: "not json", headers: { "content-type": "application/json" } }), "invalid-request", 400);
  expect((await editor.listKeys()).map((k) => k.label)).toEqual(["Long"]);
});

test("the vault fills up: after enough keys POST /api/keys answers 409 vault-full and the saved keys still work", async () => {
  for (const length of [24, 512]) {
    const editor = new ConsoleClient();
    await editor.signIn("editor");
    let saved = 0;
    let full: Reply | undefined;
    for (let i = 0; i < 20 && !full; i += 1) {
      const apiKey = `test-${String(i).padStart(2, "0")}${"f".repeat(length - 7)}`;
      const reply = await editor.sendJson("POST", "/api/keys", { label: `Key ${i}`, apiKey });
      if (reply.status === 201) {
        saved += 1;
        expect(Buffer.byteLength(vaultSetCookie(reply))).toBeLessThanOrEqual(4096);
      } else full = reply;
    }
    await test.step(`keys of ${length} characters`, async () => {
      expect(full, "the vault never filled up").toBeDefined();
      expectProblem(full!, "vault-full", 409);
      expect(saved).toBeGreaterThanOrEqual(2);
      expect(full!.setCookies.some((c) => c.startsWith("jnc-vault=")), "a refused save leaves the cookie alone").toBe(false);
      expect(await editor.listKeys()).toHaveLength(saved);
      await resetRecords();
      expect((await editor.proxy("GET", "echo/still-works")).status).toBe(200);
    });
  }
});

test("another person's vault cookie is refused: their keys are not used and JobNimbus is not called", async () => {
  const editor = await signedIn("editor");
  const other = await signedIn("other");
  const otherVault = other.vaultCookie();
  expect(otherVault).toBeTruthy();

  await resetRecords();
  // Control: each person's own cookies work, with their own key.
  expect((await editor.proxy("GET", "echo/mine")).status).toBe(200);
  expect(await lastAuthorization()).toBe(`Bearer ${KEYS.editor}`);

  await resetRecords();
  const mixed = `jnc.session-token=${editor.sessionCookie()}; jnc-vault=${otherVault}`;
  const reply = await editor.proxy("GET", "echo/theirs", { cookie: mixed });
  expectProblem(reply, "no-api-key");
  expect(await editor.send("GET", "/api/keys", { cookie: mixed }).then((r) => json<{ keys: unknown[] }>(r).keys)).toEqual([]);
  expect(await upstream.requests(), "no call with someone else's key").toEqual([]);
});

test("a vault cookie from an earlier sign-in of the same person is refused after signing in again", async () => {
  const editor = await signedIn("editor");
  const oldVault = editor.vaultCookie();
  expect(oldVault).toBeTruthy();

  const signOut = await editor.signOut();
  const cleared = signOut.setCookies.find((c) => c.startsWith("jnc-vault="));
  expect(cleared, "signing out clears the vault cookie").toMatch(/Max-Age=0/i);
  expect(editor.vaultCookie()).toBeUndefined();

  await editor.signIn("editor");
  await resetRecords();
  const replay = await editor.proxy("GET", "echo/replay", { cookie: `jnc.session-token=${editor.sessionCookie()}; jnc-vault=${oldVault}` });
  expectProblem(replay, "no-api-key");
  expect(await upstream.requests()).toEqual([]);

  // A tampered cookie reads as empty too.
  const tampered = `${oldVault!.slice(0, -8)}AAAAAAAA`;
  expectProblem(await editor.proxy("GET", "echo/replay", { cookie: `jnc.session-token=${editor.sessionCookie()}; jnc-vault=${tampered}` }), "no-api-key");
  expect(await upstream.requests()).toEqual([]);
});
