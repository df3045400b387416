// The 403 page of /admin: what someone who is not an administrator sees there, in plain words.
import Link from "next/link";

export default function AdminForbidden() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 p-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">HTTP 403</p>
      <h1 className="text-2xl font-semibold">Administrators only</h1>
      <p>
        This page shows who may sign in, the keys shared with the team and what everyone did. Only the console&apos;s administrators can open it. If you need something from
        it, ask whoever runs the console.
      </p>
      <Link href="/" className="self-start underline">
        Back to the console
      </Link>
    </main>
  );
}
