// zod, configured here once for browser and server: jitless, because zod's `new Function` probe trips the page's strict
// CSP (no 'unsafe-eval'), and zod's English messages, which zod/mini leaves out. Browser modules use zod/mini from here.
import { en } from "zod/locales";
import { config, type core } from "zod/mini";

// Use as `import * as z from "@/lib/zod-mini"`: a namespace import lets the bundler keep only the parts used.
export * from "zod/mini";

// One configuration for both builds: zod/mini and classic zod (lib/zod.ts imports this module first) share it.
config({ jitless: true, ...en() });

/**
 * Parse options for data whose problems people read (an imported file): an absent value is reported
 * as "missing" rather than "Invalid input: expected string, received undefined".
 */
export const PLAIN_MESSAGES: core.ParseContext<core.$ZodIssue> = {
  error: (issue) => (issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value") ? "missing" : undefined),
};

/** "draft.headers.0.name: missing; …" for the first `count` issues. */
export function describeIssues(issues: readonly core.$ZodIssue[], count = 3): string {
  return issues
    .slice(0, count)
    .map((issue) => `${issue.path.length ? `${issue.path.map(String).join(".")}: ` : ""}${issue.message}`)
    .join("; ");
}
