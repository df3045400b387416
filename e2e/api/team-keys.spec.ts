// Team keys and /admin over HTTP, on two production consoles sharing a real redis-server, both calling the
// test upstream (which records what JobNimbus would receive): a viewer with no key of their own works with the
// shared key, JobNimbus gets that key and actor=<the viewer's email> whatever the browser sent, a role the key
// is not for is refused, a team key cannot be deleted; an admin reads people, keys and the trail of both
// instances, and "sign out everywhere" on one instance ends the person's copied cookies on the other.
import { expect, test } from "@playwright/test";
import { ConsoleClient, expectProblem, json, keyForms, resetRecords, sleep, upstream, UPSTREAM_URL, type PublicKey, type Reply } from "../support/api-client";
import { NO_REDIS, REDIS_SERVER } from "../support/redis.mjs";
import { startTeamConsoles, type TeamConsoles } from "../support/team-consoles";
import { SHARED_KEYS, SHARED_LABELS, STAFF } from "../support/users.mjs";

test.describe.configure({ mode: "serial" });
test.skip(!REDIS_SERVER, NO_REDIS);

/** lib/store/redis-store.ts's NOT_REVOKED_CACHE_MS, and a little more. */
const CACHE_WINDOW_MS = 1000 + 300;

let team: TeamConsoles;
let a: string;
let b: string;

test.beforeAll(async () => {
  team = await startTeamConsoles({ name: "console-team-api", upstream: UPSTREAM_URL, ports: [0, 0], redis: true });
  [a, b] = team.consoles.map((one) => one.url) as [string, string];
});

test.afterAll(async () => {
  await team?.stop();
});

type Staff = keyof typeof STAFF;

async function signedInAs(who: Staff, base = a): Promise<ConsoleClient> {
  const client = new ConsoleClient(base);
  await client.signInAs(STAFF[who].email, STAFF[who].password, who);
  return client;
}

const legacy = { "x-console-upstream": "legacy" };

/** What the test upstream received for the one call since the last reset. */
async function onlyCall() {
  const requests = await upstream.requests();
  expect(requests, "exactly one call reached JobNimbus").toHaveLength(1);
  return requests[0]!;
}

test("GET /api/keys lists the team keys a person's role may use beside their own: team:{id}, shared, label and last four only; with none of their own, the first is active", async () => {
  const viewer = await signedInAs("viewer");
  const keys = await viewer.listKeys();
  expect(keys).toEqual([{ id: "team:office", label: SHARED_LABELS.office, last4: SHARED_KEYS.office.slice(-4), createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), active: true, shared: true, actsAsYou: true }]);

  const editor = await signedInAs("editor");
  const own = await editor.saveKey("test-team-spec-own-key-0001", "Mine");
  expect((await editor.listKeys()).map((key) => [key.id, key.active, (key as PublicKey & { shared?: boolean }).shared ?? false])).toEqual([
    [own.id, true, false],
    ["team:office", false, true],
    ["team:editors", false, true],
  ]);
});

test("a viewer with no key of their own sends a GET: JobNimbus receives the team key and actor=<the viewer's email>, and the answer says so", async () => {
  const viewer = await signedInAs("viewer");
  await resetRecords();
  const reply = await viewer.proxy("GET", "echo/contacts?size=1", { headers: legacy });
  expect(reply.status, reply.text).toBe(200);
  expect(reply.headers["x-console-actor"]).toBe(STAFF.viewer.email);
  const call = await onlyCall();
  expect(call.headers.authorization).toBe(`Bearer ${SHARED_KEYS.office}`);
  expect(call.path).toBe("/api1/echo/contacts");
  expect(new URLSearchParams(call.query).getAll("actor")).toEqual([STAFF.viewer.email]);
  expect(new URLSearchParams(call.query).get("size")).toBe("1");
});

