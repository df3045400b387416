"use client";
// Shows one answer: status in words, time, size, headers, and the body; problems as a card.
import { isProblemContentType, parseProblem } from "@/lib/problem";
import { ProblemDetailsView } from "./problem-details-view";

export type ViewedResponse = {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  durationMs: number;
  request: { method: string; path: string; upstream: string };
};

function header(response: ViewedResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

function pretty(body: string, contentType: string | undefined): string {
  if (!contentType?.includes("json")) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function ResponseViewer({ response }: { response: ViewedResponse }) {
  const contentType = header(response, "content-type");
  let problem = null;
  if (isProblemContentType(contentType)) {
    try {
      problem = parseProblem(JSON.parse(response.body));
    } catch {
      problem = null;
    }
  }
  const ok = response.status >= 200 && response.status < 300;
  return (
    <section aria-label="Response" data-testid="response" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="response-status" className={`rounded px-2 py-0.5 font-mono font-semibold ${ok ? "bg-green-100 text-green-800 dark:bg-green-900 dark:text-green-200" : "bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-200"}`}>
          {response.status || "—"} {response.statusText}
        </span>
        <span>{response.durationMs} ms</span>
        <span>{new Blob([response.body]).size.toLocaleString()} bytes</span>
        <span className="font-mono text-slate-500">
          {response.request.method} {response.request.path}
        </span>
      </div>
      {problem ? <ProblemDetailsView problem={problem} status={response.status} /> : null}
      <details>
        <summary className="cursor-pointer text-sm">Response headers</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs">
          {response.headers.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-slate-500">{key}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <pre data-testid="response-body" className="max-h-[32rem] overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-950">
        {pretty(response.body, contentType)}
      </pre>
    </section>
  );
}
