// Where to send someone after signing in: only a page of this console. Used by the sign-in page
// (already signed in, and the form's `next`) and by next-auth's redirect callback (SSO's callbackUrl).
import "server-only";

const HOME = "/";
const MAX_LENGTH = 2048;

/**
 * `next` resolved against the console's own URL, as a path on it ("/recipes?id=x#top"), or "/".
 * The URL parser drops tabs and line breaks and reads "\" as "/", so "/\t/host" and "/\\host" mean
 * "//host", another site: anything holding such characters is refused before parsing. What is left
 * must have the console's origin and a path that cannot be read as protocol-relative ("//host").
 */
export function returnPath(next: unknown, consoleUrl: string): string {
  if (typeof next !== "string" || next === "" || next.length > MAX_LENGTH) return HOME;
  if (/[\u0000-\u0020\u007f\\]/.test(next)) return HOME;
  let url: URL;
  let origin: string;
  try {
    origin = new URL(consoleUrl).origin;
    url = new URL(next, `${origin}/`);
  } catch {
    return HOME;
  }
  if (url.origin !== origin || url.username || url.password) return HOME;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return HOME;
  // The sign-in page itself would send a signed-in person round in a loop.
  if (url.pathname === "/signin" || url.pathname.startsWith("/signin/")) return HOME;
  return path;
}

/** next-auth's `redirect` callback: the same rule, as the absolute URL next-auth expects. */
export function redirectCallback({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return `${new URL(baseUrl).origin}${returnPath(url, baseUrl)}`;
}