test("an actor the browser sends cannot change whom the call acts as, however it is written", async () => {
  const viewer = await signedInAs("viewer");
  const boss = encodeURIComponent(STAFF.admin.email);
  for (const trick of [`actor=${boss}`, `ACTOR=${boss}`, `%61ctor=${boss}`, `actor%5B%5D=${boss}`, `actor=${boss}&actor=${boss}`, `x=1;actor=${boss}`]) {
    await test.step(trick, async () => {
      await resetRecords();
      const reply = await viewer.proxy("GET", `echo/contacts?${trick}`, { headers: legacy });
      expect(reply.status, reply.text).toBe(200);
      const call = await onlyCall();
      // Split on ; as well as &, as some servers read a query; Next itself re-encodes a raw ; inside a value.
      const sent = call.query.split(/[&;]/).filter((part) => /actor/i.test(decodeURIComponent(part.split("=")[0]!)));
      expect(sent, "the only actor is the signed-in person").toEqual([`actor=${encodeURIComponent(STAFF.viewer.email)}`]);
      expect([...new URLSearchParams(call.query)].filter(([name]) => /actor/i.test(name))).toEqual([["actor", STAFF.viewer.email]]);
    });
  }
});

test("the Platform API gets no actor from the console, and loses any the browser sent with a team key; a key that acts as nobody sends none", async () => {
  const editor = await signedInAs("editor");
  await resetRecords();
  const platform = await editor.proxy("GET", `echo/files?actor=${encodeURIComponent(STAFF.admin.email)}&q=1`, { headers: { "x-console-upstream": "platform" } });
  expect(platform.headers["x-console-actor"]).toBeUndefined();
  expect((await onlyCall()).query).toBe("q=1");

  await resetRecords();
  const none = await editor.proxy("GET", `echo/contacts?actor=${encodeURIComponent(STAFF.admin.email)}`, { headers: { ...legacy, "x-console-key-id": "team:editors" } });
  expect(none.status).toBe(200);
  expect(none.headers["x-console-actor"]).toBeUndefined();
  const call = await onlyCall();
  expect(call.headers.authorization).toBe(`Bearer ${SHARED_KEYS.editors}`);
  expect(call.query).toBe("");
});

test("with a key of their own a person may set actor themselves", async () => {
  const editor = await signedInAs("editor");
  await editor.saveKey("test-team-spec-own-key-0002", "Mine");
  await resetRecords();
  const reply = await editor.proxy("GET", `echo/contacts?actor=${encodeURIComponent(STAFF.viewer.email)}`, { headers: legacy });
  expect(reply.headers["x-console-actor"]).toBeUndefined();
  const call = await onlyCall();
  expect(call.headers.authorization).toBe("Bearer test-team-spec-own-key-0002");
  expect(new URLSearchParams(call.query).getAll("actor")).toEqual([STAFF.viewer.email]);
});

test("a role the key is not for is refused with 403 team-key-forbidden, by the proxy and by PATCH, and JobNimbus is not called", async () => {
  const viewer = await signedInAs("viewer");
  await resetRecords();
  expectProblem(await viewer.proxy("GET", "echo/contacts", { headers: { ...legacy, "x-console-key-id": "team:editors" } }), "team-key-forbidden", 403);
  expectProblem(await viewer.sendJson("PATCH", "/api/keys/team:editors", { active: true }), "team-key-forbidden", 403);
  expectProblem(await viewer.proxy("GET", "echo/contacts", { headers: { "x-console-key-id": "team:nobody" } }), "no-api-key", 428);
  expect(await upstream.requests()).toEqual([]);
  expect((await viewer.listKeys()).map((key) => key.id), "the key is not listed for them either").toEqual(["team:office"]);
});

test("a team key cannot be deleted (409 team-key-managed) and stays listed", async () => {
  const editor = await signedInAs("editor");
  for (const id of ["team:office", "team%3Aoffice"]) expectProblem(await editor.send("DELETE", `/api/keys/${id}`), "team-key-managed", 409);
  expect((await editor.listKeys()).map((key) => key.id)).toEqual(["team:office", "team:editors"]);
});

