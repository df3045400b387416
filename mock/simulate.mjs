// The mock-only ?simulate= switch: canned rate-limit, server-error, slow and HTML-error answers,
// and deprecation headers on any endpoint. Lets people see what these look like; JobNimbus has no such switch.

import { markDeprecated } from "./deprecation.mjs";
import { HttpError, send } from "./http.mjs";

export const SIMULATIONS = ["rate-limit", "server-error", "slow", "html-error", "deprecated"];
export const MAX_SLOW_MS = 60000;
const DEFAULT_SLOW_MS = 2000;

const HTML_502 = `<!DOCTYPE html>
<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/**
 * Applies ?simulate= if present.
 * @param {{ api: string, params: URLSearchParams, res: import("node:http").ServerResponse, sleep: (ms: number) => Promise<boolean> }} ctx
 * @returns {Promise<boolean>} true when the response has already been sent (or the client left)
 */
export async function applySimulation(ctx) {
  const mode = ctx.params.get("simulate");
  if (mode === null) return false;
  switch (mode) {
    case "rate-limit":
      throw new HttpError(429, "Simulated rate limit (simulate=rate-limit): too many requests. Wait 5 seconds, then try again.", {
        extensions: { retry_after: 5, simulated: true },
        headers: { "Retry-After": "5" },
      });
    case "server-error":
      throw new HttpError(500, "Simulated server error (simulate=server-error): the JobNimbus API failed while handling this request.", {
        extensions: { simulated: true },
      });
    case "deprecated":
      markDeprecated(ctx.res);
      return false;
    case "html-error":
      send(ctx.res, 502, "text/html; charset=utf-8", HTML_502);
      return true;
    case "slow": {
      const raw = ctx.params.get("ms");
      let ms = DEFAULT_SLOW_MS;
      if (raw !== null && raw !== "") {
        if (!/^\d+$/.test(raw.trim())) {
          throw new HttpError(400, `Invalid "ms" for simulate=slow: expected milliseconds from 0 to ${MAX_SLOW_MS}, got "${raw.slice(0, 40)}".`, {
            extensions: { errors: [{ field: "ms", message: `must be a whole number of milliseconds (at most ${MAX_SLOW_MS}).` }] },
          });
        }
        ms = Math.min(Number(raw.trim()), MAX_SLOW_MS);
      }
      const finished = await ctx.sleep(ms);
      return !finished;
    }
    default:
      throw new HttpError(400, `Unknown simulate value "${mode.slice(0, 40)}". Use one of: ${SIMULATIONS.join(", ")}.`, {
        extensions: { errors: [{ field: "simulate", message: `must be one of: ${SIMULATIONS.join(", ")}.` }] },
      });
  }
}
