"use client";
// "Sign out everywhere" for one person: every sign-in they have now ends, on every instance sharing the
// store (their copied cookies too); they can sign in again at once. Asked once in words before it is done.
import { useState } from "react";
import { consoleFetch } from "@/lib/console-api/console-fetch";

export function SignOutEverywhere({ email }: { email: string }) {
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" | "error"; text?: string }>({ kind: "idle" });

  async function signOut() {
    if (!window.confirm(`Sign ${email} out everywhere? Every sign-in they have now ends, on every device. They can sign in again.`)) return;
    setState({ kind: "busy" });
    const res = await consoleFetch("/api/admin/people/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    }).catch(() => null);
    if (res?.ok) setState({ kind: "done", text: `${email} is signed out everywhere.` });
    else setState({ kind: "error", text: res?.status === 403 ? "Only administrators can do this." : "That did not work; try again in a moment." });
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={() => void signOut()}
        disabled={state.kind === "busy"}
        aria-label={`Sign out everywhere: ${email}`}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {state.kind === "busy" ? "Signing out…" : "Sign out everywhere"}
      </button>
      {state.text ? (
        <span role={state.kind === "error" ? "alert" : "status"} className={`text-xs ${state.kind === "error" ? "text-red-700 dark:text-red-300" : "text-green-700 dark:text-green-400"}`}>
          {state.text}
        </span>
      ) : null}
    </div>
  );
}
