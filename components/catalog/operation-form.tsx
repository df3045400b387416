"use client";
// The form for one catalogue operation: its path, query, header and body parameters as fields,
// kept in step with the composer below, checked before sending; writes are confirmed first.
import { useState } from "react";
import type { RequestDraft } from "@/lib/request/request-model";
import { initialValues, validateForm, type FormErrors, type FormValues } from "@/lib/forms/fields";
import { draftFor, type CatalogField, type CatalogOperation, type FieldLocation } from "@/lib/catalog/catalog";
import { confirmationForDraft, useConfirmWrite } from "@/components/confirm-write-dialog";
import { FieldInput } from "@/components/forms/field-input";
import { FormErrorList } from "@/components/forms/form-errors";

type Props = {
  operation: CatalogOperation;
  role: "viewer" | "editor";
  sending: boolean;
  onDraft: (draft: RequestDraft) => void;
  onSend: (draft: RequestDraft) => void;
  onClose: () => void;
};

const GROUPS: [FieldLocation, string][] = [
  ["path", "Path parameters"],
  ["query", "Query parameters"],
  ["header", "Headers"],
  ["body", "Body"],
];

/** Where the operation's description comes from, as the document says (x-console-source). */
function OperationSources({ sources }: { sources: string[] }) {
  if (sources.length === 0) return <p data-testid="operation-sources" className="text-xs text-slate-600 dark:text-slate-400">The OpenAPI document does not say where this description comes from.</p>;
  return (
    <div data-testid="operation-sources" className="text-xs text-slate-600 dark:text-slate-400">
      <p>Described from:</p>
      <ul className="list-disc pl-5">
        {sources.map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ul>
    </div>
  );
}

export function OperationForm({ operation, role, sending, onDraft, onSend, onClose }: Props) {
  const [values, setValues] = useState<FormValues>(() => initialValues(operation.fields));
  const [errors, setErrors] = useState<FormErrors>({});
  const confirmWrite = useConfirmWrite();
  const write = operation.method !== "GET";
  const blocked = write && role === "viewer";

  function change(field: CatalogField, value: string) {
    const next = { ...values, [field.name]: value };
    setValues(next);
    if (errors[field.name]) {
      setErrors((current) => {
        const next = { ...current };
        delete next[field.name];
        return next;
      });
    }
    onDraft(draftFor(operation, next));
  }

  async function send() {
    const found = validateForm(operation.fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0 || blocked) return;
    const draft = draftFor(operation, values);
    onDraft(draft);
    if (write && !(await confirmWrite.confirm(await confirmationForDraft(draft)))) return;
    onSend(draft);
  }

  const errorList = Object.values(errors);
  return (
    <section aria-labelledby="operation-heading" data-testid="operation-form" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <h2 id="operation-heading" className="font-semibold">
            <span className="font-mono">{operation.method}</span> {operation.summary}
          </h2>
          <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
            {operation.upstream === "legacy" ? "Legacy API" : "Platform API"} · {operation.docPath}
          </p>
          {operation.description ? <p className="text-sm text-slate-700 dark:text-slate-300">{operation.description}</p> : null}
          {operation.deprecated ? <p className="text-sm text-amber-800 dark:text-amber-300">The document marks this operation as deprecated.</p> : null}
          <OperationSources sources={operation.sources} />
        </div>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm underline">
          Close the form
        </button>
      </div>
      {blocked ? (
        <p data-testid="viewer-note" className="rounded-md bg-amber-50 p-2 text-sm dark:bg-amber-950">
          Viewers can only read: this operation changes data, so only editors can send it.
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
        className="flex flex-col gap-3"
      >
        <fieldset disabled={blocked} className="flex flex-col gap-3">
          <legend className="sr-only">Parameters</legend>
          <FormErrorList errors={errorList} testId="operation-errors" />
          {operation.fields.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">This operation takes no parameters.</p> : null}
          {GROUPS.map(([location, title]) => {
            const fields = operation.fields.filter((field) => field.in === location);
            if (fields.length === 0) return null;
            return (
              <fieldset key={location} className="flex flex-col gap-2">
                <legend className="mb-1 text-sm font-semibold">{title}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  {fields.map((field) => (
                    <div key={field.name} className={field.kind === "json" ? "sm:col-span-2" : undefined}>
                      <FieldInput field={field} idPrefix="operation" value={values[field.name] ?? ""} error={errors[field.name]} onChange={(value) => change(field, value)} />
                    </div>
                  ))}
                </div>
              </fieldset>
            );
          })}
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={sending} className="rounded-md bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
              {write ? "Check and send…" : "Check and send"}
            </button>
            <span className="text-xs text-slate-600 dark:text-slate-400">Changes here fill the composer below.</span>
          </div>
        </fieldset>
      </form>
      {confirmWrite.dialog}
    </section>
  );
}
