// The calls the page makes through the console's proxy: to wait for one, or to check which went out.
import type { Page, Request, Response } from "@playwright/test";

export function isProxyCall(message: Request | Response): boolean {
  return new URL(message.url()).pathname.startsWith("/api/proxy/");
}

/** Every proxied call the page makes from now on, in order. */
export function proxyCalls(page: Page): Request[] {
  const calls: Request[] = [];
  page.on("request", (request) => {
    if (isProxyCall(request)) calls.push(request);
  });
  return calls;
}
