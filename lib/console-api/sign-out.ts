// Signing out the way next-auth/react's signOut() does it (its CSRF token from /api/auth/csrf,
// then a form POST to /api/auth/signout), in two fetches instead of shipping next-auth's client
// (and its Babel runtime) with every page. The route clears the key vault cookie as well; this
// tab forgets the account's choices it kept.
import { forgetAccount } from "@/lib/account/cache";

/** Signs out, then goes to `callbackUrl`; when that fails, to next-auth's own sign-out page. */
export async function signOut(callbackUrl = "/signin"): Promise<void> {
  forgetAccount(window.sessionStorage);
  try {
    const csrf = await fetch("/api/auth/csrf", { credentials: "same-origin", cache: "no-store" });
    const { csrfToken } = (await csrf.json()) as { csrfToken?: unknown };
    if (!csrf.ok || typeof csrfToken !== "string") throw new Error("no CSRF token");
    const res = await fetch("/api/auth/signout", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
    const { url } = (await res.json()) as { url?: unknown };
    if (!res.ok) throw new Error(`sign-out answered ${res.status}`);
    window.location.href = typeof url === "string" && url ? url : callbackUrl;
  } catch {
    // next-auth's page asks once more and signs out with a plain form post.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a route handler's page, not a Next.js page: a full navigation
    window.location.href = "/api/auth/signout";
  }
}
