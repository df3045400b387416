"use client";
// Runs one recipe: its form, the result in the recipe's words, a 429 countdown, failures with their
// Problem Details one click away, and the raw requests and answers behind a "details" toggle.
// The run itself (look-up → confirmation → request → "More results") is useRecipeRun's.
import { useId } from "react";
import { encodeShareLink } from "@/lib/request/share-link";
import { upstreamUrl, type UpstreamBases } from "@/lib/request/request-model";
import type { FormValues } from "@/lib/forms/fields";
import type { RecipePaging } from "@/lib/recipes/paging";
import type { Recipe } from "@/lib/recipes/schema";
import { RefreshChoices } from "@/components/account-choices";
import { FieldInput } from "@/components/forms/field-input";
import { FormErrorList } from "@/components/forms/form-errors";
import { ProblemDetailsView } from "@/components/problem-details-view";
import { ResponseViewer } from "@/components/response/response-viewer";
import { RetryCountdown } from "@/components/response/retry-countdown";
import { RecipeResults } from "./recipe-results";
import { useRecipeRun } from "./use-recipe-run";

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

export function RecipeRunner({ recipe, paging: recipePaging, role, hasKey, bases, given, autorun }: Props) {
  const {
    fields,
    values,
    setValue,
    errors,
    write,
    blocked,
    busy,
    cancel,
    waiting,
    note,
    failure,
    showProblem,
    toggleProblem,
    empty,
    result,
    moreAvailable,
    loadingMore,
    exchanges,
    run,
    more,
    confirmDialog,
    preview,
    account,
    startExport,
  } = useRecipeRun({ recipe, paging: recipePaging, role, given, autorun });
  const choicesFromAccount = recipe.fields.some((field) => field.choices);
  const headingId = useId();

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
                  onChange={(value) => setValue(field.name, value)}
                />
              </div>
            ))}
          </div>
          {preview ? (
            <p role="status" data-testid="recipe-preview" className={`text-sm ${preview.status === "not-found" ? "text-red-700 dark:text-red-300" : "text-slate-700 dark:text-slate-300"}`}>
              {preview.status === "reading" ? "Looking it up…" : preview.text}
            </p>
          ) : null}
          {choicesFromAccount ? <RefreshChoices account={account} /> : null}
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
          <button type="button" onClick={cancel} className="rounded-md border border-slate-400 px-3 py-1 text-sm dark:border-slate-500">
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
            <button type="button" aria-expanded={showProblem} onClick={toggleProblem} className="self-start text-sm underline">
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
            more={moreAvailable}
            loadingMore={loadingMore}
            onMore={() => void more()}
            people={account.people}
            startExport={startExport}
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
      {confirmDialog}
    </section>
  );
}
