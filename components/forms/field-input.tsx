"use client";
// One labelled form field from lib/forms/fields: the right input for its kind (selects for
// choices, date pickers for dates), a required mark, help text and its error, all wired for ARIA.
import type { FormField } from "@/lib/forms/fields";
import { describedBy, FieldNotes } from "./field-notes";

type Props = {
  field: FormField;
  value: string;
  error?: string;
  disabled?: boolean;
  /** Prefix for element ids, so two forms on one page never share one. */
  idPrefix: string;
  onChange: (value: string) => void;
};

const INPUT = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950 aria-[invalid=true]:border-red-600";

export function FieldInput({ field, value, error, disabled, idPrefix, onChange }: Props) {
  const id = `${idPrefix}-${field.name.replace(/[^\w-]/g, "_")}`;
  const common = {
    id,
    name: field.name,
    disabled,
    required: field.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, field.help, error),
    className: INPUT,
  };

  let input;
  switch (field.kind) {
    case "select":
    case "boolean": {
      const options = field.kind === "boolean" ? [{ value: "true", label: "Yes" }, { value: "false", label: "No" }] : field.options ?? [];
      input = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.required ? "Choose…" : "(any)"}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    }
    case "textarea":
    case "json":
      input = (
        <textarea
          {...common}
          value={value}
          rows={field.kind === "json" ? 4 : 3}
          spellCheck={field.kind !== "json"}
          placeholder={field.placeholder}
          onChange={(e) => onChange(e.target.value)}
          className={`${INPUT} ${field.kind === "json" ? "font-mono" : ""}`}
        />
      );
      break;
    default: {
      const type =
        field.kind === "date" || field.kind === "unix-date"
          ? "date"
          : field.kind === "datetime"
            ? "datetime-local"
            : field.kind === "number" || field.kind === "integer"
              ? "number"
              : field.kind === "email"
                ? "email"
                : field.kind === "tel"
                  ? "tel"
                  : "text";
      input = (
        <input
          {...common}
          type={type}
          value={value}
          min={field.min}
          max={field.max}
          step={field.kind === "integer" ? 1 : field.kind === "number" ? "any" : undefined}
          placeholder={field.placeholder}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
  }

  return (
    <div className="flex flex-col gap-1" data-testid={`field-${field.name}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {field.label}
        {field.required ? (
          <span className="text-red-700 dark:text-red-300" aria-hidden="true">
            {" "}*
          </span>
        ) : null}
        {field.required ? <span className="sr-only"> (required)</span> : null}
      </label>
      {input}
      <FieldNotes id={id} help={field.help} error={error} />
    </div>
  );
}
