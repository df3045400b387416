"use client";
// Compose one request: upstream, method, path (with query) and a JSON body; send it through the proxy.
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { consoleFetch } from "@/lib/client/console-fetch";
import type { ViewedResponse } from "./response-viewer";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type Props = { role: "viewer" | "editor"; hasKey: boolean; onResponse: (response: ViewedResponse) => void };

export function RequestComposer({ role, hasKey, onResponse }: Props) {
  const [upstream, setUpstream] = useState<"platform" | "legacy">("platform");
  const [method, setMethod] = useState<Method>("GET");
  const [path, setPath] = useState("crm/v1/contacts?limit=10");
  const [body, setBody] = useState("");
  const [sending, setSending] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const hasBody = method === "POST" || method === "PUT" || method === "PATCH";

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (sending) return;
    if (method === "DELETE" && !window.confirm(`Send DELETE ${path}? This removes data in JobNimbus.`)) return;
    const controller = new AbortController();
    abort.current = controller;
    setSending(true);
    const started = performance.now();
    const cleanPath = path.trim().replace(/^\/+/, "");
    try {
      const res = await consoleFetch(`/api/proxy/${cleanPath}`, {
        method,
        signal: controller.signal,
        headers: { "x-console-upstream": upstream, ...(hasBody ? { "content-type": "application/json" } : {}) },
        body: hasBody ? body : undefined,
      });
      const text = await res.text();
      onResponse({
        status: res.status,
        statusText: res.statusText,
        headers: [...res.headers.entries()],
        body: text,
        durationMs: Math.round(performance.now() - started),
        request: { method, path: cleanPath, upstream },
      });
    } catch (error) {
      onResponse({
        status: 0,
        statusText: controller.signal.aborted ? "Cancelled" : "Network error",
        headers: [],
        body: controller.signal.aborted ? "You cancelled the request." : String(error),
        durationMs: Math.round(performance.now() - started),
        request: { method, path: cleanPath, upstream },
      });
    } finally {
      setSending(false);
      abort.current = null;
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form onSubmit={send} onKeyDown={onKeyDown} aria-label="Compose a request" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      {!hasKey ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950" role="status">
          Add an API key first (in JobNimbus: Settings &gt; API Keys); requests need one.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <label className="sr-only" htmlFor="upstream">API</label>
        <select id="upstream" value={upstream} onChange={(e) => setUpstream(e.target.value as "platform" | "legacy")} className="rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950">
          <option value="platform">Platform API</option>
          <option value="legacy">Legacy API</option>
        </select>
        <label className="sr-only" htmlFor="method">Method</label>
        <select id="method" value={method} onChange={(e) => setMethod(e.target.value as Method)} className="rounded-md border border-slate-300 px-2 py-1.5 font-mono dark:border-slate-700 dark:bg-slate-950">
          {METHODS.map((m) => (
            <option key={m} value={m} disabled={role === "viewer" && m !== "GET"}>
              {m}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="path">Path</label>
        <input id="path" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 font-mono dark:border-slate-700 dark:bg-slate-950" />
        {sending ? (
          <button type="button" onClick={() => abort.current?.abort()} className="rounded-md border border-slate-300 px-4 py-1.5 dark:border-slate-700">
            Cancel
          </button>
        ) : (
          <button type="submit" className="rounded-md bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800">
            Send
          </button>
        )}
      </div>
      {role === "viewer" ? <p className="text-xs text-slate-600 dark:text-slate-400">Your role is viewer: you can read (GET) but not change data.</p> : null}
      {hasBody ? (
        <label className="flex flex-col gap-1 text-sm font-medium">
          JSON body
          <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={8} spellCheck={false} className="rounded-md border border-slate-300 p-2 font-mono text-sm font-normal dark:border-slate-700 dark:bg-slate-950" />
        </label>
      ) : null}
    </form>
  );
}
