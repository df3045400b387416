"use client";
// The console page: who is signed in, their keys, the composer, the answer, and the
// request's history, saved requests and share link.
// What the first paint does not need loads when it is first used: the answer views, a shared link's
// reader, and a catalogue operation's form (with the form and catalogue code behind it).
import dynamic from "next/dynamic";
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { addToHistory, historyEntryFor, loadHistory, type HistoryEntry } from "@/lib/workspace/history";
import { emptyDraft, type RequestDraft, type UpstreamBases } from "@/lib/request/request-model";
import { listSaved, type SavedRequest } from "@/lib/workspace/saved";
import type { CatalogOperation } from "@/lib/catalog/catalog";
import type { ReceivedResponse } from "@/lib/console-api/proxy-call";
import type { Paging } from "@/lib/catalog/paging";
import { LEGACY_PAGING } from "@/lib/catalog/legacy-paging";
import { AccountProvider } from "./account-choices";
import { AppHeader, type SignedInUser } from "./app-header";
import { CatalogPanel } from "./catalog/catalog-panel";
import { RequestComposer } from "./composer/request-composer";
import { useSend } from "./composer/use-send";
import { KeysPanel } from "./keys-panel";
import { RequestTools } from "./request-tools";
import { RequestsPanel } from "./requests-panel";
import { useKeys } from "./use-keys";
// The answer views (table, tree, JSON, files) load with the first answer, not with the page.
const ResponseViewer = dynamic(() => import("./response/response-viewer").then((m) => m.ResponseViewer), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600 dark:text-slate-400">Opening the answer…</p>,
});
// Loaded by pickOperation before it is shown, so its loading state is seldom seen.
const loadOperationForm = () => import("./catalog/operation-form");
const OperationForm = dynamic(() => loadOperationForm().then((m) => m.OperationForm), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600 dark:text-slate-400">Opening the form…</p>,
});
const UNLOADABLE = "That part of the console could not be loaded. Check the connection, or reload the page.";

type Props = { user: SignedInUser; bases: UpstreamBases };

/** How a sent GET's list pages, for "Download all": size/from on the legacy API, else the catalogue operation's paging. */
function listPaging(draft: RequestDraft, operation: CatalogOperation | null): Paging | null {
  if (draft.method !== "GET") return null;
  if (draft.upstream === "legacy") return LEGACY_PAGING;
  const same = operation && operation.method === "GET" && operation.upstream === draft.upstream && operation.path === draft.path;
  return same ? operation.paging : null;
}

