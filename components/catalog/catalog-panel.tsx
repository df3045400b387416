"use client";
// The endpoint catalogue in the sidebar: operations from the server's OpenAPI document, or from
// one uploaded here (JSON or YAML), which this browser keeps for the next visit until someone
// goes back to the server's. Searchable, grouped by tag. A bad document is explained; the console goes on.
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { consoleFetch } from "@/lib/console-api/console-fetch";
import type { Catalog, CatalogOperation } from "@/lib/catalog/catalog";
import type { KeepResult } from "@/lib/catalog/kept-document";

type Props = { role: "viewer" | "editor"; selectedId: string | null; onPick: (operation: CatalogOperation) => void };

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

// Reading a document (YAML, zod, the catalogue builder) and keeping one load only when needed,
// never with the console page itself.
const loadReader = () => import("@/lib/catalog/upload");
const loadShelf = () => import("@/lib/catalog/kept-document").then((m) => m.indexedDbShelf());

/** An uploaded document in use; `kept` is null while the browser is still storing it. */
type Uploaded = { catalog: Catalog; name: string; kept: KeepResult | null; restored: boolean };

function keptText(uploaded: Uploaded): string {
  if (!uploaded.kept) return "Keeping it in this browser…";
  if (!uploaded.kept.ok) return `It is used in this tab only: ${uploaded.kept.reason}.`;
  return uploaded.restored ? "Kept in this browser from your last visit." : "Kept in this browser: it will still be here on your next visit.";
}

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  POST: "bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100",
  PUT: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  PATCH: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  DELETE: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

