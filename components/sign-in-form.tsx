"use client";
// Password and single sign-on buttons. Uses next-auth's client signIn (fetch, then navigate),
// so a wrong password keeps what the person typed and shows one message.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SIGN_IN_ERROR, signInErrorMessage } from "@/lib/problems/sign-in-errors";

type Method = { id: string; name: string; kind: "password" | "sso" };

export function SignInForm({ methods, next = "/" }: { methods: Method[]; next?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const password = methods.find((m) => m.kind === "password");
  const sso = methods.filter((m) => m.kind === "sso");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.replace(next);
      router.refresh();
      return;
    }
    // Wrong password, too many attempts (with when to try again), busy, or the shared store down.
    setError(signInErrorMessage(result?.error ?? SIGN_IN_ERROR.wrongPassword));
  }

  if (methods.length === 0) {
    return <p role="alert">No sign-in method is configured. Ask whoever runs the console to set one up.</p>;
  }

  return (
    <div className="flex flex-col gap-4">
      {sso.map((method) => (
        <button
          key={method.id}
          type="button"
          onClick={() => void signIn(method.id, { callbackUrl: next })}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        >
          Sign in with {method.name}
        </button>
      ))}
      {password && sso.length > 0 ? <p className="text-center text-sm text-slate-500 dark:text-slate-400">or</p> : null}
      {password ? (
        <form onSubmit={onSubmit} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" noValidate>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Email
            <input name="email" type="email" autoComplete="username" required className="rounded-md border border-slate-300 px-3 py-2 font-normal dark:border-slate-700 dark:bg-slate-950" />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Password
            <input name="password" type="password" autoComplete="current-password" required className="rounded-md border border-slate-300 px-3 py-2 font-normal dark:border-slate-700 dark:bg-slate-950" />
          </label>
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={busy} className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
