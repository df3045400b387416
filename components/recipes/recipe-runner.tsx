"use client";
// Runs one recipe: its form, then look-up → confirmation (writes) → request → friendly result,
// with a 429 countdown that retries a read once, failures in the recipe's words, and the raw
// requests and answers behind a "details" toggle.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { encodeShareLink } from "@/lib/request/share-link";
import { headerOf, type ReceivedResponse } from "@/lib/console-api/proxy-call";
import { upstreamUrl, type RequestDraft, type UpstreamBases } from "@/lib/request/request-model";
import { initialValues, validateForm, type FormErrors, type FormValues } from "@/lib/forms/fields";
import type { Problem } from "@/lib/problems/problem";
import {
  buildDraft,
  emptyMessage,
  failureMessage,
  firstRecord,
  recipeConfirmation,
  recipeDraft,
  recipeFields,
  recordsIn,
  resultTitle,
  scopeFor,
  successMessage,
  type RecordItem,
  type Step,
} from "@/lib/recipes/run";
import { FIRST_PAGE, hasMore, nextCursorIn, nextPosition, totalIn, type PagePosition, type RecipePaging } from "@/lib/recipes/paging";
import { isWrite, type Recipe } from "@/lib/recipes/schema";
import { fillText, type Scope } from "@/lib/recipes/template";
import { useConfirmWrite } from "@/components/confirm-write-dialog";
import { FieldInput } from "@/components/forms/field-input";
import { ProblemDetailsView } from "@/components/problem-details-view";
import { ResponseViewer } from "@/components/response/response-viewer";
import { RetryCountdown, retryAfterSeconds } from "@/components/response/retry-countdown";
import { RecipeResults } from "./recipe-results";
import { sendDraft, type Answer } from "./send-draft";
import { FormErrorList } from "@/components/forms/form-errors";

type Props = {
  recipe: Recipe;
  /** How "More results" pages, worked out on the server (lib/recipes/paging.ts); null: it does not. */
  paging: RecipePaging | null;
  role: "viewer" | "editor";
  hasKey: boolean | null;
  bases: UpstreamBases;
  given: FormValues;
  autorun: boolean;
};

type Exchange = { label: string; draft: RequestDraft; response: ReceivedResponse };
type Failure = { message: string; problem: Problem | null; status: number; retryIn: number | null };
type Result = {
  records: RecordItem[];
  total: number | null;
  lastPageSize: number;
  /** The page last fetched, and the cursor its answer handed back. */
  position: PagePosition;
  nextCursor: string | null;
  scope: Scope;
  title: string | null;
  message: string | null;
};
type Waiting = { seconds: number; resume: () => void };

const ok = (answer: Answer) => answer.response.status >= 200 && answer.response.status < 300;
const DEFAULT_RETRY_SECONDS = 5;

