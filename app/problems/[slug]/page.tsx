// /problems/{slug}: the human page behind every console problem `type` URL.
import Link from "next/link";
import { notFound } from "next/navigation";
import { isProblemSlug, problemCatalog } from "@/lib/problems/catalog";

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return Object.keys(problemCatalog).map((slug) => ({ slug }));
}

export default async function ProblemPage({ params }: Props) {
  const { slug } = await params;
  if (!isProblemSlug(slug)) notFound();
  const entry = problemCatalog[slug];
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 p-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">Console error · HTTP {entry.status}</p>
      <h1 className="text-2xl font-semibold">{entry.title}</h1>
      <section>
        <h2 className="font-semibold">What happened</h2>
        <p>{entry.explanation}</p>
      </section>
      <section>
        <h2 className="font-semibold">What to do</h2>
        <p>{entry.action}</p>
      </section>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Errors whose type starts with <code>/problems/</code> on this console come from the console itself; others come from JobNimbus.
      </p>
      <Link href="/" className="underline">
        Back to the console
      </Link>
    </main>
  );
}
