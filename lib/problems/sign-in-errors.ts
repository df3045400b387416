// Why a password sign-in did not work, in words: the codes lib/auth/1-sign-in.ts puts in next-auth's
// `error` (it reaches the form as `signIn(...).error`) and the sentence the form shows for each.

export const SIGN_IN_ERROR = {
  wrongPassword: "CredentialsSignin",
  tooMany: "TooManyAttempts",
  busy: "SignInBusy",
  unavailable: "SignInUnavailable",
} as const;

/** "TooManyAttempts:<epoch ms>": the form says when to try again, in the reader's own time. */
export function tooManyAttempts(retryAt: number): string {
  return `${SIGN_IN_ERROR.tooMany}:${Math.ceil(retryAt)}`;
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function signInErrorMessage(code: string | null | undefined): string {
  const [name, at] = (code ?? "").split(":");
  switch (name) {
    case SIGN_IN_ERROR.wrongPassword:
      return "That email and password do not match an account. Check both and try again.";
    case SIGN_IN_ERROR.tooMany: {
      const when = Number(at);
      return Number.isFinite(when) && when > 0
        ? `Too many attempts for this email. Try again at ${clock(when)}.`
        : "Too many attempts for this email. Try again in 15 minutes.";
    }
    case SIGN_IN_ERROR.busy:
      return "The console is busy checking other sign-ins. Try again in a moment.";
    case SIGN_IN_ERROR.unavailable:
      return "Sign-in is unavailable: the console's shared store does not answer. People already signed in can go on working; ask whoever runs the console to check it.";
    default:
      return "Sign-in did not work. Try again.";
  }
}
