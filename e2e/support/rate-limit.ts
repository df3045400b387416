// JobNimbus's 429 as the browser receives it, injected in front of the proxy, so a test decides
// which calls are rate-limited without waiting for the mock's own limit.
import type { Page, Route } from "@playwright/test";

const TOO_MANY = {
  type: "https://api.jobnimbus.com/problems/rate-limited",
  title: "Too Many Requests",
  status: 429,
  detail: "Too many requests: wait 2 second(s), then try again.",
  retry_after: 2,
};

/** The first `times` proxied calls matching `method` get a 429 with Retry-After: 2; later ones go through. */
export async function rateLimitFirst(page: Page, method: string, times = 1) {
  let left = times;
  await page.route("**/api/proxy/**", async (route: Route) => {
    if (route.request().method() === method && left > 0) {
      left -= 1;
      await route.fulfill({ status: 429, headers: { "retry-after": "2", "content-type": "application/problem+json" }, body: JSON.stringify(TOO_MANY) });
      return;
    }
    await route.fallback();
  });
}
