// An RFC 9457 problem as a card: plain words first, then every member, extensions included.
import { explainProblem } from "@/lib/problems/explain";
import type { Problem } from "@/lib/problems/problem";

const STANDARD = new Set(["type", "title", "status", "detail", "instance"]);

function ExtensionValue({ value }: { value: unknown }) {
  if (Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null)) {
    return (
      <ul className="list-disc pl-5">
        {value.map((item, index) => {
          const entry = item as { field?: unknown; message?: unknown };
          return (
            <li key={index}>
              {entry.field !== undefined ? <strong>{String(entry.field)}: </strong> : null}
              {entry.message !== undefined ? String(entry.message) : JSON.stringify(item)}
            </li>
          );
        })}
      </ul>
    );
  }
  return <span className="font-mono">{typeof value === "string" ? value : JSON.stringify(value)}</span>;
}

export function ProblemDetailsView({ problem, status }: { problem: Problem; status: number }) {
  const origin = typeof window === "undefined" ? undefined : window.location.origin;
  const extensions = Object.entries(problem).filter(([key]) => !STANDARD.has(key));
  const typeHref = /^https?:\/\//.test(problem.type) || problem.type.startsWith("/") ? problem.type : undefined;
  return (
    <div data-testid="problem" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950">
      <p data-testid="problem-explanation" className="mb-3 font-medium">
        {explainProblem(problem, problem.status ?? status, origin)}
      </p>
      <h3 className="text-base font-semibold">{problem.title ?? "Error"}</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600 dark:text-slate-400">Status</dt>
        <dd>{problem.status ?? status}</dd>
        {problem.detail ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Detail</dt>
            <dd>{problem.detail}</dd>
          </>
        ) : null}
        {problem.instance ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Instance</dt>
            <dd className="font-mono break-all">{problem.instance}</dd>
          </>
        ) : null}
        <dt className="text-slate-600 dark:text-slate-400">Type</dt>
        <dd className="break-all">
          {typeHref ? (
            <a href={typeHref} target="_blank" rel="noreferrer noopener" className="underline">
              {problem.type}
            </a>
          ) : (
            problem.type
          )}
        </dd>
        {extensions.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{key}</dt>
            <dd>
              <ExtensionValue value={value} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