export function ConsoleApp({ user, bases }: Props) {
  const { keys, error: keysError, reload: reloadKeys, active } = useKeys();
  const [draft, setDraft] = useState<RequestDraft>(emptyDraft);
  // The composer holds a request someone else made (a share link), until another is opened in its place.
  const [fromLink, setFromLink] = useState(false);
  const openDraft = useCallback((opened: RequestDraft) => {
    setDraft(opened);
    setFromLink(false);
  }, []);
  const [response, setResponse] = useState<ReceivedResponse | null>(null);
  /** The draft behind the answer shown, so "Download all" asks for the same list. */
  const [answered, setAnswered] = useState<RequestDraft | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [saved, setSaved] = useState<SavedRequest[]>([]);
  /** A line about the page itself: a shared request opened (or not), a part that could not load. */
  const [notice, setNotice] = useState<string | null>(null);
  // The catalogue operation whose form is open; `n` gives each pick a fresh form.
  const [picked, setPicked] = useState<{ operation: CatalogOperation; n: number } | null>(null);
  // A GET answered 429 is sent once more when its countdown ends; never twice, never a write.
  const [retriedOnce, setRetriedOnce] = useState(false);
  // Counts answers, so each one gets a fresh viewer (and countdown) even when two look alike.
  const [answers, setAnswers] = useState(0);
  const sentDraft = useRef<RequestDraft | null>(null);

  // Browser-only state (history, saved requests, a shared request in the URL) is read after hydration.
  useEffect(() => {
    /* eslint-disable react-hooks/set-state-in-effect -- reading this browser's storage and URL once */
    setHistory(loadHistory(window.localStorage));
    setSaved(listSaved(window.localStorage));
    /* eslint-enable react-hooks/set-state-in-effect */
    // Only a URL with a query can carry a shared request; the link reader loads just for it.
    if (!window.location.search) return;
    import("@/lib/request/share-link").then(
      ({ decodeShareLink, SHARE_PARAM }) => {
        const param = new URLSearchParams(window.location.search).get(SHARE_PARAM);
        if (param === null) return;
        const shared = decodeShareLink(param);
        setNotice(shared ? "Opened a shared request. It will use your own active key." : "This share link is damaged or from another version; it was ignored.");
        if (shared) {
          setDraft(shared);
          setFromLink(true);
        }
        window.history.replaceState(null, "", "/");
      },
      () => setNotice(UNLOADABLE),
    );
  }, []);

  const onDone = useCallback((received: ReceivedResponse) => {
    setResponse(received);
    setAnswered(sentDraft.current);
    setAnswers((count) => count + 1);
    if (sentDraft.current && !received.failure) {
      setHistory(addToHistory(window.localStorage, historyEntryFor(sentDraft.current, { status: received.status, durationMs: received.durationMs })));
    }
  }, []);
  const { send, cancel, progress } = useSend(onDone);

  const sendDraft = useCallback(() => {
    sentDraft.current = draft;
    setRetriedOnce(false);
    void send(draft);
  }, [draft, send]);

  const sendThis = useCallback(
    (ready: RequestDraft) => {
      sentDraft.current = ready;
      setRetriedOnce(false);
      void send(ready);
    },
    [send],
  );

  const retryOnce = useCallback(() => {
    const last = sentDraft.current;
    if (!last || last.method !== "GET") return;
    setRetriedOnce(true);
    void send(last);
  }, [send]);

  const pickOperation = useCallback((operation: CatalogOperation) => {
    Promise.all([import("@/lib/catalog/catalog"), import("@/lib/forms/fields"), loadOperationForm()]).then(
      ([{ draftFor }, { initialValues }]) =>
        // A transition: the form's code is loaded by now, so React shows it without a loading flash.
        startTransition(() => {
          setPicked((current) => ({ operation, n: (current?.n ?? 0) + 1 }));
          openDraft(draftFor(operation, initialValues(operation.fields)));
        }),
      () => setNotice(UNLOADABLE),
    );
  }, [openDraft]);

  const answeredPaging = answered ? listPaging(answered, picked?.operation ?? null) : null;
  const listSource = answered && answeredPaging ? { draft: answered, paging: answeredPaging } : null;

  return (
    <AccountProvider email={user.email} keyId={active?.id ?? null}>
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-3 sm:p-4">
      <AppHeader user={user} activeKey={active} current="console" />
      <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="flex flex-col gap-4">
          <KeysPanel keys={keys} error={keysError} onChange={reloadKeys} />
          <RequestsPanel history={history} saved={saved} onOpen={openDraft} onHistoryChange={setHistory} onSavedChange={setSaved} />
          <CatalogPanel role={user.role} selectedId={picked?.operation.id ?? null} onPick={pickOperation} />
        </div>
        <main className="flex min-w-0 flex-col gap-4">
          {notice ? (
            <p role="status" className="rounded-md bg-blue-50 p-2 text-sm dark:bg-blue-950">
              {notice}
            </p>
          ) : null}
          {picked ? (
            <OperationForm
              key={`operation-${picked.n}`}
              operation={picked.operation}
              role={user.role}
              sending={progress !== null}
              onDraft={setDraft}
              onSend={sendThis}
              onClose={() => setPicked(null)}
            />
          ) : null}
          <RequestComposer
            draft={draft}
            onChange={setDraft}
            role={user.role}
            hasKey={Boolean(active)}
            fixedActor={active?.shared && active.actsAsYou ? { keyLabel: active.label, email: user.email } : null}
            progress={progress}
            fromLink={fromLink}
            onSend={sendDraft}
            onCancel={cancel}
          />
          <RequestTools draft={draft} bases={bases} onSaved={() => setSaved(listSaved(window.localStorage))} />
          {response ? (
            <ResponseViewer
              key={`answer-${answers}`}
              response={response}
              onRetry={response.request.method === "GET" && !retriedOnce ? retryOnce : undefined}
              listSource={listSource}
            />
          ) : null}
        </main>
      </div>
    </div>
    </AccountProvider>
  );
}
