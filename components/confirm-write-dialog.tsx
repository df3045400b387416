"use client";
// The one confirmation before any write: a modal dialog that says in words what will change, lists
// every part of the request that will be sent, says so when it came from someone else's share link,
// and for a DELETE asks for the record's number or name to be typed in. Cancel is the default.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { callProxy, jsonBody } from "@/lib/console-api/proxy-call";
import { isRecord } from "@/lib/json/is-record";
import type { RequestDraft } from "@/lib/request/request-model";
import { describeWrite, typedMatches, wantsRecord, writeInputOf, type WriteConfirmation } from "@/lib/request/write-summary";

type Props = { confirmation: WriteConfirmation; onClose: (confirmed: boolean) => void };

export function ConfirmWriteDialog({ confirmation, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const titleId = useId();
  const detailsId = useId();
  const typedId = useId();
  const { summary, details, typed: expected, warning, method, request = [], fromLink = false, action } = confirmation;
  const destructive = method === "DELETE";
  const allowed = expected === null || typedMatches(typed, expected);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={detailsId}
      data-testid="confirm-write"
      // Keys typed here (Ctrl+Enter, say) must not reach the composer's own shortcuts behind the dialog.
      onKeyDown={(event) => event.stopPropagation()}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-md border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form
        className="flex flex-col gap-3 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (allowed) onClose(true);
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {summary}
        </h2>
        <div id={detailsId} className="flex flex-col gap-2 text-sm">
          {fromLink ? (
            <p className="rounded-md border border-amber-400 bg-amber-50 p-2 font-semibold dark:border-amber-600 dark:bg-amber-950" data-testid="confirm-write-from-link">
              This request came from a link someone shared with you: check every part.
            </p>
          ) : null}
          <p>{destructive ? "Check this is the right record. Once deleted it is gone." : "Check what will change before it is sent to JobNimbus."}</p>
          {details.length ? (
            <ul className="max-h-56 list-disc overflow-auto pl-5 font-mono text-xs break-all" data-testid="confirm-write-details">
              {details.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          ) : null}
          {request.length ? (
            <>
              <p className="font-medium">Everything that will be sent:</p>
              <ul className="max-h-56 list-none overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs break-all dark:bg-slate-950" data-testid="confirm-write-request">
                {request.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
          {warning ? (
            <p role="alert" className="rounded-md bg-amber-50 p-2 dark:bg-amber-950">
              {warning}
            </p>
          ) : null}
        </div>
        {expected !== null ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={typedId} className="text-sm font-medium">
              To confirm, type <strong className="font-mono">{expected}</strong>
            </label>
            <input
              id={typedId}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              className="rounded-md border border-slate-300 px-2 py-1.5 font-mono dark:border-slate-700 dark:bg-slate-950"
            />
          </div>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            autoFocus={expected === null}
            onClick={() => onClose(false)}
            className="rounded-md border border-slate-400 px-4 py-1.5 font-medium dark:border-slate-500"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={!allowed}
            className={`rounded-md px-4 py-1.5 font-medium text-white disabled:cursor-not-allowed disabled:opacity-50 ${destructive ? "bg-red-700 hover:bg-red-800" : "bg-blue-700 hover:bg-blue-800"}`}
          >
            {action ?? (destructive ? "Delete" : "Confirm")}
          </button>
        </div>
      </form>
    </dialog>
  );
}

type Pending = { confirmation: WriteConfirmation; resolve: (confirmed: boolean) => void; id: number };

/** `confirm(c)` opens the dialog and resolves true only when the person confirms; render `dialog`. */
export function useConfirmWrite(): { confirm: (confirmation: WriteConfirmation) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const counter = useRef(0);
  const confirm = useCallback(
    (confirmation: WriteConfirmation) =>
      new Promise<boolean>((resolve) => {
        counter.current += 1;
        setPending({ confirmation, resolve, id: counter.current });
      }),
    [],
  );
  const dialog = pending ? (
    <ConfirmWriteDialog
      key={pending.id}
      confirmation={pending.confirmation}
      onClose={(confirmed) => {
        pending.resolve(confirmed);
        setPending(null);
      }}
    />
  ) : null;
  return { confirm, dialog };
}

/** Reads one record through the proxy (a GET, which every role may send); null when it cannot be read. */
async function readRecord(draft: RequestDraft, path: string): Promise<Record<string, unknown> | null> {
  const read: RequestDraft = { upstream: draft.upstream, method: "GET", path, pathParams: {}, query: [], headers: [], body: "" };
  const response = await callProxy(read);
  const value = response.status >= 200 && response.status < 300 && !response.cutOff ? jsonBody(response) : undefined;
  return isRecord(value) ? value : null;
}

/**
 * The confirmation for a composer draft, naming every part that will be sent (`fromLink`: the draft was
 * opened from a share link); for updates and deletes the record is read first so it can be named.
 */
export async function confirmationForDraft(draft: RequestDraft, { fromLink = false } = {}): Promise<WriteConfirmation> {
  const input = writeInputOf(draft, { fromLink });
  const record = wantsRecord(input) ? await readRecord(draft, input.path) : undefined;
  return describeWrite(input, record);
}