function matches(operation: CatalogOperation, words: string[]): boolean {
  const haystack = `${operation.method} ${operation.summary} ${operation.docPath} ${operation.tag} ${operation.id}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function CatalogPanel({ role, selectedId, onPick }: Props) {
  const [server, setServer] = useState<{ catalog: Catalog; source: string } | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  // A document kept from an earlier visit is looked for first, so the server's does not flash by.
  const [restoring, setRestoring] = useState(true);
  // Set once someone uploads or goes back to the server's document: a late restore must not undo that.
  const chosen = useRef(false);
  const [search, setSearch] = useState("");

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const res = await consoleFetch("/api/catalog");
        const body = (await res.json()) as unknown;
        if (res.ok) {
          if (live) setServer(body as { catalog: Catalog; source: string });
          return;
        }
        // The problem parser (and zod with it) loads only when there is a problem to read.
        const problem = await import("@/lib/problems/problem").then(({ parseProblem }) => parseProblem(body), () => null);
        if (live) setServerError(problem?.detail ?? `the console answered ${res.status}`);
      } catch {
        if (live) setServerError("it could not be loaded (network error)");
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const shelf = await loadShelf();
        const stored = await shelf.load();
        if (stored === undefined || stored === null) return;
        const restored = (await loadReader()).catalogFromKept(stored);
        if (!live || chosen.current) return;
        if (!restored) {
          await shelf.forget();
        } else if (restored.result.ok) {
          setUploaded({ catalog: restored.result.catalog, name: restored.kept.name, kept: { ok: true }, restored: true });
        } else {
          await shelf.forget();
          setUploadError(`the document kept from your last visit can no longer be read: ${restored.result.error}`);
        }
      } catch {
        // The reader could not be loaded (offline): the server's catalogue is shown.
      } finally {
        if (live) setRestoring(false);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setUploadError(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setUploadError(`${file.name} is over 5 MB`);
      return;
    }
    setReading(file.name);
    try {
      const [text, reader] = await Promise.all([file.text(), loadReader()]);
      const result = reader.catalogFromText(text, file.name);
      if (!result.ok) {
        setUploadError(result.error);
        return;
      }
      chosen.current = true;
      const next: Uploaded = { catalog: result.catalog, name: file.name, kept: null, restored: false };
      setUploaded(next);
      const kept = await loadShelf().then(
        (shelf) => shelf.keep(file.name, text),
        (): KeepResult => ({ ok: false, reason: "the part of the console that keeps documents did not load" }),
      );
      setUploaded((current) => (current === next ? { ...next, kept } : current));
    } catch {
      setUploadError(`${file.name} could not be read here: the console's document reader did not load (check the connection and try again)`);
    } finally {
      setReading(null);
    }
  }

  async function backToServerCatalog() {
    chosen.current = true;
    setUploadError(null);
    try {
      await (await loadShelf()).forget();
    } catch {
      // Nothing was kept if the shelf cannot even load.
    }
    setUploaded(null);
  }

  const catalog = uploaded?.catalog ?? (restoring ? null : (server?.catalog ?? null));
  const groups = useMemo(() => {
    if (!catalog) return [];
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return catalog.tags
      .map((tag) => ({ tag, operations: catalog.operations.filter((op) => op.tag === tag.name && matches(op, words)) }))
      .filter((group) => group.operations.length > 0);
  }, [catalog, search]);

  return (
    <section aria-labelledby="catalog-heading" data-testid="catalog" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="catalog-heading" className="font-semibold">
        Endpoints
      </h2>
      {catalog ? (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="catalog-source">
          {catalog.title} {catalog.version}
          {uploaded ? null : " · from the console's OpenAPI document"}
        </p>
      ) : null}
      {uploaded ? (
        <div role="status" data-testid="catalog-uploaded" className="flex flex-col gap-1 rounded-md bg-blue-50 p-2 text-sm dark:bg-blue-950">
          <p>
            <span className="font-medium">
              Uploaded: {uploaded.name}, {uploaded.catalog.operations.length} operation{uploaded.catalog.operations.length === 1 ? "" : "s"}.
            </span>{" "}
            {keptText(uploaded)}
          </p>
          <button type="button" onClick={() => void backToServerCatalog()} className="self-start text-xs underline">
            Use the server&apos;s catalogue again
          </button>
        </div>
      ) : null}
      {serverError && !uploaded && !restoring ? (
        <p role="alert" data-testid="catalog-error" className="rounded-md bg-amber-50 p-2 text-sm dark:bg-amber-950">
          The endpoint catalogue is not available: {serverError}. Everything else works: type a path in the composer, or upload an OpenAPI document below.
        </p>
      ) : null}
      {uploadError ? (
        <p role="alert" data-testid="catalog-upload-error" className="rounded-md bg-red-50 p-2 text-sm dark:bg-red-950">
          That document cannot be used: {uploadError}.{catalog ? " The catalogue shown has not changed." : ""}
        </p>
      ) : null}
      {catalog ? (
        <>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Search endpoints
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="contacts, POST, jobs/{id}…"
              className="rounded-md border border-slate-300 px-2 py-1 font-normal dark:border-slate-700 dark:bg-slate-950"
            />
          </label>
          {role === "viewer" ? <p className="text-xs text-slate-600 dark:text-slate-400">As a viewer you can open the operations that read; those that change data are greyed out.</p> : null}
          <div className="flex max-h-[28rem] flex-col gap-3 overflow-auto" data-testid="catalog-operations">
            {groups.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No endpoint matches “{search}”.</p> : null}
            {groups.map(({ tag, operations }) => (
              <div key={tag.name} role="group" aria-labelledby={`tag-${tag.name.replace(/\W+/g, "-")}`}>
                <h3 id={`tag-${tag.name.replace(/\W+/g, "-")}`} className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
                  {tag.name}
                </h3>
                <ul className="mt-1 flex flex-col gap-0.5">
                  {operations.map((operation) => {
                    const blocked = role === "viewer" && operation.method !== "GET";
                    return (
                      <li key={operation.id}>
                        <button
                          type="button"
                          disabled={blocked}
                          aria-current={operation.id === selectedId ? "true" : undefined}
                          title={blocked ? "Viewers can only read: this operation changes data." : operation.docPath}
                          onClick={() => onPick(operation)}
                          className="flex w-full items-baseline gap-2 rounded px-1.5 py-1 text-left text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 aria-[current=true]:bg-blue-50 dark:hover:bg-slate-800 dark:aria-[current=true]:bg-blue-950"
                        >
                          <span className={`w-14 shrink-0 rounded px-1 text-center font-mono text-[0.65rem] font-semibold ${METHOD_COLOURS[operation.method] ?? ""}`}>{operation.method}</span>{" "}
                          <span className="min-w-0">
                            <span className={operation.deprecated ? "line-through" : undefined}>{operation.summary}</span>
                            {blocked ? <span className="sr-only"> (editors only)</span> : null}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        </>
      ) : !serverError || restoring ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading the endpoints…</p>
      ) : null}
      <div className="flex flex-col gap-1 border-t border-slate-200 pt-2 text-sm dark:border-slate-800">
        <label className="flex flex-col gap-1 font-medium">
          Use another OpenAPI document (JSON or YAML)
          <input
            type="file"
            accept=".json,.yaml,.yml,application/json,application/yaml,application/x-yaml,text/yaml"
            disabled={reading !== null}
            onChange={(e) => void upload(e)}
            className="text-xs font-normal"
          />
        </label>
        {reading ? (
          <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
            Reading {reading}…
          </p>
        ) : null}
      </div>
    </section>
  );
}
