// Every route handler under app/api checks the session, CSRF and role itself: found from the file
// system (a new route is checked the day it is added), each exported method is called without a
// sign-in, then signed in without X-CSRF, then as a viewer (proxied writes) and as a viewer and an
// editor (/api/admin is for administrators); each refusal is the expected problem and JobNimbus is
// never called. The few routes that are not guarded are named here, with why.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ConsoleClient, expectProblem, resetRecords, signedIn, upstream } from "../support/api-client";

const API_DIR = new URL("../../app/api/", import.meta.url).pathname;

/** Routes that are not guarded on purpose, and what each answers instead. */
const NOT_GUARDED: Record<string, string> = {
  "health/route.ts": "public readiness check: says nothing about anyone, calls nothing",
  "auth/[...nextauth]/route.ts": "next-auth's own routes: sign-in and sign-out carry next-auth's CSRF token",
  "[...rest]/route.ts": "any /api address without a route: a 404 problem for everyone, nothing behind it",
};
/** Methods a guarded route refuses before anything else, whoever calls. */
const REFUSED_FIRST: Record<string, { slug: string; status: number }> = {
  HEAD: { slug: "method-not-allowed", status: 405 },
  OPTIONS: { slug: "method-not-allowed", status: 405 },
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(API_DIR, full)] : [];
  });
}

/** HTTP methods a route file exports: `export const GET`, `export async function POST`, `export { h as GET }`. */
function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(match[1]!);
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const match of list[1]!.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(match[1]!);
  }
  return [...methods].sort();
}

/** A request path for a route file: dynamic segments get harmless values. */
function pathFor(file: string): string {
  const segments = path.dirname(file).split(path.sep).filter((s) => s !== ".");
  return `/api/${segments.map((s) => (s.startsWith("[...") ? "echo/route-guard" : s.startsWith("[") ? "route-guard-id" : s)).join("/")}`;
}

const routes = routeFiles(API_DIR)
  .filter((file) => !(file in NOT_GUARDED))
  .flatMap((file) => exportedMethods(readFileSync(path.join(API_DIR, file), "utf8")).map((method) => ({ file, method, path: pathFor(file) })));

const bodyFor = (method: string) => (method === "GET" || method === "HEAD" || method === "DELETE" || method === "OPTIONS" ? undefined : '{"label":"x","apiKey":"y"}');

test("finds every route handler under app/api, and each not-guarded one is named with its reason", () => {
  const all = routeFiles(API_DIR);
  for (const named of Object.keys(NOT_GUARDED)) expect(all, `${named} still exists`).toContain(named);
  expect(routes.map((r) => `${r.method} ${r.file}`)).toEqual(
    expect.arrayContaining([
      "GET keys/route.ts",
      "POST keys/route.ts",
      "DELETE keys/[id]/route.ts",
      "PATCH keys/[id]/route.ts",
      "GET catalog/route.ts",
      "GET proxy/[...path]/route.ts",
      "DELETE proxy/[...path]/route.ts",
      "GET admin/people/route.ts",
      "POST admin/people/sign-out/route.ts",
      "GET admin/team-keys/route.ts",
      "GET admin/activity/route.ts",
      "GET admin/activity/csv/route.ts",
    ]),
  );
});

test("every exported method of every guarded route: 401 without a sign-in, 403 csrf-rejected signed in without X-CSRF, 403 role-forbidden for a viewer's proxied write, 403 admin-only for anyone but an admin on /api/admin; JobNimbus never called", async () => {
  const anonymous = new ConsoleClient();
  const editor = await signedIn("editor");
  const viewer = await signedIn("viewer");
  await resetRecords();
  for (const { file, method, path: where } of routes) {
    await test.step(`${method} ${where} (${file})`, async () => {
      const body = bodyFor(method);
      const headers: Record<string, string> = body ? { "content-type": "application/json" } : {};
      const first = REFUSED_FIRST[method];
      const expectRefusal = (reply: Awaited<ReturnType<ConsoleClient["send"]>>, slug: string, status: number) => {
        if (method === "HEAD") {
          // A HEAD answer has no body: its status and problem type header say it.
          expect(reply.status).toBe(first?.status ?? status);
          expect(reply.headers["content-type"]).toMatch(/^application\/problem\+json/);
        } else expectProblem(reply, first?.slug ?? slug, first?.status ?? status);
      };
      expectRefusal(await anonymous.send(method, where, { body, headers, anonymous: true }), "unauthenticated", 401);
      expectRefusal(await editor.send(method, where, { body, headers, csrf: false }), "csrf-rejected", 403);
      if (where.startsWith("/api/proxy/") && method !== "GET" && !first) {
        expectRefusal(await viewer.send(method, where, { body, headers }), "role-forbidden", 403);
      }
      if (where.startsWith("/api/admin/")) {
        for (const someone of [viewer, editor]) expectRefusal(await someone.send(method, where, { body, headers }), "admin-only", 403);
      }
    });
  }
  expect(await upstream.requests(), "no refused call reached JobNimbus").toEqual([]);
});
