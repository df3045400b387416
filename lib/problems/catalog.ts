// The console's own error types: one entry per `/problems/{slug}` page.
// Shared by the server (titles, statuses) and the UI (plain-words help); no secrets here.

export type ProblemEntry = {
  status: number;
  title: string;
  /** What happened, in plain words, for someone who has never seen an API. */
  explanation: string;
  /** What to do next. */
  action: string;
};

export const problemCatalog = {
  unauthenticated: {
    status: 401,
    title: "Sign-in required",
    explanation: "You are not signed in to the console, or your sign-in has expired.",
    action: "Sign in again, then repeat what you were doing.",
  },
  "csrf-rejected": {
    status: 403,
    title: "Request refused: not from this console",
    explanation:
      "The request did not come from the console's own pages (it lacked the X-CSRF header or came from another site), so it was refused to protect your saved keys.",
    action: "Use the console's own pages. If you are writing a script, call JobNimbus directly with your own API key instead.",
  },
  "role-forbidden": {
    status: 403,
    title: "Your role cannot do this",
    explanation: "Your console role is viewer, and viewers may only read data (GET requests).",
    action: "Ask the person who runs the console to give you the editor role if you need to change data.",
  },
  "admin-only": {
    status: 403,
    title: "Administrators only",
    explanation: "This part of the console (who may sign in, the shared keys, the activity trail) is for the console's administrators.",
    action: "Ask whoever runs the console if you need something from it.",
  },
  "team-key-forbidden": {
    status: 403,
    title: "This shared key is not for your role",
    explanation: "Your administrator shares this JobNimbus key with some roles of the console only, and yours is not among them. Nothing was sent to JobNimbus.",
    action: "Pick another key in the keys panel, or ask your administrator to let your role use this one.",
  },
  "team-key-managed": {
    status: 409,
    title: "Shared keys are managed by your administrator",
    explanation: "This key is shared with the team by the console's administrator; it is not saved in your browser, so you cannot delete it.",
    action: "Use another key if you prefer. To stop everyone using it, ask your administrator to remove it from the console's settings.",
  },
  "no-api-key": {
    status: 428,
    title: "No API key saved",
    explanation:
      "The console has no usable JobNimbus API key for you: none was saved, it was deleted, it expired, or the saved keys belong to another sign-in.",
    action: "Open the keys panel and paste a key. In JobNimbus, keys are made under Settings > API Keys.",
  },
  "invalid-key-input": {
    status: 422,
    title: "That API key or label cannot be saved",
    explanation: "The key or its label is empty, too long, or contains spaces or invisible characters.",
    action: "Copy the key again from JobNimbus (Settings > API Keys), paste it without extra spaces, and give it a short label.",
  },
  "vault-full": {
    status: 409,
    title: "Too many saved keys",
    explanation: "Keys are kept in one encrypted browser cookie, which has room for only a few keys.",
    action: "Delete a key you no longer use, then save the new one.",
  },
  "key-not-found": {
    status: 404,
    title: "That key is not saved",
    explanation: "The key you asked for is not in your saved keys; it may have been deleted or have expired.",
    action: "Reload the page to see your current keys.",
  },
  "invalid-request": {
    status: 400,
    title: "The request could not be read",
    explanation: "The console could not understand what was sent to it.",
    action: "Check the fields named in the details and try again.",
  },
  "invalid-path": {
    status: 400,
    title: "That API path is not allowed",
    explanation:
      "The path contains something that could point the request somewhere other than JobNimbus (such as '..', a backslash, an encoded slash or a host name), so it was not sent.",
    action: "Use a plain path such as contacts or contacts/{jnid}.",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method not supported",
    explanation: "The console only sends GET, POST, PUT, PATCH and DELETE requests.",
    action: "Pick one of those methods.",
  },
  "payload-too-large": {
    status: 413,
    title: "Request body too large",
    explanation: "The body you tried to send is over the console's 5 MB limit.",
    action: "Send less data at once, for example in smaller batches.",
  },
  "upstream-timeout": {
    status: 504,
    title: "JobNimbus did not answer in time",
    explanation: "The console waited for JobNimbus, but no answer came before the time limit.",
    action: "Try again in a minute. If it keeps happening, ask for a smaller page of results or check JobNimbus's status.",
  },
  "upstream-unreachable": {
    status: 502,
    title: "Could not reach JobNimbus",
    explanation: "The connection to JobNimbus was refused or broken before an answer arrived.",
    action: "Try again shortly. If it persists, the console's JobNimbus address may be misconfigured; tell whoever runs the console.",
  },
  "upstream-redirect": {
    status: 502,
    title: "JobNimbus answered with a redirect",
    explanation:
      "JobNimbus pointed the request to another address. The console never follows redirects, so your key is only ever sent to JobNimbus itself.",
    action: "Check the path; the details name where the redirect pointed. Tell whoever runs the console if the address looks wrong.",
  },
  "upstream-encoded": {
    status: 502,
    title: "JobNimbus answered in a compressed form",
    explanation:
      "The console asks JobNimbus for uncompressed answers, so that it can make sure your API key never comes back in one. This answer came compressed anyway, and could not be checked, so it was not passed on.",
    action: "Try again. If it keeps happening, tell whoever runs the console: something between the console and JobNimbus compresses answers.",
  },
  "not-found": {
    status: 404,
    title: "No such console route",
    explanation: "The console has no API route at this address.",
    action: "Check the address. Calls to JobNimbus go through /api/proxy/.",
  },
  "catalog-unavailable": {
    status: 503,
    title: "The endpoint catalogue is not available",
    explanation:
      "The console could not build its list of endpoints: the OpenAPI document it was given (OPENAPI_SPEC) is missing, could not be fetched, or is not a valid OpenAPI 3 document. The details say what is wrong.",
    action: "Everything else works: type a path in the composer, or upload a valid OpenAPI document (JSON or YAML) in the catalogue panel. Tell whoever runs the console to fix OPENAPI_SPEC.",
  },
  "internal-error": {
    status: 500,
    title: "The console hit an unexpected error",
    explanation: "Something went wrong inside the console. Nothing was sent on your behalf after the error.",
    action: "Try again. If it keeps happening, tell whoever runs the console and give them the request id.",
  },
} as const satisfies Record<string, ProblemEntry>;

export type ProblemSlug = keyof typeof problemCatalog;

export const PROBLEM_PATH_PREFIX = "/problems/";

export function isProblemSlug(slug: string): slug is ProblemSlug {
  return Object.hasOwn(problemCatalog, slug);
}
