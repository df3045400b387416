"use client";
// Editable name/value rows with on/off toggles, used for query parameters and headers.
// `refuse` explains, on the row itself, why a row will not be sent.
import { newRow, type Row } from "@/lib/request/request-model";

type Props = {
  label: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  refuse?: (name: string) => string | null;
  namePlaceholder?: string;
};

export function RowsEditor({ label, rows, onChange, refuse, namePlaceholder = "name" }: Props) {
  const update = (id: string, patch: Partial<Row>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="sr-only">{label}</legend>
      {rows.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No {label.toLowerCase()} yet.</p> : null}
      {rows.map((row, index) => {
        const reason = refuse?.(row.name) ?? null;
        return (
          <div key={row.id} className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <input
                type="checkbox"
                checked={row.enabled}
                onChange={(event) => update(row.id, { enabled: event.target.checked })}
                aria-label={`Send ${label.toLowerCase()} row ${index + 1}`}
                className="h-4 w-4"
              />
              <input
                value={row.name}
                onChange={(event) => update(row.id, { name: event.target.value })}
                placeholder={namePlaceholder}
                aria-label={`${label} ${index + 1} name`}
                aria-invalid={reason ? true : undefined}
                spellCheck={false}
                className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-950"
              />
              <input
                value={row.value}
                onChange={(event) => update(row.id, { value: event.target.value })}
                placeholder="value"
                aria-label={`${label} ${index + 1} value`}
                spellCheck={false}
                className="min-w-0 flex-[2] rounded border border-slate-300 px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-950"
              />
              <button
                type="button"
                onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                aria-label={`Remove ${label.toLowerCase()} row ${index + 1}`}
                className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              >
                ✕
              </button>
            </div>
            {reason ? (
              <p role="alert" className="pl-6 text-xs text-red-700 dark:text-red-300">
                Not sent: {reason}
              </p>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...rows, newRow()])}
        className="self-start rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Add {label === "Headers" ? "header" : "parameter"}
      </button>
    </fieldset>
  );
}
