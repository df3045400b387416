// Every error shape JobNimbus and common servers send, read as one Problem so the UI explains them
// alike: RFC 9457 documents (also sent as plain JSON), the legacy API's {"status", "body"} (§6),
// {"message"}-style bodies, and plain text. Field errors and a support reference are pulled out.
import { isRecord } from "@/lib/json/is-record";
import { isProblemContentType, parseProblem, type Problem } from "./problem";

/** Which shape the answer had: the card shows a problem's `type` only for real Problem Details. */
export type ProblemShape = "problem-details" | "status-body" | "message" | "text";
export type AnswerProblem = { problem: Problem; shape: ProblemShape };

/** Members third-party clients read an error's words from (jobnimbus-api.md §6), in that order. */
const MESSAGE_KEYS = ["message", "error", "errorMessage", "error_description", "detail"] as const;
/** Longer text is a page, not a message: the raw view shows it. */
const MAX_TEXT = 2000;

const isJson = (contentType: string | null) => /(^|\/|\+)json\b/i.test((contentType ?? "").split(";")[0] ?? "");
const isPlainText = (contentType: string | null) => /^text\/plain\b/i.test(contentType ?? "");

function messageOf(body: Record<string, unknown>): string | null {
  for (const key of MESSAGE_KEYS) {
    const value = body[key];
    if (typeof value === "string" && value.trim()) return value.trim();
    if (isRecord(value) && typeof value.message === "string" && value.message.trim()) return value.message.trim();
  }
  return null;
}

/**
 * The problem in a failed answer (or in any problem+json answer), or null when it holds none the
 * card can show: an HTML page, an empty body, JSON without a message. `text` is the decoded body.
 */
export function problemFromAnswer(contentType: string | null, parsed: unknown, text: string | null, status: number): AnswerProblem | null {
  if (isProblemContentType(contentType)) {
    const problem = parseProblem(parsed);
    return problem ? { problem, shape: "problem-details" } : null;
  }
  if (status < 400) return null;
  const withStatus = (detail: string | undefined, extra: Record<string, unknown> = {}): Problem => ({ ...extra, type: "about:blank", status, ...(detail ? { detail } : {}) });
  if (isJson(contentType) && isRecord(parsed)) {
    // The legacy API's observed error: {"status": 401, "body": "Authentication required"}.
    if (typeof parsed.body === "string" && (parsed.status === undefined || typeof parsed.status === "number") && !("type" in parsed) && !("title" in parsed)) {
      const rest = Object.fromEntries(Object.entries(parsed).filter(([key]) => key !== "body" && key !== "status"));
      return { problem: withStatus(parsed.body.trim() || undefined, rest), shape: "status-body" };
    }
    // ASP.NET and others send Problem Details as plain JSON too.
    if (typeof parsed.type === "string" || typeof parsed.title === "string") {
      const problem = parseProblem({ ...parsed, status: typeof parsed.status === "number" ? parsed.status : status });
      if (problem) return { problem, shape: "problem-details" };
    }
    const message = messageOf(parsed);
    if (message || "errors" in parsed) {
      const rest = Object.fromEntries(Object.entries(parsed).filter(([key]) => !(MESSAGE_KEYS as readonly string[]).includes(key) && key !== "status"));
      return { problem: withStatus(message ?? undefined, rest), shape: "message" };
    }
    return null;
  }
  if (isPlainText(contentType) && text?.trim() && text.length <= MAX_TEXT) return { problem: withStatus(text.trim()), shape: "text" };
  return null;
}

export type FieldError = { field: string | null; message: string };

/**
 * `errors` as a list a person reads: an object of field → messages (ASP.NET's validation
 * problems), or a list of {field, message} or of plain messages.
 */
export function fieldErrorsOf(problem: Problem): FieldError[] {
  const errors = (problem as { errors?: unknown }).errors;
  const text = (value: unknown) => (typeof value === "string" ? value : value === null || value === undefined ? "" : JSON.stringify(value));
  if (Array.isArray(errors)) {
    return errors.flatMap((item): FieldError[] => {
      if (typeof item === "string") return [{ field: null, message: item }];
      if (!isRecord(item)) return [];
      const field = typeof item.field === "string" ? item.field : typeof item.name === "string" ? item.name : null;
      const message = text(item.message ?? item.detail ?? item.reason ?? "");
      return message || field ? [{ field, message }] : [];
    });
  }
  if (isRecord(errors)) {
    return Object.entries(errors).flatMap(([field, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map((message) => ({ field: field === "" || field === "$" ? null : field, message: text(message) })),
    );
  }
  return [];
}

/** Names servers give the id of one failed request: worth quoting to support. */
export const REFERENCE_KEYS = ["traceId", "trace_id", "requestId", "request_id", "correlationId", "correlation_id"] as const;

/** The id to quote to JobNimbus's support, when the answer gives one. */
export function referenceOf(problem: Problem): string | null {
  for (const key of REFERENCE_KEYS) {
    const value = (problem as Record<string, unknown>)[key];
    if (typeof value === "string" && value.trim()) return value.trim();
    if (typeof value === "number") return String(value);
  }
  return null;
}