test("PATCH /api/keys/team:{id} makes a team key active over the person's own; the vault cookie holds the choice, never the key", async () => {
  const editor = await signedInAs("editor");
  await editor.saveKey("test-team-spec-own-key-0003", "Mine");
  const chosen = await editor.sendJson("PATCH", "/api/keys/team%3Aeditors", { active: true });
  expect(chosen.status, chosen.text).toBe(200);
  expect(json(chosen)).toEqual({ id: "team:editors", label: SHARED_LABELS.editors, last4: SHARED_KEYS.editors.slice(-4), createdAt: expect.any(String), active: true, shared: true, actsAsYou: false });
  expect((await editor.listKeys()).filter((key) => key.active).map((key) => key.id)).toEqual(["team:editors"]);
  await resetRecords();
  await editor.proxy("GET", "echo/after-choice");
  expect((await onlyCall()).headers.authorization).toBe(`Bearer ${SHARED_KEYS.editors}`);
  for (const form of keyForms(SHARED_KEYS.editors)) expect(editor.vaultCookie()).not.toContain(form);
});

test("every proxied call's audit line names the key's label and the actor, never the key", async () => {
  const viewer = await signedInAs("viewer");
  const mark = team.consoles[0]!.output().length;
  await viewer.proxy("GET", "echo/audited?size=2", { headers: legacy });
  await expect
    .poll(() =>
      team.consoles[0]!
        .output()
        .slice(mark)
        .split("\n")
        .filter((line) => line.includes('"event":"proxy"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    )
    .toEqual([expect.objectContaining({ user: STAFF.viewer.email, key: SHARED_LABELS.office, shared: true, actor: STAFF.viewer.email, path: "/api1/echo/audited", status: 200 })]);
  for (const key of Object.values(SHARED_KEYS)) expect(team.consoles[0]!.output()).not.toContain(key);
});

test("an admin reads people, team keys (the old one flagged) and both instances' activity, filtered by person and status and as CSV; others get 403 admin-only", async () => {
  const viewer = await signedInAs("viewer", a);
  await viewer.proxy("GET", "echo/seen-on-a", { headers: legacy });
  await viewer.proxy("GET", "echo/refused", { headers: { "x-console-key-id": "team:editors" } });
  const admin = await signedInAs("admin", b);

  const people = json<{ people: { email: string; role: string; signsInWith: string; lastSeen: string | null }[] }>(await admin.get("/api/admin/people"));
  expect(people.people.map((person) => [person.email, person.role, person.signsInWith])).toEqual(
    Object.values(STAFF).map((person) => [person.email, person.role, "email and password"]),
  );
  await expect.poll(async () => json<typeof people>(await admin.get("/api/admin/people")).people.find((p) => p.email === STAFF.viewer.email)?.lastSeen).not.toBeNull();

  const keys = json<{ maxAgeDays: number; keys: { id: string; label: string; last4: string; ageDays: number; old: boolean; usedBy: string }[] }>(await admin.get("/api/admin/team-keys"));
  expect(keys.maxAgeDays).toBe(90);
  expect(keys.keys.map((key) => [key.label, key.last4, key.old, key.usedBy])).toEqual([
    [SHARED_LABELS.office, SHARED_KEYS.office.slice(-4), false, "Viewers, editors and admins"],
    [SHARED_LABELS.editors, SHARED_KEYS.editors.slice(-4), true, "Editors and admins"],
  ]);

  type Events = { store: string; events: { user: string; path: string; status: number; key?: string; actor?: string }[] };
  const activity = async (query: string) => json<Events>(await admin.get(`/api/admin/activity?${query}`));
  // Written on instance a, read on instance b: the trail is Redis's.
  await expect.poll(async () => (await activity(`person=${encodeURIComponent(STAFF.viewer.email)}`)).events.map((e) => [e.path, e.status])).toEqual(
    expect.arrayContaining([
      ["/api1/echo/seen-on-a", 200],
      ["/api/proxy/echo/refused", 403],
    ]),
  );
  const mine = await activity(`person=${encodeURIComponent(STAFF.viewer.email)}&status=403`);
  expect(mine.store).toBe("redis");
  expect(mine.events.length).toBeGreaterThan(0);
  expect(mine.events.every((event) => event.user === STAFF.viewer.email && event.status === 403)).toBe(true);
  const call = (await activity(`person=${encodeURIComponent(STAFF.viewer.email)}&status=200`)).events.find((event) => event.path === "/api1/echo/seen-on-a");
  expect(call).toMatchObject({ key: SHARED_LABELS.office, actor: STAFF.viewer.email });

  const csv = await admin.get(`/api/admin/activity/csv?person=${encodeURIComponent(STAFF.viewer.email)}`);
  expect(csv.status).toBe(200);
  expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
  expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="console-activity-\d{4}-\d{2}-\d{2}\.csv"$/);
  const lines = csv.text.trimEnd().split("\r\n");
  expect(lines[0]).toBe("time,person,what,key,shared_key,acted_as,method,path,upstream,status,outcome,reason,duration_ms,request_id");
  expect(lines.some((line) => line.includes(",/api1/echo/seen-on-a,legacy,200,"))).toBe(true);
  expect(lines.slice(1).every((line) => line.split(",")[1] === STAFF.viewer.email)).toBe(true);

  for (const who of ["viewer", "editor"] as const) {
    const other = await signedInAs(who, b);
    for (const path of ["/api/admin/people", "/api/admin/team-keys", "/api/admin/activity", "/api/admin/activity/csv"]) expectProblem(await other.get(path), "admin-only", 403);
    expectProblem(await other.sendJson("POST", "/api/admin/people/sign-out", { email: STAFF.admin.email }), "admin-only", 403);
    const page = await other.get("/admin", { csrf: false });
    expect(page.status, `/admin for a ${who}`).toBe(403);
    expect(page.text).toContain("Administrators only");
  }
  const page = await admin.get("/admin", { csrf: false });
  expect(page.status).toBe(200);
  for (const key of Object.values(SHARED_KEYS)) for (const form of keyForms(key)) expect(page.text).not.toContain(form);
});

test("'sign out everywhere' on one instance ends that person's sign-ins on the other: their copied cookies are refused, JobNimbus is not called; they can sign in again", async () => {
  const viewer = await signedInAs("viewer", a);
  const copies = viewer.cookieHeader();
  const onB = new ConsoleClient(b);
  await resetRecords();
  expect((await onB.proxy("GET", "echo/before-sign-out", { cookie: copies, headers: legacy })).status, "the copied cookies work on the other instance").toBe(200);

  const admin = await signedInAs("admin", b);
  const done = await admin.sendJson("POST", "/api/admin/people/sign-out", { email: STAFF.viewer.email.toUpperCase() });
  expect(done.status, done.text).toBe(200);
  expect(json(done)).toMatchObject({ email: STAFF.viewer.email });
  await sleep(CACHE_WINDOW_MS);
  for (const base of [a, b]) {
    const replies: Reply[] = [
      await new ConsoleClient(base).proxy("GET", "echo/after-sign-out", { cookie: copies, headers: legacy }),
      await new ConsoleClient(base).get("/api/keys", { cookie: copies }),
    ];
    for (const reply of replies) expectProblem(reply, "unauthenticated", 401);
    const session = await new ConsoleClient(base).get("/api/auth/session", { csrf: false, cookie: copies });
    expect(json<{ user?: unknown }>(session).user).toBeUndefined();
  }
  expect((await upstream.requests()).map((r) => r.path)).toEqual(["/api1/echo/before-sign-out"]);
  expect((await admin.listKeys()).length, "the admin who did it is still signed in").toBeGreaterThan(0);

  // Sign-ins made after that moment are not touched (a fresh second, so the revocation cannot cover it).
  await sleep(1000);
  const again = await signedInAs("viewer", a);
  expect((await again.proxy("GET", "echo/signed-in-again", { headers: legacy })).status).toBe(200);
  const trail = json<{ events: { user: string; outcome: string }[] }>(await admin.get(`/api/admin/activity?person=${encodeURIComponent(STAFF.admin.email)}`));
  expect(trail.events.some((event) => event.outcome === "signed-out-everywhere")).toBe(true);
});

test("no team key appears in either console's output", async () => {
  for (const one of team.consoles) {
    for (const key of Object.values(SHARED_KEYS)) for (const form of keyForms(key)) expect(one.output()).not.toContain(form);
  }
});
