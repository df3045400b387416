"use client";
// One answer: status in words, time, size and headers; problems explained above a card;
// the body in the views its media type allows (lib/answer/media-views), plus downloads.
import { useEffect, useMemo, useState } from "react";
import { legacyCellText, PERSON_FIELDS } from "@/lib/account/display";
import { columnsOf, recordsToCsv } from "@/lib/answer/csv";
import { deprecationOf, deprecationText } from "@/lib/answer/deprecation";
import { exportAll, exportPaging } from "@/lib/answer/export";
import type { Paging } from "@/lib/catalog/paging";
import type { RequestDraft } from "@/lib/request/request-model";
import { defaultView, recordsOf, viewsFor, type View } from "@/lib/answer/media-views";
import { statusMeaning } from "@/lib/answer/status-text";
import { headerOf, type ReceivedResponse } from "@/lib/console-api/proxy-call";
import { explainStatus } from "@/lib/problems/explain";
import { problemFromAnswer } from "@/lib/problems/answer-problem";
import { consoleProblemSlug } from "@/lib/problems/problem";
import { useAccount } from "@/components/account-choices";
import { ProblemDetailsView } from "@/components/problem-details-view";
import { DownloadAll, proxyPages } from "./download-all";
import { FileView, filenameFrom, useBlobUrl } from "./file-view";
import { JsonView } from "./json-view";
import { RetryCountdown, retryAfterSeconds } from "./retry-countdown";
import { SentAs } from "./sent-as";
import { TableView } from "./table-view";

/** The raw view shows at most this much text; the download has everything. */
const RAW_LIMIT = 2 * 1024 * 1024;

const VIEW_LABELS: Record<View, string> = {
  problem: "Problem",
  table: "Table",
  json: "JSON",
  tree: "Tree",
  raw: "Raw",
  image: "Image",
  pdf: "PDF",
  download: "File",
  "html-as-text": "Text",
};

const TEXTUAL = /json|text|xml|javascript|csv|x-www-form-urlencoded/i;

type Decoded = { text: string | null; parsed: unknown; parseError: string | null };

