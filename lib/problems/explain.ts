// One or two plain sentences above a problem card: what happened and what to do.
// Picks by the console's own `type` first, then by status for JobNimbus's answers.
import { problemCatalog } from "./catalog";
import { consoleProblemSlug, type Problem } from "./problem";

const BY_STATUS: Record<number, string> = {
  400: "JobNimbus could not read this request. Check the path, the query and the body against the details below.",
  401: "This API key is missing or no longer valid; ask whoever manages JobNimbus for a new key (Settings > API Keys) and replace it here.",
  403: "The key works, but its access profile does not allow this action. Ask whoever manages JobNimbus to widen the key's access profile, or use another key.",
  404: "JobNimbus has nothing at this address: the record may have been deleted, or the id or path is wrong.",
  405: "JobNimbus does not accept this method at this address. Try another method.",
  409: "This change conflicts with the record's current state (someone may have changed it). Reload the record and try again.",
  413: "The request is too large. Send less data at once.",
  422: "JobNimbus understood the request but some values are not valid. The list below says which fields to fix.",
  429: "Too many requests in a short time. Wait for the countdown to end, then try again.",
};

export function explainProblem(problem: Problem, status: number, consoleOrigin?: string): string {
  const slug = consoleProblemSlug(problem.type, consoleOrigin);
  if (slug) {
    const entry = problemCatalog[slug];
    return `${entry.explanation} ${entry.action}`;
  }
  return explainStatus(status);
}

export function explainStatus(status: number): string {
  const known = BY_STATUS[status];
  if (known) return known;
  if (status >= 500) return "JobNimbus had a problem on its side. This is not something you did; try again in a few minutes.";
  if (status >= 400) return "JobNimbus refused this request. The details below say why.";
  return "";
}
