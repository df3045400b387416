// The browser's only way to call the console's API: same-origin, with the X-CSRF header.

export function consoleFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("x-csrf", "1");
  return fetch(path, { ...init, headers, credentials: "same-origin", cache: "no-store" });
}
