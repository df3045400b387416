// RFC 9457 Problem Details: the one way the console builds an error response,
// and the one parser the UI uses to read any problem (the console's or JobNimbus's).
import { PROBLEM_PATH_PREFIX, problemCatalog, type ProblemSlug } from "./catalog";
// zod/mini: the browser reads problems with the validator its first load already carries.
import * as z from "@/lib/zod-mini";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** What a problem document may hold; unknown members are kept as extensions. */
export const problemSchema = z.looseObject({
  type: z._default(z.string(), "about:blank"),
  title: z.optional(z.string()),
  status: z.optional(z.int().check(z.minimum(100), z.maximum(599))),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
});
export type Problem = z.infer<typeof problemSchema>;

/** Reads a body as a problem; null when it is not one. */
export function parseProblem(body: unknown): Problem | null {
  const result = problemSchema.safeParse(body);
  return result.success ? result.data : null;
}

export function isProblemContentType(contentType: string | null | undefined): boolean {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() === PROBLEM_CONTENT_TYPE;
}

/** Resolves relative `type`s when the console's origin is unknown; never a real host. */
const RELATIVE_BASE = "http://console.invalid";

/**
 * The slug when `type` is one of the console's own problems (`/problems/{slug}` on the
 * console's origin), else null. With no origin known, only a relative `type` counts, so
 * JobNimbus's https://api.jobnimbus.com/problems/not-found is never taken for the console's.
 */
export function consoleProblemSlug(type: string, consoleOrigin?: string): ProblemSlug | null {
  const base = consoleOrigin ?? (typeBase() || RELATIVE_BASE);
  let url: URL;
  let origin: string;
  try {
    origin = new URL(base).origin;
    url = new URL(type, base);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  if (!url.pathname.startsWith(PROBLEM_PATH_PREFIX)) return null;
  const slug = url.pathname.slice(PROBLEM_PATH_PREFIX.length);
  return Object.hasOwn(problemCatalog, slug) ? (slug as ProblemSlug) : null;
}

export type ProblemInit = {
  detail: string;
  /** Overrides the catalogue status (e.g. 401 vs 403 flavours); rarely needed. */
  status?: number;
  instance?: string;
  headers?: HeadersInit;
  extensions?: Record<string, unknown>;
};

/** Base for `type` URLs: the console's public origin when known. */
function typeBase(): string {
  const url = process.env.NEXTAUTH_URL;
  return url ? url.replace(/\/+$/, "") : "";
}

/** Builds the console's own problem document for a catalogued slug. */
export function consoleProblem(slug: ProblemSlug, init: ProblemInit): Problem {
  const entry = problemCatalog[slug];
  return {
    ...init.extensions,
    type: `${typeBase()}${PROBLEM_PATH_PREFIX}${slug}`,
    title: entry.title,
    status: init.status ?? entry.status,
    detail: init.detail,
    ...(init.instance ? { instance: init.instance } : {}),
  };
}

/** The one way to answer with an error: `application/problem+json`, never cached. */
export function problemResponse(slug: ProblemSlug, init: ProblemInit): Response {
  const problem = consoleProblem(slug, init);
  const headers = new Headers(init.headers);
  headers.set("content-type", PROBLEM_CONTENT_TYPE);
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}
