"use client";
// Compose one request: API, method, path (with {id} parameters as fields), query and header
// rows kept in sync with the path field, a JSON body, and "Act as" on the legacy API. Ctrl/Cmd+Enter sends.
import dynamic from "next/dynamic";
import { useEffect, useState, type KeyboardEvent } from "react";
import type { Progress } from "@/lib/console-api/proxy-call";
import { checkJson } from "@/lib/json/check";
import {
  displayPath,
  hasBody,
  METHODS,
  pathParamNames,
  refusedHeaderReason,
  resolvePath,
  splitPathInput,
  type Method,
  type RequestDraft,
  type Upstream,
} from "@/lib/request/request-model";
import { confirmationForDraft, useConfirmWrite } from "@/components/confirm-write-dialog";
import { ActAsField, type FixedActor } from "./act-as-field";
import { RowsEditor } from "./rows-editor";

const JsonEditor = dynamic(() => import("./json-editor").then((m) => m.JsonEditor), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500 dark:text-slate-400">Loading the editor…</p>,
});

type Tab = "params" | "headers" | "body";

type Props = {
  draft: RequestDraft;
  onChange: (draft: RequestDraft) => void;
  role: "viewer" | "editor";
  hasKey: boolean;
  /** Set when the key in use is a shared one that acts as the signed-in person. */
  fixedActor?: FixedActor | null;
  progress: Progress | null;
  /** The draft was opened from a share link: its write confirmation says so. */
  fromLink?: boolean;
  onSend: () => void;
  onCancel: () => void;
};

function useElapsed(progress: Progress | null): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!progress) return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [progress]);
  return progress ? Math.max(0, now - progress.startedAt) : 0;
}

