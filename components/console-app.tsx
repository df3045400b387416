"use client";
// The console page: who is signed in, their keys, the composer, the answer, and the
// request's history, saved requests and share link.
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { consoleFetch } from "@/lib/client/console-fetch";
import { emptyDraft, type RequestDraft, type UpstreamBases } from "@/lib/client/request-model";
import { RequestComposer } from "./composer/request-composer";
import { useSend, type ReceivedResponse } from "./composer/use-send";
import { KeysPanel, type KeySummary } from "./keys-panel";
import { ResponseViewer } from "./response/response-viewer";
import { ThemeToggle } from "./theme-toggle";

type Props = { user: { email: string; role: "viewer" | "editor" }; bases: UpstreamBases; initialDraft?: RequestDraft | null };

export function ConsoleApp({ user, bases, initialDraft }: Props) {
  const [keys, setKeys] = useState<KeySummary[] | null>(null);
  const [keysError, setKeysError] = useState<string | null>(null);
  const [draft, setDraft] = useState<RequestDraft>(() => initialDraft ?? emptyDraft());
  const [response, setResponse] = useState<ReceivedResponse | null>(null);
  const sentDraft = useRef<RequestDraft | null>(null);
  const router = useRouter();

  const reloadKeys = useCallback(async () => {
    const res = await consoleFetch("/api/keys");
    if (res.status === 401) {
      router.replace("/signin");
      return;
    }
    if (!res.ok) {
      setKeysError("Your keys could not be loaded. Reload the page to try again.");
      return;
    }
    const body = (await res.json()) as { keys: KeySummary[] };
    setKeys(body.keys);
    setKeysError(null);
  }, [router]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading the keys once on mount
    void reloadKeys();
  }, [reloadKeys]);

  const onDone = useCallback((received: ReceivedResponse) => setResponse(received), []);
  const { send, cancel, progress } = useSend(onDone);
  const active = keys?.find((k) => k.active);

  const sendDraft = useCallback(() => {
    sentDraft.current = draft;
    void send(draft);
  }, [draft, send]);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-3 sm:p-4">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
        <h1 className="text-xl font-semibold">JobNimbus Console</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="whoami">
          <span>
            {user.email} · <span className="font-medium" data-testid="role">{user.role}</span>
          </span>
          <span className="text-slate-600 dark:text-slate-400" data-testid="active-key">
            Key: {active ? `${active.label} (…${active.last4})` : "none"}
          </span>
          <ThemeToggle />
          <button
            type="button"
            onClick={() => void signOut({ callbackUrl: "/signin" })}
            className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Sign out
          </button>
        </div>
      </header>
      <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="flex flex-col gap-4">
          <KeysPanel keys={keys} error={keysError} onChange={reloadKeys} />
        </div>
        <main className="flex min-w-0 flex-col gap-4">
          <RequestComposer
            draft={draft}
            onChange={setDraft}
            role={user.role}
            hasKey={Boolean(active)}
            progress={progress}
            onSend={sendDraft}
            onCancel={cancel}
          />
          {response ? <ResponseViewer key={response.durationMs + response.request.path} response={response} /> : null}
        </main>
      </div>
      <p className="sr-only">{bases.platform}</p>
    </div>
  );
}
