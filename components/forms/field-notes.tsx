// A form field's help line and its error, and the aria-describedby that ties them to its input: the same in every form
// (the catalogue and recipe forms, the keys form). Ids are `${id}-help` and `${id}-error`.

/** What the input's aria-describedby names: its help, then its error; undefined when it has neither. */
export function describedBy(id: string, help: string | undefined, error: string | undefined): string | undefined {
  return [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldNotes({ id, help, error }: { id: string; help?: string; error?: string }) {
  return (
    <>
      {help ? (
        <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}
