"use client";
// "Act as" for legacy requests: the optional `actor` query parameter (a JobNimbus user's email,
// jobnimbus-api.md §2), offered with the account's team members. It stays an ordinary query row:
// the composer's parameters and this field edit the same row.
import { useId } from "react";
import { choicesFrom } from "@/lib/account/account";
import { newRow, type Row } from "@/lib/request/request-model";
import { RefreshChoices, useAccount } from "@/components/account-choices";

export const ACTOR = "actor";

/** The enabled actor row's value, or "". */
export function actorOf(query: readonly Row[]): string {
  return query.find((row) => row.enabled && row.name === ACTOR)?.value ?? "";
}

/** The query with `email` as its actor: the first actor row takes it, an empty email removes them all. */
export function withActor(query: readonly Row[], email: string): Row[] {
  const value = email.trim() ? email : "";
  if (!value) return query.filter((row) => row.name !== ACTOR);
  const at = query.findIndex((row) => row.name === ACTOR);
  if (at === -1) return [...query, newRow(ACTOR, value)];
  return query.flatMap((row, index) => (row.name !== ACTOR ? [row] : index === at ? [{ ...row, value, enabled: true }] : []));
}

/** A shared key that always acts as the person signed in: its label, and whom the calls run as. */
export type FixedActor = { keyLabel: string; email: string };

type Props = { query: readonly Row[]; onChange: (query: Row[]) => void; fixed?: FixedActor | null };

export function ActAsField({ query, onChange, fixed = null }: Props) {
  const account = useAccount();
  const id = useId();
  // The console replaces any actor sent with such a key, so offering a choice would only mislead.
  if (fixed) {
    return (
      <p className="text-sm" data-testid="act-as-fixed">
        <span className="font-medium">Acts as you ({fixed.email}).</span>{" "}
        <span className="text-slate-600 dark:text-slate-400">
          Calls with the shared key “{fixed.keyLabel}” always run as the person signed in, so JobNimbus records what they change as yours.
        </span>
      </p>
    );
  }
  const emails = account.account ? choicesFrom(account.account, "team-emails") : [];
  return (
    <div className="flex flex-col gap-1" data-testid="act-as">
      <label htmlFor={`${id}-actor`} className="text-sm font-medium">
        Act as <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
      </label>
      <input
        id={`${id}-actor`}
        type="email"
        list={`${id}-team`}
        value={actorOf(query)}
        onFocus={account.need}
        onChange={(event) => onChange(withActor(query, event.target.value))}
        placeholder="a team member's email"
        aria-describedby={`${id}-help`}
        autoComplete="off"
        spellCheck={false}
        className="max-w-md rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
      />
      <datalist id={`${id}-team`}>
        {emails.map((choice) => (
          <option key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </datalist>
      <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
        The call runs as this JobNimbus user, and what it creates is recorded as theirs. Sent as the query parameter actor.
      </p>
      {account.status !== "idle" ? <RefreshChoices account={account} /> : null}
    </div>
  );
}
