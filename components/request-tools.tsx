"use client";
// Copy as cURL / fetch / Python (with $JOBNIMBUS_API_KEY and the real JobNimbus URL),
// a share link that carries the request but nothing secret, and "Save" by name.
// Snippets and share links are made by code that loads on the first click, not with the page.
import { useState } from "react";
import type { RequestDraft, UpstreamBases } from "@/lib/request/request-model";
import { saveRequest } from "@/lib/workspace/saved";
import type { ShareLinkResult } from "@/lib/request/share-link";

type Shown = { title: string; text: string } | null;

const SNIPPETS = [
  { id: "curl", label: "cURL", make: "toCurl" },
  { id: "fetch", label: "JavaScript fetch", make: "toFetch" },
  { id: "python", label: "Python requests", make: "toPythonRequests" },
] as const;

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

type Props = { draft: RequestDraft; bases: UpstreamBases; onSaved: () => void };

export function RequestTools({ draft, bases, onSaved }: Props) {
  const [shown, setShown] = useState<Shown>(null);
  const [note, setNote] = useState<string | null>(null);

  async function show(title: string, text: string) {
    const copied = await copy(text);
    setShown({ title, text });
    setNote(copied ? `${title} copied to the clipboard.` : `Select the ${title.toLowerCase()} below and copy it.`);
  }

  /** Runs `action` once its code has loaded; says so when the code cannot be loaded (offline, a new deploy). */
  function withCode<T>(load: Promise<T>, action: (code: T) => unknown) {
    load.then(action, () => {
      setShown(null);
      setNote("That part of the console could not be loaded. Check the connection, or reload the page.");
    });
  }

  function snippet({ label, make }: (typeof SNIPPETS)[number]) {
    withCode(import("@/lib/request/snippets"), (snippets) => show(label, snippets[make](draft, bases)));
  }

  function share() {
    withCode(import("@/lib/request/share-link"), ({ encodeShareLink }) => shareLink(encodeShareLink(draft, window.location.origin)));
  }

  function shareLink(link: ShareLinkResult) {
    if (!link.ok) {
      setShown(null);
      setNote(link.reason);
      return;
    }
    void show("Share link", link.url);
  }

  function save() {
    const name = window.prompt("Name this request (saved in this browser):", `${draft.method} ${draft.path}`);
    if (name === null) return;
    const result = saveRequest(window.localStorage, name, draft);
    setNote(result.ok ? `Saved as "${result.saved.name}".` : result.error);
    if (result.ok) onSaved();
  }

  const button = "rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        <details className="relative">
          <summary className={`cursor-pointer ${button}`}>Copy as…</summary>
          <div className="absolute right-0 z-20 mt-1 flex w-48 flex-col rounded-md border border-slate-300 bg-white p-1 shadow dark:border-slate-700 dark:bg-slate-900">
            {SNIPPETS.map((item) => (
              <button key={item.id} type="button" className="rounded px-2 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => snippet(item)}>
                {item.label}
              </button>
            ))}
          </div>
        </details>
        <button type="button" className={button} onClick={share}>
          Share link
        </button>
        <button type="button" className={button} onClick={save}>
          Save
        </button>
      </div>
      {note ? (
        <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {note}
        </p>
      ) : null}
      {shown ? (
        <div className="w-full">
          <label className="flex flex-col gap-1 text-xs font-medium">
            {shown.title}
            <textarea readOnly value={shown.text} rows={Math.min(12, shown.text.split("\n").length + 1)} data-testid="snippet" className="w-full rounded border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="mt-1 text-xs underline" onClick={() => setShown(null)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
