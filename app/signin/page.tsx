// The way in: every configured sign-in method on one page, in plain words.
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { SignInForm } from "@/components/sign-in-form";
import { authOptions, signInMethods } from "@/lib/auth/1-sign-in";
import { returnPath } from "@/lib/auth/return-path";
import { DEMO_KEYS, DEMO_USERS } from "@/lib/config/demo";
import { teamKeyInfo } from "@/lib/vault/5-team-keys";
import { getEnv } from "@/lib/config/env";
import { signInErrorMessage } from "@/lib/problems/sign-in-errors";

export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  AccessDenied: "Your account is not allowed into this console. Ask whoever runs it to add your email or domain.",
  OAuthSignin: "Single sign-on could not start. Try again, or ask whoever runs the console to check its settings.",
  OAuthCallback: "Single sign-on did not finish. Try again.",
  SessionRequired: "Please sign in to continue.",
};

type Props = { searchParams: Promise<{ error?: string; next?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const env = getEnv();
  const { error, next } = await searchParams;
  // Where to go after signing in: only a path on this console, never another site.
  const after = returnPath(next, env.NEXTAUTH_URL);
  if (await getServerSession(authOptions(env))) redirect(after);
  const methods = signInMethods(env);
  // Only demo sign-ins this console really has (the test stacks run other users in demo mode).
  const sharedLabels = teamKeyInfo().map((key) => key.label);
  const demoUsers = DEMO_USERS.filter((demo) => env.CONSOLE_USERS.some((user) => user.email === demo.email));
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <header>
        <h1 className="text-2xl font-semibold">JobNimbus Console</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Sign in to look up and update your JobNimbus data. Your API keys stay encrypted on the server.
        </p>
      </header>
      {error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {Object.hasOwn(ERRORS, error) ? ERRORS[error] : signInErrorMessage(error)}
        </p>
      ) : null}
      <SignInForm methods={methods} next={after} />
      {env.CONSOLE_DEMO && demoUsers.length > 0 ? (
        <section aria-labelledby="demo-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950">
          <h2 id="demo-heading" className="font-semibold">Demo mode</h2>
          <p className="mt-1">This console talks to the bundled mock JobNimbus API. Sign in with:</p>
          <ul className="mt-2 space-y-1 font-mono" data-testid="demo-users">
            {demoUsers.map((user) => (
              <li key={user.email}>
                {user.email} / {user.password} <span className="font-sans text-slate-600 dark:text-slate-400">({user.role})</span>
              </li>
            ))}
          </ul>
          <p className="mt-3">
            {sharedLabels.length > 0
              ? `Everyone starts on the key the administrator shares (${sharedLabels.join(", ")}). To try a key of your own, add one of these mock API keys in the keys panel:`
              : "Then add one of these mock API keys in the keys panel:"}
          </p>
          <ul className="mt-2 space-y-1" data-testid="demo-keys">
            {DEMO_KEYS.map((demo) => (
              <li key={demo.key}>
                {demo.label}: <code className="font-mono">{demo.key}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
