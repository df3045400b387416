// /problems: every error the console itself can give, linked to its page.
import Link from "next/link";
import { problemCatalog } from "@/lib/problems/catalog";

export default function ProblemsIndex() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 p-6">
      <h1 className="text-2xl font-semibold">Console errors</h1>
      <ul className="list-disc pl-5">
        {Object.entries(problemCatalog).map(([slug, entry]) => (
          <li key={slug}>
            <Link className="underline" href={`/problems/${slug}`}>
              {entry.title}
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-400">(HTTP {entry.status})</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