export function RequestComposer({ draft, onChange, role, hasKey, fixedActor = null, progress, fromLink = false, onSend, onCancel }: Props) {
  const [tab, setTab] = useState<Tab>("params");
  const [pathText, setPathText] = useState(displayPath(draft));
  const [editingPath, setEditingPath] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const elapsed = useElapsed(progress);
  const confirmWrite = useConfirmWrite();
  const shownPath = editingPath ? pathText : displayPath(draft);
  const params = pathParamNames(draft.path);
  const bodyAllowed = hasBody(draft.method);
  const activeTab: Tab = tab === "body" && !bodyAllowed ? "params" : tab;
  const set = (patch: Partial<RequestDraft>) => onChange({ ...draft, ...patch });

  function onPathInput(text: string) {
    setPathText(text);
    const { path, query } = splitPathInput(text);
    set({ path, query: query ?? draft.query.filter((row) => !row.enabled) });
  }

  function trySend() {
    setHint(null);
    if (progress) return;
    const resolved = resolvePath(draft);
    if (!resolved.ok) {
      setHint(`Fill in the path parameter${resolved.missing.length > 1 ? "s" : ""}: ${resolved.missing.join(", ")}.`);
      return;
    }
    if (!draft.path.trim()) {
      setHint("Type a path first, for example contacts on the legacy API.");
      return;
    }
    if (role === "viewer" && draft.method !== "GET") {
      setHint("Your role is viewer: only GET requests can be sent.");
      return;
    }
    if (bodyAllowed && draft.body.trim()) {
      const check = checkJson(draft.body);
      if (!check.ok && !window.confirm(`The body is not valid JSON (line ${check.line}, column ${check.column}: ${check.message}). Send it anyway?`)) return;
    }
    if (draft.method !== "GET") {
      // Every write is confirmed in words first; a DELETE also needs the record's number or name typed in.
      void confirmationForDraft(draft, { fromLink }).then(confirmWrite.confirm).then((confirmed) => confirmed && onSend());
      return;
    }
    onSend();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      trySend();
    }
  }

  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={activeTab === id}
      aria-controls={`panel-${id}`}
      onClick={() => setTab(id)}
      className={`rounded-t px-3 py-1.5 text-sm ${activeTab === id ? "border-b-2 border-blue-700 font-semibold dark:border-blue-400" : "text-slate-600 dark:text-slate-400"}`}
    >
      {label}
    </button>
  );
  const enabledCount = (rows: RequestDraft["query"]) => rows.filter((r) => r.enabled && r.name).length;

  return (
    <section aria-label="Compose a request" onKeyDown={onKeyDown} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      {!hasKey ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950" role="status" data-testid="needs-key">
          Add an API key first: in JobNimbus open <strong>Settings &gt; API Keys</strong>, copy a key and paste it in the keys panel.
        </p>
      ) : null}
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          trySend();
        }}
      >
        <label className="sr-only" htmlFor="upstream">API</label>
        <select id="upstream" value={draft.upstream} onChange={(e) => set({ upstream: e.target.value as Upstream })} className="rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950">
          <option value="platform">Platform API</option>
          <option value="legacy">Legacy API</option>
        </select>
        <label className="sr-only" htmlFor="method">Method</label>
        <select id="method" value={draft.method} onChange={(e) => set({ method: e.target.value as Method })} className="rounded-md border border-slate-300 px-2 py-1.5 font-mono dark:border-slate-700 dark:bg-slate-950">
          {METHODS.map((m) => (
            <option key={m} value={m} disabled={role === "viewer" && m !== "GET"}>
              {m}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="path">Path</label>
        <input
          id="path"
          value={shownPath}
          onFocus={() => {
            setPathText(displayPath(draft));
            setEditingPath(true);
          }}
          onBlur={() => setEditingPath(false)}
          onChange={(e) => onPathInput(e.target.value)}
          placeholder="contacts/{jnid}"
          spellCheck={false}
          autoComplete="off"
          className="min-w-0 flex-1 basis-64 rounded-md border border-slate-300 px-2 py-1.5 font-mono dark:border-slate-700 dark:bg-slate-950"
        />
        {/* Distinct keys: reusing one <button> would turn Cancel into a submit button mid-click, so Cancel re-sent. */}
        {progress ? (
          <button key="cancel" type="button" onClick={onCancel} className="rounded-md border border-slate-400 px-4 py-1.5 font-medium dark:border-slate-500">
            Cancel
          </button>
        ) : (
          <button key="send" type="submit" className="rounded-md bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800" title="Send (Ctrl+Enter)">
            Send
          </button>
        )}
      </form>
      {progress ? (
        <p role="status" data-testid="sending" className="text-sm text-slate-600 dark:text-slate-400">
          Waiting for JobNimbus… {(elapsed / 1000).toFixed(1)} s
          {progress.bytes > 0 ? ` · ${progress.bytes.toLocaleString()}${progress.total ? ` of ${progress.total.toLocaleString()}` : ""} bytes received` : ""}
        </p>
      ) : null}
      {hint ? (
        <p role="alert" data-testid="composer-hint" className="text-sm text-red-700 dark:text-red-300">
          {hint}
        </p>
      ) : null}
      {role === "viewer" ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">Your role is viewer: you can read (GET) but not change data. Ask whoever runs the console for the editor role.</p>
      ) : null}
      {draft.upstream === "legacy" ? <ActAsField query={draft.query} onChange={(query) => set({ query })} fixed={fixedActor} /> : null}
      {params.length > 0 ? (
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 text-sm font-medium">Path parameters</legend>
          {params.map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm">
              <span className="font-mono">{name}</span>
              <input
                value={draft.pathParams[name] ?? ""}
                onChange={(e) => set({ pathParams: { ...draft.pathParams, [name]: e.target.value } })}
                spellCheck={false}
                className="rounded border border-slate-300 px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-950"
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-2 border-b border-slate-200 dark:border-slate-800">
        <div role="tablist" aria-label="Request parts" className="flex gap-1">
          {tabButton("params", `Params (${enabledCount(draft.query)})`)}
          {tabButton("headers", `Headers (${enabledCount(draft.headers)})`)}
          {bodyAllowed ? tabButton("body", "Body") : null}
        </div>
      </div>
      {confirmWrite.dialog}
      <div role="tabpanel" id={`panel-${activeTab}`} aria-labelledby={`tab-${activeTab}`}>
        {activeTab === "params" ? <RowsEditor label="Query parameters" rows={draft.query} onChange={(query) => set({ query })} /> : null}
        {activeTab === "headers" ? (
          <RowsEditor label="Headers" rows={draft.headers} onChange={(headers) => set({ headers })} refuse={refusedHeaderReason} namePlaceholder="Accept" />
        ) : null}
        {activeTab === "body" ? <JsonEditor value={draft.body} onChange={(body) => set({ body })} /> : null}
      </div>
    </section>
  );
}
