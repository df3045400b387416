"use client";
// The account's choices for one page: read from JobNimbus when something first needs them (a
// recipe's select, the Act-as field, names in a table), kept for the sign-in and key in
// sessionStorage, and read again on "Refresh choices". lib/account/ holds what they mean.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { peopleById, type Account } from "@/lib/account/account";
import { keep, ownerOf, readKept } from "@/lib/account/cache";
import { loadAccount } from "@/lib/account/load";

export type AccountState = { status: "none" | "idle" | "loading" | "ready" | "failed"; account: Account | null; error: string | null };

export type AccountApi = AccountState & {
  /** Team members' names by id (empty until the account is read). */
  people: ReadonlyMap<string, string>;
  /** Reads the account once, unless it is kept already or being read. */
  need: () => void;
  /** Reads it again (the "Refresh choices" button). */
  refresh: () => void;
};

const NONE: AccountApi = { status: "none", account: null, error: null, people: new Map(), need: () => {}, refresh: () => {} };
const AccountContext = createContext<AccountApi>(NONE);

type Props = { email: string; /** The key in use; none saved: nothing can be read. */ keyId: string | null; children: ReactNode };

type Held = AccountState & { owner: string | null };

function startFor(owner: string | null): Held {
  const kept = owner && typeof window !== "undefined" ? readKept(window.sessionStorage, owner) : null;
  return { owner, status: owner ? (kept ? "ready" : "idle") : "none", account: kept, error: null };
}

export function AccountProvider({ email, keyId, children }: Props) {
  const owner = keyId ? ownerOf(email, keyId) : null;
  const [state, setState] = useState<Held>(() => startFor(owner));
  const loading = useRef<AbortController | null>(null);

  // Another key (or none) is another account: what was read for the last one goes, before this
  // render's children ask for anything (an effect would run after theirs and undo their request).
  if (state.owner !== owner) setState(startFor(owner));

  const load = useCallback(() => {
    if (!owner || !keyId) return;
    loading.current?.abort();
    const abort = new AbortController();
    loading.current = abort;
    setState((current) => (current.owner === owner ? { ...current, status: "loading", error: null } : current));
    void loadAccount(keyId, abort.signal).then((result) => {
      if (abort.signal.aborted) return;
      if (result.ok) keep(window.sessionStorage, owner, result.account);
      // An answer for a key no longer in use is dropped.
      setState((current) =>
        current.owner !== owner ? current : result.ok ? { owner, status: "ready", account: result.account, error: null } : { owner, status: "failed", account: current.account, error: result.message },
      );
    });
  }, [owner, keyId]);

  useEffect(() => () => loading.current?.abort(), []);

  const current = state.owner === owner ? state : startFor(owner);
  const api = useMemo<AccountApi>(
    () => ({
      status: current.status,
      account: current.account,
      error: current.error,
      people: peopleById(current.account),
      need: () => {
        if (current.status === "idle") load();
      },
      refresh: load,
    }),
    [current.status, current.account, current.error, load],
  );
  return <AccountContext.Provider value={api}>{children}</AccountContext.Provider>;
}

/** The page's account choices; outside a provider, none (and asking for them does nothing). */
export function useAccount(): AccountApi {
  return useContext(AccountContext);
}

/** A "Refresh choices" button with what happened in words: for forms whose choices come from the account. */
export function RefreshChoices({ account }: { account: AccountApi }) {
  if (account.status === "none") return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400" data-testid="account-choices">
      {account.status === "loading" ? <span role="status">Reading the choices from your JobNimbus account…</span> : null}
      {account.status === "failed" ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          The choices could not be read from your JobNimbus account: {account.error}
        </span>
      ) : null}
      {account.status === "ready" ? <span>Choices from your JobNimbus account.</span> : null}
      <button type="button" onClick={account.refresh} disabled={account.status === "loading"} className="underline disabled:opacity-60">
        Refresh choices
      </button>
    </div>
  );
}
