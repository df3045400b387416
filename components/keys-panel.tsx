"use client";
// Add, list, activate and delete API keys, and choose among the keys the administrator shares with the team. What is
// typed is checked with the route's own schema before it is sent (each field's message beside it); the key field is
// emptied once saved, and the server returns only label, last four and dates, for shared keys as for saved ones.
import { useId, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type RefObject } from "react";
import { describedBy, FieldNotes } from "@/components/forms/field-notes";
import { consoleFetch } from "@/lib/console-api/console-fetch";
import { addKeySchema, fieldErrors, MAX_LABEL_LENGTH, type AddKeyInput, type PublicKey, type SavedKey, type SharedKey } from "@/lib/vault/2-key-input";

type Props = { keys: PublicKey[] | null; error: string | null; onChange: () => Promise<void> };

type KeyFieldProps = {
  id: string;
  label: string;
  help?: string;
  /** What is wrong with the value, if anything: shown under the field and announced with it. */
  error: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
} & InputHTMLAttributes<HTMLInputElement>;

function KeyField({ id, label, help, error, inputRef, className, ...input }: KeyFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        {...input}
        ref={inputRef}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
        className={`rounded-md border border-slate-300 px-2 py-1 text-sm font-normal aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-950 ${className ?? ""}`}
      />
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}

async function problemDetail(res: Response): Promise<string> {
  // The problem parser (and its schema library) loads only when there is a problem to read.
  const body: unknown = await res.json().catch(() => null);
  const problem = await import("@/lib/problems/problem").then(({ parseProblem }) => parseProblem(body), () => null);
  return problem?.detail ?? `The console answered ${res.status}.`;
}

/** One listed key: its label and last four, then what can be done with it. */
function KeyEntry({ entry, children }: { entry: PublicKey; children: ReactNode }) {
  return (
    <li className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">{entry.label}</span>
        <span className="font-mono text-slate-600 dark:text-slate-400">…{entry.last4}</span>
      </div>
      {children}
    </li>
  );
}

/** "Active", or the button that makes this key the one calls use. */
function ActiveOrUse({ keyEntry, onUse }: { keyEntry: PublicKey; onUse: (id: string) => Promise<void> }) {
  return keyEntry.active ? (
    <span className="text-xs font-semibold text-green-700 dark:text-green-400">Active</span>
  ) : (
    <button type="button" className="text-xs underline" onClick={() => void onUse(keyEntry.id)}>
      Use this key
    </button>
  );
}

/**
 * The keys the administrator shares with the person's role (TEAM_KEYS): chosen like any other, never
 * seen, never deleted; without a key of their own, the first one is in use from the start.
 */
function SharedKeys({ keys, onUse, hasOwn }: { keys: SharedKey[]; onUse: (id: string) => Promise<void>; hasOwn: boolean }) {
  return (
    <section aria-labelledby="shared-keys-heading" className="flex flex-col gap-2">
      <h3 id="shared-keys-heading" className="text-sm font-semibold">
        Shared by your administrator
      </h3>
      {hasOwn ? null : (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="shared-key-note">
          You can work straight away with the key in use below; you never see it or need one of your own.
        </p>
      )}
      <ul className="flex flex-col gap-2" data-testid="shared-key-list">
        {keys.map((key) => (
          <KeyEntry key={key.id} entry={key}>
            <div className="mt-1">
              <ActiveOrUse keyEntry={key} onUse={onUse} />
            </div>
          </KeyEntry>
        ))}
      </ul>
    </section>
  );
}

export function KeysPanel({ keys, error, onChange }: Props) {
  const [label, setLabel] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Set when Save found something to fix; from then on the hints follow what is typed, so a fixed field clears.
  const [checking, setChecking] = useState(false);
  const id = useId();
  const labelRef = useRef<HTMLInputElement>(null);
  const apiKeyRef = useRef<HTMLInputElement>(null);

  const errors = checking ? fieldErrors(addKeySchema.safeParse({ label, apiKey }).error?.issues ?? []) : [];
  const errorFor = (field: keyof AddKeyInput) =>
    errors
      .filter((error) => error.field === field)
      .map((error) => error.message)
      .join(" ") || undefined;

  async function add(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const parsed = addKeySchema.safeParse({ label, apiKey });
    if (!parsed.success) {
      // Nothing is sent and nothing typed is lost; the first field to fix gets the focus, its hint with it.
      setChecking(true);
      (parsed.error.issues[0]?.path[0] === "apiKey" ? apiKeyRef : labelRef).current?.focus();
      return;
    }
    setChecking(false);
    setBusy(true);
    const res = await consoleFetch("/api/keys", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(parsed.data),
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

  async function remove(key: SavedKey) {
    if (!window.confirm(`Delete the key "${key.label}" (…${key.last4})? You would have to paste it again to use it.`)) return;
    const res = await consoleFetch(`/api/keys/${encodeURIComponent(key.id)}`, { method: "DELETE" });
    if (!res.ok) setMessage({ kind: "error", text: await problemDetail(res) });
    await onChange();
  }

  const own = (keys ?? []).filter((key): key is SavedKey => !key.shared);
  const shared = (keys ?? []).filter((key): key is SharedKey => key.shared === true);

  return (
    <aside aria-labelledby="keys-heading" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="keys-heading" className="font-semibold">
        API keys
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Keys you paste are stored encrypted on the server side and never shown again. They are forgotten when you sign out or after they expire.
      </p>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
      {keys && keys.length === 0 ? (
        <p className="rounded-md bg-blue-50 p-3 text-sm dark:bg-blue-950" data-testid="no-keys">
          No key yet. In JobNimbus, open <strong>Settings &gt; API Keys</strong>, copy a key, and paste it below.
        </p>
      ) : null}
      {own.length > 0 ? (
        <ul className="flex flex-col gap-2" data-testid="key-list">
          {own.map((key) => (
            <KeyEntry key={key.id} entry={key}>
              <div className="text-xs text-slate-500 dark:text-slate-400">
                Added {new Date(key.createdAt).toLocaleString()} · expires {new Date(key.expiresAt).toLocaleString()}
              </div>
              <div className="mt-1 flex gap-2">
                <ActiveOrUse keyEntry={key} onUse={activate} />
                <button type="button" className="text-xs text-red-700 underline dark:text-red-300" onClick={() => void remove(key)}>
                  Delete
                </button>
              </div>
            </KeyEntry>
          ))}
        </ul>
      ) : null}
      {shared.length > 0 ? <SharedKeys keys={shared} onUse={activate} hasOwn={own.length > 0} /> : null}
      <form onSubmit={add} className="flex flex-col gap-2" aria-label="Add an API key">
        <KeyField
          id={`${id}-label`}
          label="Label"
          help={`At most ${MAX_LABEL_LENGTH} characters.`}
          error={errorFor("label")}
          inputRef={labelRef}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder="Production"
        />
        <KeyField
          id={`${id}-api-key`}
          label="API key"
          error={errorFor("apiKey")}
          inputRef={apiKeyRef}
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          type="password"
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
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
