// The console: signed-in people only; everything else happens in the client app.
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { ConsoleApp } from "@/components/console-app";
import { authOptions } from "@/lib/auth/1-sign-in";
import { signedInUser } from "@/lib/auth/4-roles";
import { getEnv } from "@/lib/config/env";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ r?: string }> };

export default async function ConsolePage({ searchParams }: Props) {
  const env = getEnv();
  const session = await getServerSession(authOptions(env));
  if (!session?.user?.email) {
    // A shared request link survives the detour through sign-in.
    const { r } = await searchParams;
    redirect(typeof r === "string" ? `/signin?next=${encodeURIComponent(`/?r=${r}`)}` : "/signin");
  }
  // The upstream addresses are not secret: code snippets show the real JobNimbus URL.
  const bases = { platform: env.JOBNIMBUS_BASE_URL, legacy: env.JOBNIMBUS_LEGACY_BASE_URL };
  return <ConsoleApp user={signedInUser(session.user.email, session.user.role ?? "viewer")} bases={bases} />;
}