function isRecord(value: unknown): value is RecordItem {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function RecipeRunner({ recipe, paging: recipePaging, role, hasKey, bases, given, autorun }: Props) {
  const paging = recipePaging?.paging ?? null;
  const fields = useMemo(() => recipeFields(recipe), [recipe]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, given));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [empty, setEmpty] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [showProblem, setShowProblem] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const started = useRef(false);
  const confirmWrite = useConfirmWrite();
  const headingId = useId();
  const write = isWrite(recipe);
  const blocked = write && role === "viewer";

  useEffect(() => () => controller.current?.abort(), []);

  /** Waits for the countdown's end (the RetryCountdown calls `resume`), or rejects when cancelled. */
  function waitFor(seconds: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const abort = () => {
        setWaiting(null);
        reject(new DOMException("Cancelled", "AbortError"));
      };
      signal.addEventListener("abort", abort, { once: true });
      setWaiting({
        seconds,
        resume: () => {
          signal.removeEventListener("abort", abort);
          setWaiting(null);
          resolve();
        },
      });
    });
  }

  /** One request; a GET answered 429 waits out Retry-After and is sent once more. Writes never are. */
  async function ask(label: string, draft: RequestDraft, signal: AbortSignal): Promise<Answer> {
    let answer = await sendDraft(draft, signal);
    setExchanges((list) => [...list, { label, draft, response: answer.response }]);
    if (answer.response.status === 429 && draft.method === "GET") {
      await waitFor(retryAfterSeconds(headerOf(answer.response, "retry-after")) ?? DEFAULT_RETRY_SECONDS, signal);
      answer = await sendDraft(draft, signal);
      setExchanges((list) => [...list, { label: `${label} (tried again after the wait)`, draft, response: answer.response }]);
    }
    return answer;
  }

  function fail(step: Step, answer: Answer, scope: Scope) {
    const { response, problem } = answer;
    const retryIn = response.status === 429 ? (retryAfterSeconds(headerOf(response, "retry-after")) ?? DEFAULT_RETRY_SECONDS) : null;
    setFailure({ message: failureMessage(recipe, step, response.status, problem, scope, window.location.origin), problem, status: response.status, retryIn });
  }

  function show(answer: Answer, scope: Scope, previous: RecordItem[], position: PagePosition) {
    const found = recordsIn(recipe, answer.body) ?? (write && isRecord(answer.body) ? [answer.body] : write ? [] : null);
    if (found === null) {
      setFailure({ message: "JobNimbus answered, but not with records this recipe can show. The details below have the whole answer.", problem: null, status: answer.response.status, retryIn: null });
      return;
    }
    const records = [...previous, ...found];
    // A page that came back empty ends the paging even if the total says otherwise (records changed meanwhile).
    const total = found.length === 0 && previous.length > 0 ? records.length : totalIn(paging, answer.body);
    if (records.length === 0 && !write) {
      setEmpty(emptyMessage(recipe, scope));
      return;
    }
    setResult({
      records,
      total,
      lastPageSize: found.length,
      position,
      nextCursor: nextCursorIn(paging, answer.body),
      scope,
      title: resultTitle(recipe, scope, total),
      message: successMessage(recipe, scope, records, total) ?? (write ? "Done." : null),
    });
  }

  function start(): AbortController {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    return abort;
  }

  async function run() {
    const found = validateForm(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0 || blocked) return;
    const abort = start();
    setResult(null);
    setEmpty(null);
    setFailure(null);
    setNote(null);
    setExchanges([]);
    setShowProblem(false);
    const scope = scopeFor(recipe, values);
    if (!write) rememberInUrl();
    try {
      if (recipe.lookup) {
        const what = recipe.lookup.subject?.one ?? "record";
        setBusy(`Looking up the ${what}…`);
        const answer = await ask(`Look up the ${what}`, buildDraft(recipe.lookup.request, scope), abort.signal);
        if (!ok(answer)) return fail("lookup", answer, scope);
        const record = firstRecord(answer.body);
        if (!record) {
          setFailure({ message: fillText(recipe.lookup.notFound, scope), problem: null, status: answer.response.status, retryIn: null });
          return;
        }
        scope[recipe.lookup.as] = record;
      }
      if (write) {
        setBusy("Waiting for you to confirm…");
        const confirmed = await confirmWrite.confirm(recipeConfirmation(recipe, scope, values));
        if (!confirmed) {
          setNote("Nothing was sent: you cancelled.");
          return;
        }
      }
      setBusy(write ? "Sending to JobNimbus…" : "Asking JobNimbus…");
      const answer = await ask(recipe.name, recipeDraft(recipe, scope, paging, FIRST_PAGE), abort.signal);
      if (!ok(answer)) return fail("request", answer, scope);
      show(answer, scope, [], FIRST_PAGE);
    } catch (error) {
      if (!abort.signal.aborted) throw error;
      setNote("Cancelled. JobNimbus may or may not have received the request.");
    } finally {
      if (controller.current === abort) setBusy(null);
    }
  }

  async function more() {
    if (!result) return;
    const abort = start();
    setLoadingMore(true);
    setFailure(null);
    const position = nextPosition(result.position, result.lastPageSize, result.nextCursor);
    try {
      const answer = await ask(`Page ${position.index + 1}`, recipeDraft(recipe, result.scope, paging, position), abort.signal);
      if (!ok(answer)) return fail("request", answer, result.scope);
      show(answer, result.scope, result.records, position);
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    } finally {
      setLoadingMore(false);
    }
  }

  /** A read's form goes into the address, so Back from a linked record comes back to these results. */
  function rememberInUrl() {
    const params = new URLSearchParams({ recipe: recipe.id });
    for (const field of recipe.fields) if (values[field.name]) params.set(field.name, values[field.name]!);
    params.set("run", "1");
    window.history.replaceState(null, "", `/recipes?${params.toString()}`);
  }

  useEffect(() => {
    if (!autorun || write || started.current) return;
    started.current = true;
    // A link asked for this read to run on arrival.
    void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  const errorList = Object.values(errors);
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <section aria-labelledby={headingId} data-testid="recipe" className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-col gap-1">
        <h2 id={headingId} className="text-lg font-semibold">
          {recipe.name}
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">{recipe.description}</p>
        {write ? <p className="text-sm text-amber-800 dark:text-amber-300">This changes data in JobNimbus. You will see what changes, in words, before anything is sent.</p> : null}
      </div>
      {blocked ? (
        <p data-testid="viewer-note" className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950">
          Your role is viewer: you can run recipes that read, but this one changes data, so only editors can run it. Ask whoever runs the console for the editor role.
        </p>
      ) : null}
      {hasKey === false ? (
        <p role="status" data-testid="needs-key" className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950">
          Add an API key first: in JobNimbus open <strong>Settings &gt; API Keys</strong>, copy a key and paste it in the keys panel.
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
        className="flex flex-col gap-3"
      >
        <fieldset disabled={blocked || busy !== null} className="flex flex-col gap-3 disabled:opacity-70">
          <legend className="sr-only">{recipe.name}</legend>
          <FormErrorList errors={errorList} testId="recipe-form-errors" />
          {fields.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">Nothing to fill in: just run it.</p> : null}
          <div className="grid gap-3 sm:grid-cols-2">
            {fields.map((field) => (
              <div key={field.name} className={field.kind === "textarea" ? "sm:col-span-2" : undefined}>
                <FieldInput
                  field={field}
                  idPrefix={`recipe-${recipe.id}`}
                  value={values[field.name] ?? ""}
                  error={errors[field.name]}
                  onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
                />
              </div>
            ))}
          </div>
          <div>
            <button type="submit" className="rounded-md bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
              {write ? "Review and send…" : "Run"}
            </button>
          </div>
        </fieldset>
      </form>
      {busy ? (
        <div className="flex items-center gap-3">
          <p role="status" data-testid="recipe-busy" className="text-sm text-slate-600 dark:text-slate-400">
            {busy}
          </p>
          <button type="button" onClick={() => controller.current?.abort()} className="rounded-md border border-slate-400 px-3 py-1 text-sm dark:border-slate-500">
            Cancel
          </button>
        </div>
      ) : null}
      {waiting ? (
        <div data-testid="recipe-waiting" className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950">
          <p>JobNimbus is getting too many requests from this key.</p>
          <RetryCountdown seconds={waiting.seconds} onDone={waiting.resume} />
        </div>
      ) : null}
      {note ? (
        <p role="status" data-testid="recipe-note" className="text-sm">
          {note}
        </p>
      ) : null}
      {failure ? (
        <div data-testid="recipe-failure" className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950">
          <p role="alert" data-testid="recipe-failure-message" className="font-medium">
            {failure.message}
          </p>
          {failure.retryIn !== null ? <RetryCountdown seconds={failure.retryIn} /> : null}
          {failure.problem ? (
            <button type="button" aria-expanded={showProblem} onClick={() => setShowProblem((shown) => !shown)} className="self-start text-sm underline">
              {showProblem ? "Hide the problem details" : "Show the problem details"}
            </button>
          ) : null}
          {showProblem && failure.problem ? <ProblemDetailsView problem={failure.problem} status={failure.status} /> : null}
        </div>
      ) : null}
      {empty ? (
        <p role="status" data-testid="recipe-empty" className="font-medium">
          {empty}
        </p>
      ) : null}
      {result ? (
        result.records.length > 0 ? (
          <RecipeResults
            recipe={recipe}
            title={result.title}
            records={result.records}
            message={result.message}
            more={hasMore(paging, { loaded: result.records.length, total: result.total, lastPageSize: result.lastPageSize, nextCursor: result.nextCursor })}
            loadingMore={loadingMore}
            onMore={() => void more()}
          />
        ) : (
          <p role="status" data-testid="recipe-message" className="font-medium">
            {result.message}
          </p>
        )
      ) : null}
      {exchanges.length > 0 ? (
        <details data-testid="recipe-details" className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-medium">Details: the raw requests and answers ({exchanges.length})</summary>
          {recipePaging ? (
            <p data-testid="recipe-paging" className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              {recipePaging.from}
            </p>
          ) : null}
          <ol className="mt-2 flex flex-col gap-4">
            {exchanges.map((exchange, index) => {
              const share = origin ? encodeShareLink(exchange.draft, origin) : null;
              return (
                <li key={index} className="flex flex-col gap-2">
                  <h3 className="text-sm font-semibold">{exchange.label}</h3>
                  <p className="font-mono text-xs break-all" data-testid="recipe-request-line">
                    {exchange.draft.method} {upstreamUrl(exchange.draft, bases)}
                  </p>
                  {exchange.draft.body ? (
                    <pre className="max-h-48 overflow-auto rounded-md bg-slate-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-slate-950">{exchange.draft.body}</pre>
                  ) : null}
                  {share?.ok ? (
                    <a href={share.url} className="self-start text-xs underline">
                      Open this request in the console
                    </a>
                  ) : null}
                  <ResponseViewer response={exchange.response} />
                </li>
              );
            })}
          </ol>
        </details>
      ) : null}
      {confirmWrite.dialog}
    </section>
  );
}
