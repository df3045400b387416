// A problem as a card: plain words first, then what to fix (field errors), the reference to quote
// to support, and every other member. The legacy API's {"status", "body"} and plain-text errors
// come as problems too (lib/problems/answer-problem.ts); only real Problem Details show a type.
import { statusMeaning } from "@/lib/answer/status-text";
import { fieldErrorsOf, REFERENCE_KEYS, referenceOf, type ProblemShape } from "@/lib/problems/answer-problem";
import { explainProblem } from "@/lib/problems/explain";
import { consoleProblemSlug, type Problem } from "@/lib/problems/problem";

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

/** Back to this page after signing in. What is typed here is not kept by the sign-in: saving it first keeps it. */
function SignInAgain() {
  const here = `${window.location.pathname}${window.location.search}`;
  return (
    <p className="mt-2 flex flex-wrap items-center gap-2">
      <a href={`/signin?next=${encodeURIComponent(here)}`} data-testid="sign-in-again" className="rounded-md bg-blue-700 px-3 py-1 font-medium text-white hover:bg-blue-800">
        Sign in again
      </a>
      <span className="text-slate-700 dark:text-slate-300">To keep a request you composed, save it first (Save): saved requests stay in this browser.</span>
    </p>
  );
}

type Props = { problem: Problem; status: number; shape?: ProblemShape };

export function ProblemDetailsView({ problem, status, shape = "problem-details" }: Props) {
  const origin = typeof window === "undefined" ? undefined : window.location.origin;
  const fieldErrors = fieldErrorsOf(problem);
  const reference = referenceOf(problem);
  const shown = new Set<string>([...STANDARD, ...(fieldErrors.length ? ["errors"] : []), ...(reference ? REFERENCE_KEYS : [])]);
  const extensions = Object.entries(problem).filter(([key]) => !shown.has(key));
  const typeHref = /^https?:\/\//.test(problem.type) || problem.type.startsWith("/") ? problem.type : undefined;
  const title = problem.title ?? statusMeaning(problem.status ?? status).split(" — ")[0];
  // The console's own 401: this sign-in ended (expired, or signed out everywhere), so say where to go.
  const signedOut = origin !== undefined && consoleProblemSlug(problem.type, origin) === "unauthenticated";
  return (
    <div data-testid="problem" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950">
      <p data-testid="problem-explanation" className="mb-3 font-medium">
        {explainProblem(problem, problem.status ?? status, origin)}
      </p>
      <h3 className="text-base font-semibold">{title}</h3>
      {signedOut ? <SignInAgain /> : null}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600 dark:text-slate-400">Status</dt>
        <dd>{problem.status ?? status}</dd>
        {problem.detail ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Detail</dt>
            <dd>{problem.detail}</dd>
          </>
        ) : null}
        {fieldErrors.length ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">What to fix</dt>
            <dd>
              <ul className="list-disc pl-5" data-testid="problem-field-errors">
                {fieldErrors.map((error, index) => (
                  <li key={index}>
                    {error.field ? <strong>{error.field}: </strong> : null}
                    {error.message}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {reference ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Reference</dt>
            <dd data-testid="problem-reference">
              <code className="font-mono break-all">{reference}</code>: quote this to JobNimbus support, so they can find this request.
            </dd>
          </>
        ) : null}
        {problem.instance ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Instance</dt>
            <dd className="font-mono break-all">{problem.instance}</dd>
          </>
        ) : null}
        {shape === "problem-details" && problem.type !== "about:blank" ? (
          <>
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
          </>
        ) : null}
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
