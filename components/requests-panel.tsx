"use client";
// History of sent requests and saved requests, both kept in this browser only:
// searchable, re-openable, clearable; saved ones export to and import from a JSON file.
import { useMemo, useRef, useState } from "react";
import { clearHistory, draftOf, searchHistory, type HistoryEntry } from "@/lib/workspace/history";
import type { RequestDraft } from "@/lib/request/request-model";
import { deleteSaved, exportSaved, importSaved, mergeSaved, type SavedRequest } from "@/lib/workspace/saved";

type Props = {
  history: HistoryEntry[];
  saved: SavedRequest[];
  onOpen: (draft: RequestDraft) => void;
  onHistoryChange: (entries: HistoryEntry[]) => void;
  onSavedChange: (list: SavedRequest[]) => void;
};

const tabClass = (on: boolean) => `rounded px-2 py-1 text-sm ${on ? "bg-slate-200 font-semibold dark:bg-slate-800" : ""}`;

export function RequestsPanel({ history, saved, onOpen, onHistoryChange, onSavedChange }: Props) {
  const [tab, setTab] = useState<"history" | "saved">("history");
  const [search, setSearch] = useState("");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const found = useMemo(() => searchHistory(history, search), [history, search]);

  function exportFile() {
    const url = URL.createObjectURL(new Blob([exportSaved(saved)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "jobnimbus-console-saved-requests.json";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function importFile(selected: File | undefined) {
    if (!selected) return;
    const result = importSaved(await selected.text());
    if (file.current) file.current.value = "";
    if (!result.ok) {
      setMessage({ kind: "error", text: result.error });
      return;
    }
    const list = mergeSaved(window.localStorage, result.requests);
    if (!list) {
      setMessage({ kind: "error", text: "This browser's storage is full; delete some saved requests first." });
      return;
    }
    onSavedChange(list);
    setMessage({ kind: "ok", text: [`Imported ${result.requests.length} request${result.requests.length === 1 ? "" : "s"}.`, ...result.warnings].join(" ") });
  }

  return (
    <section aria-labelledby="requests-heading" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="requests-heading" className="font-semibold">
        Requests
      </h2>
      <div role="tablist" aria-label="History or saved requests" className="flex gap-1">
        <button type="button" role="tab" aria-selected={tab === "history"} className={tabClass(tab === "history")} onClick={() => setTab("history")}>
          History ({history.length})
        </button>
        <button type="button" role="tab" aria-selected={tab === "saved"} className={tabClass(tab === "saved")} onClick={() => setTab("saved")}>
          Saved ({saved.length})
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">Kept in this browser only: requests, never keys or answers.</p>
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={`text-xs ${message.kind === "error" ? "text-red-700 dark:text-red-300" : "text-green-700 dark:text-green-400"}`}>
          {message.text}
        </p>
      ) : null}
      {tab === "history" ? (
        <div role="tabpanel" className="flex flex-col gap-2">
          <label className="sr-only" htmlFor="history-search">
            Search history
          </label>
          <input id="history-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search: path, method, status" className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950" />
          <ul className="flex max-h-80 flex-col gap-1 overflow-auto" data-testid="history-list">
            {found.map((entry) => (
              <li key={entry.id}>
                <button type="button" onClick={() => onOpen(draftOf(entry))} className="flex w-full items-baseline gap-2 rounded px-1 py-0.5 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800">
                  <span className="w-12 shrink-0 font-mono font-semibold">{entry.method}</span>
                  <span className="min-w-0 flex-1 truncate font-mono">{entry.path}</span>
                  <span className={entry.status >= 200 && entry.status < 300 ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-300"}>{entry.status || "—"}</span>
                </button>
              </li>
            ))}
          </ul>
          {history.length === 0 ? <p className="text-xs text-slate-500 dark:text-slate-400">Requests you send appear here.</p> : null}
          {history.length > 0 ? (
            <button
              type="button"
              className="self-start text-xs text-red-700 underline dark:text-red-300"
              onClick={() => {
                if (!window.confirm("Clear the request history in this browser?")) return;
                clearHistory(window.localStorage);
                onHistoryChange([]);
              }}
            >
              Clear history
            </button>
          ) : null}
        </div>
      ) : (
        <div role="tabpanel" className="flex flex-col gap-2">
          <ul className="flex max-h-80 flex-col gap-1 overflow-auto" data-testid="saved-list">
            {saved.map((item) => (
              <li key={item.id} className="flex items-center gap-2 text-xs">
                <button type="button" onClick={() => onOpen(item.draft)} className="min-w-0 flex-1 truncate rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800">
                  <span className="font-medium">{item.name}</span> <span className="font-mono text-slate-500 dark:text-slate-400">{item.draft.method}</span>
                </button>
                <button type="button" aria-label={`Delete saved request ${item.name}`} className="text-red-700 dark:text-red-300" onClick={() => onSavedChange(deleteSaved(window.localStorage, item.id))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          {saved.length === 0 ? <p className="text-xs text-slate-500 dark:text-slate-400">Use “Save” above the answer to keep a request here.</p> : null}
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={saved.length === 0} onClick={exportFile} className="rounded border border-slate-300 px-2 py-0.5 text-xs disabled:opacity-50 dark:border-slate-700">
              Export
            </button>
            <label className="cursor-pointer rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700">
              Import…
              <input ref={file} type="file" accept="application/json,.json" className="sr-only" onChange={(e) => void importFile(e.target.files?.[0])} />
            </label>
          </div>
        </div>
      )}
    </section>
  );
}
