"use client";
// The JSON body editor: a textarea over a coloured copy of its text, live validation with
// line and column, format and minify. Loaded lazily (next/dynamic) the first time a body is needed.
import { useMemo, useRef } from "react";
import { checkJson, formatJson, minifyJson, tokenizeJson, type JsonToken } from "@/lib/json/check";

const COLOURS: Record<JsonToken["kind"], string> = {
  key: "text-sky-700 dark:text-sky-300",
  string: "text-emerald-700 dark:text-emerald-300",
  number: "text-amber-700 dark:text-amber-300",
  literal: "text-fuchsia-700 dark:text-fuchsia-300",
  punct: "text-slate-500 dark:text-slate-400",
  space: "",
  other: "text-red-700 dark:text-red-400",
};

type Props = { value: string; onChange: (value: string) => void; id?: string };

export function JsonEditor({ value, onChange, id = "json-body" }: Props) {
  const overlay = useRef<HTMLPreElement>(null);
  const check = useMemo(() => (value.trim() ? checkJson(value) : null), [value]);
  const tokens = useMemo(() => tokenizeJson(value), [value]);

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2 text-sm">
        <label htmlFor={id} className="font-medium">
          JSON body
        </label>
        <div className="flex gap-2">
          <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600" onClick={() => { const f = formatJson(value); if (f !== null) onChange(f); }} disabled={!check?.ok}>
            Format
          </button>
          <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600" onClick={() => { const m = minifyJson(value); if (m !== null) onChange(m); }} disabled={!check?.ok}>
            Minify
          </button>
        </div>
      </div>
      <div className="relative h-56 overflow-hidden rounded-md border border-slate-300 bg-white font-mono text-sm dark:border-slate-700 dark:bg-slate-950">
        <pre ref={overlay} aria-hidden="true" className="pointer-events-none absolute inset-0 m-0 overflow-hidden p-2 whitespace-pre">
          {tokens.map((token, index) => (
            <span key={index} className={COLOURS[token.kind]}>
              {token.text}
            </span>
          ))}
          {"\n"}
        </pre>
        <textarea
          id={id}
          value={value}
          spellCheck={false}
          wrap="off"
          aria-describedby={`${id}-status`}
          aria-invalid={check ? !check.ok : undefined}
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (overlay.current) {
              overlay.current.scrollTop = event.currentTarget.scrollTop;
              overlay.current.scrollLeft = event.currentTarget.scrollLeft;
            }
          }}
          className="absolute inset-0 h-full w-full resize-none overflow-auto bg-transparent p-2 whitespace-pre text-transparent caret-slate-900 outline-none selection:bg-sky-200 selection:text-slate-900 dark:caret-slate-100"
        />
      </div>
      <p id={`${id}-status`} role="status" className={`text-xs ${check && !check.ok ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}`}>
        {check === null ? "Empty body." : check.ok ? "Valid JSON." : `Invalid JSON at line ${check.line}, column ${check.column}: ${check.message}`}
      </p>
    </div>
  );
}
