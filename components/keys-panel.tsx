"use client";
// Add, list, activate and delete API keys. The key field is cleared once saved; the
// server only ever returns label, last four characters and dates.
import { useState, type FormEvent } from "react";
import { consoleFetch } from "@/lib/console-api/console-fetch";

export type KeySummary = { id: string; label: string; last4: string; createdAt: string; active: boolean; expiresAt: string };

type Props = { keys: KeySummary[] | null; error: string | null; onChange: () => Promise<void> };

async function problemDetail(res: Response): Promise<string> {
  // The problem parser (and its schema library) loads only when there is a problem to read.
  const body: unknown = await res.json().catch(() => null);
  const problem = await import("@/lib/problems/problem").then(({ parseProblem }) => parseProblem(body), () => null);
  return problem?.detail ?? `The console answered ${res.status}.`;
}

export function KeysPanel({ keys, error, onChange }: Props) {
  const [label, setLabel] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const res = await consoleFetch("/api/keys", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ label, apiKey }),
    });
    setBusy(false);
    if (res.status === 201) {
      setApiKey("");
      setLabel("");
      setMessage({ kind: "ok", text: "Key saved. It is now your active key." });
      await onChange();
      return;
    }
    setMessage({ kind: "error", text: await problemDetail(res) });
  }

  async function activate(id: string) {
    const res = await consoleFetch(`/api/keys/${encodeURIComponent(id)}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ active: true }),
    });
    if (!res.ok) setMessage({ kind: "error", text: await problemDetail(res) });
    await onChange();
  }

  async function remove(key: KeySummary) {
    if (!window.confirm(`Delete the key "${key.label}" (…${key.last4})? You would have to paste it again to use it.`)) return;
    const res = await consoleFetch(`/api/keys/${encodeURIComponent(key.id)}`, { method: "DELETE" });
    if (!res.ok) setMessage({ kind: "error", text: await problemDetail(res) });
    await onChange();
  }

  return (
    <aside aria-labelledby="keys-heading" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="keys-heading" className="font-semibold">
        API keys
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Keys are stored encrypted on the server side and never shown again. They are forgotten when you sign out or after they expire.
      </p>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
      {keys && keys.length === 0 ? (
        <p className="rounded-md bg-blue-50 p-3 text-sm dark:bg-blue-950" data-testid="no-keys">
          No key yet. In JobNimbus, open <strong>Settings &gt; API Keys</strong>, copy a key, and paste it below.
        </p>
      ) : null}
      {keys && keys.length > 0 ? (
        <ul className="flex flex-col gap-2" data-testid="key-list">
          {keys.map((key) => (
            <li key={key.id} className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium">{key.label}</span>
                <span className="font-mono text-slate-600 dark:text-slate-400">…{key.last4}</span>
              </div>
              <div className="text-xs text-slate-500 dark:text-slate-400">
                Added {new Date(key.createdAt).toLocaleString()} · expires {new Date(key.expiresAt).toLocaleString()}
              </div>
              <div className="mt-1 flex gap-2">
                {key.active ? (
                  <span className="text-xs font-semibold text-green-700 dark:text-green-400">Active</span>
                ) : (
                  <button type="button" className="text-xs underline" onClick={() => void activate(key.id)}>
                    Use this key
                  </button>
                )}
                <button type="button" className="text-xs text-red-700 underline dark:text-red-300" onClick={() => void remove(key)}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={add} className="flex flex-col gap-2" aria-label="Add an API key">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Label
          <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Production" maxLength={60} className="rounded-md border border-slate-300 px-2 py-1 font-normal dark:border-slate-700 dark:bg-slate-950" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          API key
          <input value={apiKey} onChange={(e) => setApiKey(e.target.value)} type="password" autoComplete="off" spellCheck={false} className="rounded-md border border-slate-300 px-2 py-1 font-mono font-normal dark:border-slate-700 dark:bg-slate-950" />
        </label>
        {message ? (
          <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-red-700 dark:text-red-300" : "text-sm text-green-700 dark:text-green-400"}>
            {message.text}
          </p>
        ) : null}
        <button type="submit" disabled={busy} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {busy ? "Saving…" : "Save key"}
        </button>
      </form>
    </aside>
  );
}
