"use client";
// A recipe's run as React state: its form, then look-up → confirmation (writes) → request → result,
// "More results", a 429 that waits out Retry-After and retries a read once, and every exchange kept
// for "details". What each step means is in lib/recipes (run.ts, paging.ts); this holds the state.
import { useEffect, useMemo, useRef, useState } from "react";
import { exportAll, exportPaging, type ExportOptions, type ExportOutcome } from "@/lib/answer/export";
import { headerOf, type ReceivedResponse } from "@/lib/console-api/proxy-call";
import { initialValues, validateForm, type FormErrors, type FormValues } from "@/lib/forms/fields";
import { isRecord } from "@/lib/json/is-record";
import type { Problem } from "@/lib/problems/problem";
import type { RequestDraft } from "@/lib/request/request-model";
import {
  atLeastOneMissing,
  buildDraft,
  csvRows,
  emptyMessage,
  fieldChoices,
  failureMessage,
  firstRecord,
  lookupInputs,
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
import { useAccount } from "@/components/account-choices";
import { useConfirmWrite } from "@/components/confirm-write-dialog";
import { proxyPages } from "@/components/response/download-all";
import { retryAfterSeconds } from "@/components/response/retry-countdown";
import { sendDraft, type Answer } from "./send-draft";

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
/** A 429's countdown: the RetryCountdown calls `resume` when it ends. */
type Waiting = { seconds: number; resume: () => void };

type Options = {
  recipe: Recipe;
  /** How "More results" pages, worked out on the server; null: it does not. */
  paging: RecipePaging | null;
  role: "viewer" | "editor";
  /** The form's values from a link. */
  given: FormValues;
  /** A link asked for this read to run on arrival. */
  autorun: boolean;
};

const ok = (answer: Answer) => answer.response.status >= 200 && answer.response.status < 300;
const DEFAULT_RETRY_SECONDS = 5;
/** How long typing must pause before the record a lookup finds is read for the form. */
const PREVIEW_AFTER_MS = 400;
/** The key of form errors that belong to no one field. */
const FORM_ERROR = "__form";

/** The record a lookup finds while the form is filled in: its choices (a job's statuses) and words for it. */
export type Preview = { key: string; status: "reading" | "found" | "not-found"; record: RecordItem | null; text: string | null };

export function useRecipeRun({ recipe, paging: recipePaging, role, given, autorun }: Options) {
  const paging = recipePaging?.paging ?? null;
  const [values, setValues] = useState<FormValues>(() => initialValues(recipeFields(recipe), given));
  const [preview, setPreview] = useState<Preview | null>(null);
  const account = useAccount();
  const { need } = account;
  const usesAccount = recipe.fields.some((field) => field.choices) || recipe.result.columns.some((column) => column.format === "person");
  useEffect(() => {
    if (usesAccount) need();
  }, [usesAccount, need]);
  const lookupAs = recipe.lookup?.as;
  const fields = useMemo(() => {
    const scope: Scope = { ...scopeFor(recipe, values), ...(lookupAs && preview?.record ? { [lookupAs]: preview.record } : {}) };
    return recipeFields(recipe, (field) => (account.status === "failed" && !account.account ? null : account.account ? fieldChoices(field, account.account, scope) : []));
  }, [recipe, values, preview, lookupAs, account.status, account.account]);
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

  // The record the lookup finds is read as soon as its fields are filled (a pause in typing), so the
  // form can offer what depends on it (a job's statuses) and say which record it is.
  const previewed = Boolean(recipe.lookup && (recipe.lookup.describe || recipe.fields.some((field) => field.within?.split(".")[0] === lookupAs)));
  const inputs = useMemo(() => lookupInputs(recipe), [recipe]);
  const previewKey = previewed && inputs.every((name) => (values[name] ?? "").trim()) ? inputs.map((name) => values[name]!.trim()).join("\n") : null;
  useEffect(() => {
    if (!previewKey || !recipe.lookup) return;
    const lookup = recipe.lookup;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setPreview({ key: previewKey, status: "reading", record: null, text: null });
      const scope = scopeFor(recipe, values);
      void sendDraft(buildDraft(lookup.request, scope), abort.signal).then(
        (answer) => {
          const record = ok(answer) ? firstRecord(answer.body) : null;
          const text = record ? (lookup.describe ? fillText(lookup.describe, { ...scope, [lookup.as]: record }) : null) : fillText(lookup.notFound, scope);
          setPreview({ key: previewKey, status: record ? "found" : "not-found", record, text });
        },
        () => {},
      );
    }, PREVIEW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key says when the lookup's inputs changed
  }, [previewKey]);
  const shownPreview = preview && preview.key === previewKey ? preview : null;

  async function run() {
    const found = validateForm(fields, values);
    const missing = atLeastOneMissing(recipe, values);
    if (missing) found[FORM_ERROR] = missing;
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
        const confirmed = await confirmWrite.confirm(recipeConfirmation(recipe, scope, values, fields));
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

  /** "Download all": every page of this result into one CSV with the recipe's columns; null for one record or a write. */
  const startExport =
    result !== null && paging !== null
      ? (options: Pick<ExportOptions, "signal" | "onProgress">): Promise<ExportOutcome> => {
          const pages = exportPaging(paging, recipe.request.upstream);
          return exportAll({
            ...options,
            paging: pages,
            fetchPage: proxyPages(recipeDraft(recipe, result.scope), pages),
            recordsIn: (body) => recordsIn(recipe, body),
            columns: recipe.result.columns.map((column) => column.label),
            toRow: (record) => csvRows(recipe, [record], account.people)[0]!,
          });
        }
      : null;

  const moreAvailable =
    result !== null && hasMore(paging, { loaded: result.records.length, total: result.total, lastPageSize: result.lastPageSize, nextCursor: result.nextCursor });

  return {
    fields,
    values,
    // A status chosen for one workflow means nothing in another: changing the workflow clears it.
    setValue: (name: string, value: string) =>
      setValues((current) => {
        const next = { ...current, [name]: value };
        for (const field of recipe.fields) if (field.within === name) next[field.name] = "";
        return next;
      }),
    preview: shownPreview,
    account,
    startExport,
    errors,
    write,
    blocked,
    busy,
    loadingMore,
    waiting,
    result,
    moreAvailable,
    empty,
    failure,
    showProblem,
    toggleProblem: () => setShowProblem((shown) => !shown),
    note,
    exchanges,
    run,
    more,
    cancel: () => controller.current?.abort(),
    confirmDialog: confirmWrite.dialog,
  };
}
