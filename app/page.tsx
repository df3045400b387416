// The console: signed-in people only; everything else happens in the client app.
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { ConsoleApp } from "@/components/console-app";
import { authOptions } from "@/lib/auth";

export const dynamic = "force-dynamic";

export default async function ConsolePage() {
  const session = await getServerSession(authOptions());
  if (!session?.user?.email) redirect("/signin");
  return <ConsoleApp user={{ email: session.user.email, role: session.user.role ?? "viewer" }} />;
}
