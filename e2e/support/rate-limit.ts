// JobNimbus's 429 as the browser receives it, injected in front of the proxy, so a test decides
// which calls are rate-limited without waiting for the mock's own limit.
import type { Page, Route } from "@playwright/test";

/** In the legacy API's error shape, as the mock words its own limit (JobNimbus documents none). */
const TOO_MANY = { status: 429, body: "Too many requests: this API key may make 50 requests per second. Wait 2 second(s), then try again." };

/**
 * The first `times` proxied calls matching `method` (and, if given, the proxy path `path`, such as
 * "/api/proxy/contacts") get a 429 with Retry-After: 2; later ones go through.
 */
export async function rateLimitFirst(page: Page, method: string, times = 1, path?: string) {
  let left = times;
  await page.route("**/api/proxy/**", async (route: Route) => {
    const request = route.request();
    if (request.method() === method && (!path || new URL(request.url()).pathname === path) && left > 0) {
      left -= 1;
      await route.fulfill({ status: 429, headers: { "retry-after": "2", "content-type": "application/json" }, body: JSON.stringify(TOO_MANY) });
      return;
    }
    await route.fallback();
  });
}
