// The /api/admin handlers' work, and what the /admin page shows: people with when they were last seen,
// "sign out everywhere", the team keys in words, the activity trail and its CSV. Every handler starts with
// guardAdmin (session, CSRF, the admin role read from the configuration now); route files stay thin.
import "server-only";
import { randomUUID } from "node:crypto";
import { guardAdmin } from "@/lib/auth/7-guards";
import { getEnv, type Env } from "@/lib/config/env";
import { problemResponse } from "@/lib/problems/problem";
import { audit } from "@/lib/proxy/7-audit";
import { readLimitedBody } from "@/lib/proxy/3-body";
import { getStore, type Store } from "@/lib/store/store";
import { teamKeyInfo } from "@/lib/vault/5-team-keys";
import { z } from "@/lib/zod";
import { activityCsv, activityPage, readFilter } from "./activity";
import { configuredPeople, ssoRules, type Person } from "./people";
import { teamKeyRows } from "./team-keys";
import { agoInWords } from "./when";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/** `lastSeen`: ISO time or null; `lastSeenWords`: "3 hours ago", "not seen". */
export type PersonSeen = Person & { lastSeen: string | null; lastSeenWords: string };

/** Everyone configured, each with when they last did something as themselves (this instance's memory, or Redis). */
export async function peopleLastSeen(env: Env, store: Store, now = Date.now()): Promise<PersonSeen[]> {
  return Promise.all(
    configuredPeople(env).map(async (person) => {
      const seen = await store.lastSeen(person.email).catch(() => null);
      const lastSeen = seen === null ? null : new Date(seen).toISOString();
      return { ...person, lastSeen, lastSeenWords: agoInWords(lastSeen, now) };
    }),
  );
}

/** GET /api/admin/people */
export async function listPeople(request: Request): Promise<Response> {
  const guarded = await guardAdmin(request);
  if (!guarded.ok) return guarded.response;
  const env = getEnv();
  return json({ people: await peopleLastSeen(env, getStore(env)), rules: ssoRules(env) });
}

const signOutSchema = z.object({ email: z.email().transform((email) => email.toLowerCase()) });

/** POST /api/admin/people/sign-out {"email"}: ends every sign-in of that person made until now, on every instance sharing the store. */
export async function signOutEverywhere(request: Request): Promise<Response> {
  const guarded = await guardAdmin(request);
  if (!guarded.ok) return guarded.response;
  const instance = new URL(request.url).pathname;
  const body = await readLimitedBody(request, 4 * 1024);
  let parsed: ReturnType<typeof signOutSchema.safeParse> | null = null;
  try {
    parsed = body.ok ? signOutSchema.safeParse(JSON.parse(body.body?.toString("utf8") ?? "")) : null;
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return problemResponse("invalid-request", { detail: 'Send {"email": "…"}: the person to sign out everywhere.', instance, status: 422 });
  const { email } = parsed.data;
  const before = Math.floor(Date.now() / 1000);
  try {
    await getStore().revokeAllSignInsOf(email, before);
  } catch {
    return problemResponse("internal-error", { detail: "The shared store did not answer, so nobody was signed out. Try again in a moment.", instance, status: 503 });
  }
  audit({ event: "admin", user: guarded.session.email, subject: email, method: "POST", path: instance, status: 200, outcome: "signed-out-everywhere", requestId: randomUUID() });
  return json({ email, signedOutBefore: new Date(before * 1000).toISOString() });
}

/** The team keys as /admin shows them. */
export function teamKeysNow(env: Env) {
  return { maxAgeDays: env.TEAM_KEY_MAX_AGE_DAYS, keys: teamKeyRows(teamKeyInfo(), env.TEAM_KEY_MAX_AGE_DAYS) };
}

/** GET /api/admin/team-keys */
export async function listTeamKeys(request: Request): Promise<Response> {
  const guarded = await guardAdmin(request);
  if (!guarded.ok) return guarded.response;
  return json(teamKeysNow(getEnv()));
}

/** GET /api/admin/activity?person=&status=&before=: one page, newest first, and whether the trail is this instance's only. */
export async function listActivity(request: Request): Promise<Response> {
  const guarded = await guardAdmin(request);
  if (!guarded.ok) return guarded.response;
  const store = getStore();
  const page = await activityPage(store, readFilter(new URL(request.url).searchParams));
  return json({ store: store.kind, ...page });
}

/** GET /api/admin/activity/csv?person=&status=: the whole matching trail, streamed as CSV. */
export async function downloadActivity(request: Request): Promise<Response> {
  const guarded = await guardAdmin(request);
  if (!guarded.ok) return guarded.response;
  const day = new Date().toISOString().slice(0, 10);
  return new Response(activityCsv(getStore(), readFilter(new URL(request.url).searchParams)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="console-activity-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
