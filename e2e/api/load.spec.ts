// Fifty people at once, each with a key of their own: a few thousand concurrent proxied calls,
// and the test upstream's record shows every call carried its own person's key, and nobody else's.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { API_LOG, ConsoleClient, httpRequest, json, mapLimit, upstream, upstreamCompact } from "../support/api-client";
import { API_URL, LOAD_USERS } from "../support/users.mjs";

const CALLS_PER_PERSON = 60;
const IN_FLIGHT = 32;
/** Every load key has this shape, so any of them turning up anywhere is easy to spot. */
const ANY_LOAD_KEY = /test-load-\d\d-[0-9a-f]{16}/;

type Person = { n: string; email: string; password: string; key: string; client: ConsoleClient };
type Call = { person: Person; round: number };

test("fifty signed-in people, each with their own key: every call succeeds and carries only its own person's key", async () => {
  test.setTimeout(180_000);
  expect(LOAD_USERS).toHaveLength(50);
  const people: Person[] = LOAD_USERS.map(({ email, password }, i) => {
    const n = String(i + 1).padStart(2, "0");
    return { n, email, password, key: `test-load-${n}-${randomBytes(8).toString("hex")}`, client: new ConsoleClient() };
  });

  const signInStarted = Date.now();
  // Four at once: more password checks than that at once are answered "busy" (lib/auth/2-throttle.ts).
  await mapLimit(people, 4, async (person) => {
    await person.client.signInAs(person.email, person.password);
    const saved = await person.client.saveKey(person.key, `Load ${person.n}`);
    expect(saved.last4).toBe(person.key.slice(-4));
  });
  const signInSeconds = (Date.now() - signInStarted) / 1000;

  // Rounds interleave everyone, so each person's calls overlap with every other person's.
  const calls: Call[] = [];
  for (let round = 0; round < CALLS_PER_PERSON; round += 1) for (const person of people) calls.push({ person, round });
  await upstream.clear();

  const failures: string[] = [];
  const started = Date.now();
  await mapLimit(calls, IN_FLIGHT, async ({ person, round }) => {
    // One call in five is a POST with a body naming its owner: bodies must not cross either.
    const post = round % 5 === 4;
    const path = `/api/proxy/echo/load/${person.n}/${round}`;
    const body = post ? JSON.stringify({ owner: person.n, round }) : undefined;
    const headers: Record<string, string> = { "x-csrf": "1", cookie: person.client.cookieHeader() };
    if (post) headers["content-type"] = "application/json";
    const reply = await httpRequest(API_URL, post ? "POST" : "GET", path, headers, body);
    const where = `${person.email} round ${round}`;
    if (reply.status !== 200) return void failures.push(`${where}: ${reply.status} ${reply.text.slice(0, 200)}`);
    if (ANY_LOAD_KEY.test(reply.text) || ANY_LOAD_KEY.test(reply.rawHead)) return void failures.push(`${where}: a key in the answer`);
    const echo = json<{ path: string; body: string }>(reply);
    // Each person gets back the answer to their own call, not someone else's.
    if (echo.path !== `/echo/load/${person.n}/${round}`) failures.push(`${where}: got the answer for ${echo.path}`);
    if (post && echo.body !== body) failures.push(`${where}: body arrived as ${echo.body.slice(0, 100)}`);
  });
  const seconds = (Date.now() - started) / 1000;
  expect(failures, failures.slice(0, 20).join("\n")).toEqual([]);

  // What JobNimbus saw: exactly one call per (person, round), each with that person's key only.
  const received = await upstreamCompact();
  const keyOf = new Map(people.map((person) => [person.n, `Bearer ${person.key}`]));
  const perPerson = new Map<string, number>();
  const seen = new Set<string>();
  const crossed: string[] = [];
  for (const record of received) {
    const match = /^\/echo\/load\/(\d\d)\/(\d+)$/.exec(record.path);
    expect(match, `an unexpected call reached the upstream: ${record.method} ${record.path}`).toBeTruthy();
    const [, n, round] = match!;
    if (record.authorization !== keyOf.get(n!)) crossed.push(`${record.path} carried the key of ${[...keyOf].find(([, key]) => key === record.authorization)?.[0] ?? "nobody known"}`);
    seen.add(`${n}/${round}`);
    perPerson.set(n!, (perPerson.get(n!) ?? 0) + 1);
  }
  expect(crossed, "calls that carried another person's key").toEqual([]);
  expect(received).toHaveLength(people.length * CALLS_PER_PERSON);
  expect(seen.size, "every (person, round) exactly once").toBe(people.length * CALLS_PER_PERSON);
  for (const person of people) expect(perPerson.get(person.n), `calls for ${person.email}`).toBe(CALLS_PER_PERSON);

  // No load key in the console's log either.
  const log = readFileSync(API_LOG, "utf8");
  expect(ANY_LOAD_KEY.test(log), "a load key in console-api.log").toBe(false);

  const summary = `${people.length} people signed in and saved keys in ${signInSeconds.toFixed(1)} s; ${calls.length} calls, ${IN_FLIGHT} in flight, in ${seconds.toFixed(1)} s (${Math.round(calls.length / seconds)}/s); 0 crossed keys, 0 failures`;
  console.log(summary);
  await test.info().attach("load", { body: summary, contentType: "text/plain" });
});