function decode(response: ReceivedResponse): Decoded {
  const type = response.contentType ?? "";
  if (response.bytes.byteLength === 0) return { text: "", parsed: undefined, parseError: null };
  if (type && !TEXTUAL.test(type)) return { text: null, parsed: undefined, parseError: null };
  const text = new TextDecoder().decode(response.bytes);
  const looksJson = /json/i.test(type) || (!type && /^\s*[[{]/.test(text));
  if (!looksJson) return { text, parsed: undefined, parseError: null };
  try {
    return { text, parsed: JSON.parse(text) as unknown, parseError: null };
  } catch (error) {
    return { text, parsed: undefined, parseError: /json/i.test(type) ? (error instanceof Error ? error.message : "invalid JSON") : null };
  }
}

function DownloadLink({ bytes, type, filename, label }: { bytes: Uint8Array; type: string; filename: string; label: string }) {
  const url = useBlobUrl(bytes, type);
  return url ? (
    <a href={url} download={filename} className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
      {label}
    </a>
  ) : null;
}

/** The CSV is built when someone clicks, not for every answer (100,000 records cost real time). */
function CsvDownloadLink({ records, columns, filename }: { records: Record<string, unknown>[]; columns: string[]; filename: string }) {
  return (
    <a
      href="#"
      download={filename}
      onClick={(event) => {
        const url = URL.createObjectURL(new Blob([recordsToCsv(records, columns)], { type: "text/csv" }));
        event.currentTarget.href = url;
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }}
      className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      Download CSV
    </a>
  );
}

/** The request behind a list answer and how its list pages: what "Download all" walks. */
export type ListSource = { draft: RequestDraft; paging: Paging };

export function ResponseViewer({ response, onRetry, listSource }: { response: ReceivedResponse; onRetry?: () => void; listSource?: ListSource | null }) {
  const decoded = useMemo(() => decode(response), [response]);
  const records = useMemo(() => (decoded.parsed === undefined ? null : recordsOf(decoded.parsed)), [decoded]);
  const columns = useMemo(() => (records ? columnsOf(records) : []), [records]);
  const views = useMemo(() => viewsFor(response.contentType, response.bytes.byteLength, decoded.parsed), [response, decoded]);
  const [chosen, setChosen] = useState<View | null>(null);
  // Legacy records name team members by id and dates in unix seconds: the table shows names and dates.
  const account = useAccount();
  const legacy = response.request.upstream === "legacy";
  const namesPeople = legacy && columns.some((column) => PERSON_FIELDS.has(column));
  const { need, people } = account;
  useEffect(() => {
    if (namesPeople) need();
  }, [namesPeople, need]);
  const display = useMemo(() => (legacy ? (column: string, value: unknown) => legacyCellText(column, value, people) : undefined), [legacy, people]);
  const view = chosen && views.includes(chosen) ? chosen : defaultView(response.contentType, response.bytes.byteLength, decoded.parsed);

  const read = problemFromAnswer(response.contentType, decoded.parsed, decoded.text, response.status);
  const problem = read?.problem ?? null;
  // A problem the console made itself (sign-in, CSRF, role, key) is not JobNimbus's: the status line says so.
  const ownProblem = problem !== null && typeof window !== "undefined" && consoleProblemSlug(problem.type, window.location.origin) !== null;
  const deprecation = deprecationOf((name) => headerOf(response, name));
  const retryIn = response.status === 429 ? retryAfterSeconds(headerOf(response, "retry-after")) : null;
  const ok = response.status >= 200 && response.status < 300;
  const filename = filenameFrom(headerOf(response, "content-disposition"), `jobnimbus-${response.request.path.split("?")[0]!.replace(/[^\w.-]+/g, "-")}`);

  let explanation: string | null = null;
  if (response.failure === "cancelled") explanation = "You cancelled the request. JobNimbus may or may not have received it.";
  else if (response.failure === "network") explanation = "The console could not be reached: check your internet connection, then try again.";
  else if (!ok && !problem) explanation = explainStatus(response.status);

  return (
    <section aria-label="Response" data-testid="response" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span
          data-testid="response-status"
          className={`rounded px-2 py-0.5 font-mono font-semibold ${ok ? "bg-green-100 text-green-800 dark:bg-green-900 dark:text-green-200" : "bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-200"}`}
        >
          {response.status || "—"}
        </span>
        <span data-testid="status-meaning">
          {response.failure === "cancelled" ? "Cancelled — you stopped waiting for an answer" : ownProblem && problem?.title ? `${problem.title} — the console's own answer, not JobNimbus's` : statusMeaning(response.status)}
        </span>
        <span data-testid="response-duration">{response.durationMs.toLocaleString()} ms</span>
        <span data-testid="response-size">{response.bytes.byteLength.toLocaleString()} bytes</span>
        <span className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">
          {response.request.method} {response.request.path}
        </span>
      </div>
      <SentAs response={response} />
      {deprecation ? (
        <p role="note" data-testid="deprecation" className="rounded-md bg-amber-50 p-2 text-sm dark:bg-amber-950">
          {deprecationText(deprecation)}{" "}
          {deprecation.link ? (
            <a href={deprecation.link} target="_blank" rel="noreferrer noopener" className="underline">
              What JobNimbus says about it
            </a>
          ) : null}
        </p>
      ) : null}
      {response.cutOff ? (
        <p role="alert" data-testid="cut-off" className="rounded-md bg-amber-50 p-2 text-sm dark:bg-amber-950">
          The answer was cut off: the connection broke after {response.bytes.byteLength.toLocaleString()} bytes. What is shown may be incomplete; send the request again.
        </p>
      ) : null}
      {explanation ? (
        <p data-testid="problem-explanation" className="font-medium">
          {explanation}
        </p>
      ) : null}
      {retryIn !== null ? <RetryCountdown seconds={retryIn} onDone={onRetry} /> : null}
      {read ? <ProblemDetailsView problem={read.problem} status={response.status} shape={read.shape} /> : null}
      {decoded.parseError ? (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          The answer says it is JSON but is not valid JSON ({decoded.parseError}). It is shown as text.
        </p>
      ) : null}
      {response.bytes.byteLength > 0 ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div role="tablist" aria-label="Ways to view the answer" className="flex flex-wrap gap-1">
            {views.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={v === view}
                onClick={() => setChosen(v)}
                className={`rounded px-2 py-0.5 text-sm ${v === view ? "bg-blue-700 text-white" : "border border-slate-300 dark:border-slate-700"}`}
              >
                {VIEW_LABELS[v]}
              </button>
            ))}
          </div>
          <div className="flex flex-wrap gap-2">
            {decoded.parsed !== undefined ? <DownloadLink bytes={response.bytes} type="application/json" filename={`${filename}.json`} label="Download JSON" /> : null}
            {records ? <CsvDownloadLink records={records} columns={columns} filename={`${filename}.csv`} /> : null}
            {records && listSource && ok ? (
              <DownloadAll
                filename={`${filename}-all.csv`}
                start={(options) => {
                  const paging = exportPaging(listSource.paging, listSource.draft.upstream);
                  return exportAll({ ...options, paging, fetchPage: proxyPages(listSource.draft, paging), recordsIn: recordsOf });
                }}
              />
            ) : null}
          </div>
        </div>
      ) : null}
      <div role="tabpanel" aria-label={VIEW_LABELS[view]} data-testid="response-body">
        <Body view={view} response={response} decoded={decoded} records={records} columns={columns} filename={filename} display={display} />
      </div>
      <details>
        <summary className="cursor-pointer text-sm">Response headers ({response.headers.length})</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs" data-testid="response-headers">
          {response.headers.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-slate-500 dark:text-slate-400">{key}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

type BodyProps = {
  view: View;
  response: ReceivedResponse;
  decoded: Decoded;
  records: Record<string, unknown>[] | null;
  columns: string[];
  filename: string;
  display?: (column: string, value: unknown) => string | null;
};

function Body({ view, response, decoded, records, columns, filename, display }: BodyProps) {
  if (response.bytes.byteLength === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No body.</p>;
  switch (view) {
    case "table":
      return records ? <TableView key={response.durationMs} records={records} columns={columns} display={display} /> : null;
    case "json":
    case "tree":
      return decoded.parsed !== undefined ? <JsonView key={`${view}${response.durationMs}`} value={decoded.parsed} mode={view === "json" ? "pretty" : "tree"} /> : null;
    case "image":
    case "pdf":
    case "download":
      return <FileView bytes={response.bytes} contentType={response.contentType ?? "application/octet-stream"} filename={filename} kind={view} />;
    case "problem":
    case "raw":
    case "html-as-text":
    default: {
      const text = decoded.text ?? `(${response.bytes.byteLength.toLocaleString()} bytes of binary data; use the download.)`;
      const shown = text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}\n\n… (${(text.length - RAW_LIMIT).toLocaleString()} more characters: download the answer to see all of it)` : text;
      return (
        <pre data-testid="raw-body" tabIndex={0} className="max-h-[32rem] overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs whitespace-pre-wrap break-all dark:bg-slate-950">
          {shown}
        </pre>
      );
    }
  }
}
