// /admin: for administrators only (everyone else gets the 403 page beside this one). Who may sign in and
// "sign out everywhere", the team keys and when to rotate them, and the activity trail: all in words.
import { redirect, forbidden } from "next/navigation";
import { getServerSession } from "next-auth";
import { ActivitySection } from "@/components/admin/activity-section";
import { PeopleSection } from "@/components/admin/people-section";
import { TeamKeysSection } from "@/components/admin/team-keys-section";
import { AppHeader } from "@/components/app-header";
import { activityPage, readFilter } from "@/lib/admin/activity";
import { peopleLastSeen, teamKeysNow } from "@/lib/admin/admin-api";
import { ssoRules } from "@/lib/admin/people";
import { authOptions } from "@/lib/auth/1-sign-in";
import { signedInUser } from "@/lib/auth/4-roles";
import { getEnv } from "@/lib/config/env";
import { getStore } from "@/lib/store/store";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPage({ searchParams }: Props) {
  const env = getEnv();
  const session = await getServerSession(authOptions(env));
  if (!session?.user?.email) redirect("/signin?next=/admin");
  // The role in force now (next-auth's jwt callback reads it from the configuration on every request).
  if (session.user.role !== "admin") forbidden();

  const store = getStore(env);
  const params = await searchParams;
  const filter = readFilter(new URLSearchParams(Object.entries(params).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : []))));
  const [people, activity] = await Promise.all([peopleLastSeen(env, store), activityPage(store, filter).catch(() => null)]);
  const { keys, maxAgeDays } = teamKeysNow(env);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 p-3 sm:p-4">
      <AppHeader user={signedInUser(session.user.email, "admin")} current="admin" />
      <main className="flex flex-col gap-8">
        <PeopleSection people={people} rules={ssoRules(env)} />
        <TeamKeysSection keys={keys} maxAgeDays={maxAgeDays} />
        <ActivitySection
          events={activity?.events ?? null}
          older={activity?.older ?? null}
          filter={filter}
          storeKind={store.kind}
          people={people.map((person) => person.email)}
        />
      </main>
    </div>
  );
}
