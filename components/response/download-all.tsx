"use client";
// "Download all" for any list (a recipe's result, the console's table): every page through the
// proxy into one CSV, with a progress bar, Cancel, and what was fetched kept when a page fails.
// The walking and the CSV are lib/answer/export.ts; this is the button and the words.
import { useEffect, useRef, useState } from "react";
import { pagedDraft, type ExportOptions, type ExportOutcome, type ExportProgress, type FetchedPage } from "@/lib/answer/export";
import type { Paging } from "@/lib/catalog/paging";
import { callProxy, headerOf, jsonBody } from "@/lib/console-api/proxy-call";
import { explainStatus } from "@/lib/problems/explain";
import type { PagePosition } from "@/lib/recipes/paging";
import type { RequestDraft } from "@/lib/request/request-model";
import { retryAfterSeconds } from "./retry-countdown";

/** The longest Retry-After a page waits out (once) before the export gives up on it. */
const MAX_WAIT_SECONDS = 30;

/** Fetches one page of `draft` through the proxy; a 429 is waited out once, as reads are elsewhere. */
export function proxyPages(draft: RequestDraft, paging: Paging): ExportOptions["fetchPage"] {
  return async (position: PagePosition, signal: AbortSignal): Promise<FetchedPage> => {
    const request = pagedDraft(draft, paging, position);
    for (let attempt = 0; ; attempt += 1) {
      const response = await callProxy(request, { signal });
      if (response.failure === "cancelled") throw new DOMException("Cancelled", "AbortError");
      if (response.failure || response.cutOff) return { ok: false, reason: "the connection failed before the whole answer arrived" };
      const wait = retryAfterSeconds(headerOf(response, "retry-after"));
      if (response.status === 429 && attempt === 0 && wait !== null && wait <= MAX_WAIT_SECONDS) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, wait * 1000);
          signal.addEventListener("abort", () => (clearTimeout(timer), reject(new DOMException("Cancelled", "AbortError"))), { once: true });
        });
        continue;
      }
      if (response.status < 200 || response.status >= 300) return { ok: false, reason: `JobNimbus answered ${response.status}. ${explainStatus(response.status)}`.trim() };
      const body = jsonBody(response);
      return body === undefined ? { ok: false, reason: "its answer was not JSON" } : { ok: true, body };
    }
  };
}

type Noun = { one: string; many: string };
type Phase = { phase: "idle" } | { phase: "running"; progress: ExportProgress | null } | { phase: "finished"; outcome: ExportOutcome; url: string | null };

const count = (n: number, noun: Noun) => `${n.toLocaleString()} ${n === 1 ? noun.one : noun.many}`;

function save(url: string, filename: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
}

type Props = {
  filename: string;
  noun?: Noun;
  /** Runs the export (exportAll with the list's paging and columns). */
  start: (options: Pick<ExportOptions, "signal" | "onProgress">) => Promise<ExportOutcome>;
};

export function DownloadAll({ filename, noun = { one: "record", many: "records" }, start }: Props) {
  const [state, setState] = useState<Phase>({ phase: "idle" });
  const running = useRef<AbortController | null>(null);
  const url = state.phase === "finished" ? state.url : null;

  useEffect(() => () => running.current?.abort(), []);
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);

  async function go() {
    const abort = new AbortController();
    running.current = abort;
    setState({ phase: "running", progress: null });
    const outcome = await start({ signal: abort.signal, onProgress: (progress) => setState({ phase: "running", progress }) });
    if (running.current !== abort) return;
    running.current = null;
    const made = outcome.csv ? URL.createObjectURL(outcome.csv) : null;
    setState({ phase: "finished", outcome, url: made });
    if (made && outcome.status === "done") save(made, filename);
  }

  const button = (
    <button type="button" onClick={() => void go()} className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
      Download all
    </button>
  );

  if (state.phase === "running") {
    const { progress } = state;
    const fetched = progress?.fetched ?? 0;
    const total = progress?.total ?? null;
    return (
      <div data-testid="download-all" className="flex flex-wrap items-center gap-2 text-sm">
        <progress aria-label="Download all" max={total ?? undefined} value={total === null && fetched === 0 ? undefined : fetched} className="w-40" />
        <span role="status" data-testid="download-all-progress">
          {progress ? `Fetched ${total !== null ? `${fetched.toLocaleString()} of ${count(total, noun)}` : count(fetched, noun)} (page ${progress.pages})…` : "Fetching the first page…"}
        </span>
        <button type="button" onClick={() => running.current?.abort()} className="rounded border border-slate-400 px-2 py-0.5 dark:border-slate-500">
          Cancel
        </button>
      </div>
    );
  }

  if (state.phase === "finished") {
    const { outcome } = state;
    const keep = url && outcome.rows > 0 ? (
      <a href={url} download={filename} className="underline">
        {outcome.status === "done" ? `Save ${filename} again` : `Save the ${count(outcome.rows, noun)} fetched`}
      </a>
    ) : null;
    return (
      <div data-testid="download-all" className="flex flex-col gap-1 text-sm">
        {outcome.status === "done" ? (
          <p role="status" data-testid="download-all-outcome">
            All {count(outcome.rows, noun)} are in {filename}. {keep}
            {outcome.laterColumns.length ? ` Some later records had fields the first page did not (${outcome.laterColumns.slice(0, 5).join(", ")}); they are not in the file.` : ""}
          </p>
        ) : outcome.status === "cancelled" ? (
          <p role="status" data-testid="download-all-outcome">
            Cancelled after {count(outcome.rows, noun)}. {keep}
          </p>
        ) : (
          <p role="alert" data-testid="download-all-outcome" className="text-red-800 dark:text-red-300">
            Page {outcome.page} could not be fetched: {outcome.reason} {outcome.rows > 0 ? <>The {count(outcome.rows, noun)} fetched before it are kept. {keep}</> : "Nothing was fetched."}
          </p>
        )}
        <div>{button}</div>
      </div>
    );
  }
  return <div data-testid="download-all">{button}</div>;
}
