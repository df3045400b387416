// Plain words for an HTTP status, so the response bar says what happened, not just a number.
// Common statuses get their own sentence; anything else is described by its class (2xx, 4xx, ...).

const MEANING_BY_STATUS: Readonly<Record<number, string>> = {
  0: "No answer (network error)",
  200: "OK — it worked",
  201: "Created",
  202: "Accepted — JobNimbus will finish it later",
  204: "Done — nothing to show",
  301: "Moved permanently",
  302: "Moved (found elsewhere)",
  304: "Not modified — nothing changed since last time",
  400: "Bad request — JobNimbus did not understand what was sent",
  401: "Not signed in to JobNimbus — the API key is missing or invalid",
  403: "Forbidden — the key works, but its access profile does not allow this",
  404: "Not found — nothing lives at this address, or the record does not exist",
  405: "Method not allowed — this address does not accept this kind of request",
  409: "Conflict — it clashes with the record's current state",
  412: "Precondition failed — the record changed since you last read it",
  413: "Too large — the request body is bigger than allowed",
  415: "Unsupported content type — send the body as JSON",
  422: "Not accepted — some fields are missing or invalid",
  428: "Precondition required — send If-Match with the record's current version",
  429: "Too many requests — wait a moment and try again",
  500: "JobNimbus had an internal error",
  502: "Bad gateway — no usable answer came back from JobNimbus",
  503: "Unavailable — JobNimbus is down or busy; try again later",
  504: "Timed out — JobNimbus took too long to answer",
};

const MEANING_BY_CLASS: Readonly<Record<number, string>> = {
  1: "Informational",
  2: "Success",
  3: "Redirected elsewhere",
  4: "The request was refused",
  5: "JobNimbus had a problem answering",
};

/** A short plain-words description of `status`; never empty. */
export function statusMeaning(status: number): string {
  const exact = MEANING_BY_STATUS[status];
  if (exact) return exact;
  const byClass = Number.isInteger(status) ? MEANING_BY_CLASS[Math.floor(status / 100)] : undefined;
  return byClass ?? "Unknown status";
}
