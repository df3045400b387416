"use client";
// The console page: who is signed in, their keys, the request composer and the answer.
import { signOut } from "next-auth/react";
import { useCallback, useEffect, useState } from "react";
import { consoleFetch } from "@/lib/client/console-fetch";
import { KeysPanel, type KeySummary } from "./keys-panel";
import { RequestComposer } from "./request-composer";
import { ResponseViewer, type ViewedResponse } from "./response-viewer";

type Props = { user: { email: string; role: "viewer" | "editor" } };

export function ConsoleApp({ user }: Props) {
  const [keys, setKeys] = useState<KeySummary[] | null>(null);
  const [keysError, setKeysError] = useState<string | null>(null);
  const [response, setResponse] = useState<ViewedResponse | null>(null);

  const reloadKeys = useCallback(async () => {
    const res = await consoleFetch("/api/keys");
    if (res.status === 401) {
      window.location.assign("/signin");
      return;
    }
    if (!res.ok) {
      setKeysError("Your keys could not be loaded. Reload the page to try again.");
      return;
    }
    const body = (await res.json()) as { keys: KeySummary[] };
    setKeys(body.keys);
    setKeysError(null);
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading the keys once on mount
    void reloadKeys();
  }, [reloadKeys]);

  const active = keys?.find((k) => k.active);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
        <h1 className="text-xl font-semibold">JobNimbus Console</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="whoami">
          <span>
            {user.email} · <span className="font-medium">{user.role}</span>
          </span>
          <span className="text-slate-600 dark:text-slate-400">Key: {active ? `${active.label} (…${active.last4})` : "none"}</span>
          <button
            type="button"
            onClick={() => void signOut({ callbackUrl: "/signin" })}
            className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Sign out
          </button>
        </div>
      </header>
      <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        <KeysPanel keys={keys} error={keysError} onChange={reloadKeys} />
        <main className="flex min-w-0 flex-col gap-4">
          <RequestComposer role={user.role} hasKey={Boolean(active)} onResponse={setResponse} />
          {response ? <ResponseViewer response={response} /> : null}
        </main>
      </div>
    </div>
  );
}
