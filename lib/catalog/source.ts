// Where the server's catalogue comes from: OPENAPI_SPEC (a JSON or YAML file path, or an http(s)
// URL fetched once on first use) or the shipped document of what JobNimbus publicly documents.
// Failures never stop the console. A URL may carry credentials (user:password@, ?access_token=…):
// they are used to fetch it, and everything shown or logged names it by scheme, host and path only.
import "server-only";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import shippedSpec from "@/openapi/jobnimbus.json";
import { getEnv, type Env } from "@/lib/config/env";
import { buildCatalog, catalogFromText } from "./build";
import type { CatalogResult } from "./catalog";

const MAX_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
/** A document that could not be fetched is tried again after this long; one that is malformed is not. */
const RETRY_FETCH_MS = 30_000;

export const SHIPPED_LABEL = "the shipped document of JobNimbus's publicly documented APIs";

export type CatalogSource = { label: string; result: CatalogResult };

/** An http(s) OPENAPI_SPEC as people may see it: scheme, host and path, without user, password or query. */
export function shownSpecUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** The parts of a URL that may be secret (user, password, query and its values), as written and decoded. */
function secretParts(url: URL): string[] {
  const parts = [url.username, url.password, url.search.slice(1), ...url.searchParams.values()];
  const decoded = parts.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return [...new Set([...parts, ...decoded])].filter((part) => part.length >= 3).sort((a, b) => b.length - a.length);
}

async function fetchText(url: URL): Promise<string> {
  // An administrator's URL (loopback included): no cookies or keys are sent, redirects are not followed.
  // fetch refuses a URL with user:password@, so those go in a Basic Authorization header instead.
  const target = new URL(url);
  const credentials = target.username || target.password ? `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}` : null;
  target.username = "";
  target.password = "";
  const headers: Record<string, string> = { accept: "application/json, application/yaml;q=0.9, text/yaml;q=0.8, */*;q=0.1" };
  if (credentials) headers.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  const res = await fetch(target, { redirect: "error", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers, cache: "no-store" });
  if (!res.ok) throw new Error(`it answered ${res.status}`);
  const length = Number(res.headers.get("content-length"));
  if (length > MAX_BYTES) throw new Error("it is over 5 MB");
  const text = await res.text();
  if (text.length > MAX_BYTES) throw new Error("it is over 5 MB");
  return text;
}

/** Why a fetch failed, in a few words; nothing from the URL's secret parts (an error message can quote the URL). */
function reason(error: unknown, secrets: readonly string[]): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${FETCH_TIMEOUT_MS / 1000} seconds`;
  const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
  const text = code ?? (error instanceof Error ? error.message : String(error));
  return secrets.reduce((out, secret) => out.replaceAll(secret, "…"), text);
}

async function load(spec: string | undefined): Promise<CatalogSource & { retryable: boolean }> {
  if (!spec) return { label: SHIPPED_LABEL, result: buildCatalog(shippedSpec, "openapi/jobnimbus.json"), retryable: false };
  if (/^https?:\/\//i.test(spec)) {
    let url: URL;
    try {
      url = new URL(spec);
    } catch {
      return { label: "OPENAPI_SPEC", result: { ok: false, error: "OPENAPI_SPEC is not a valid URL" }, retryable: false };
    }
    const label = `OPENAPI_SPEC (${shownSpecUrl(url)})`;
    try {
      return { label, result: catalogFromText(await fetchText(url), label), retryable: false };
    } catch (error) {
      return { label, result: { ok: false, error: `${label} could not be fetched: ${reason(error, secretParts(url))}` }, retryable: true };
    }
  }
  const label = `OPENAPI_SPEC (${spec})`;
  try {
    const text = await readFile(/* turbopackIgnore: true */ resolve(/* turbopackIgnore: true */ process.cwd(), spec), "utf8");
    return { label, result: catalogFromText(text, label), retryable: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { label, result: { ok: false, error: `${label} cannot be read${code === "ENOENT" ? ": there is no such file" : code ? ` (${code})` : ""}` }, retryable: false };
  }
}

let cached: { spec: string | undefined; at: number; promise: Promise<CatalogSource & { retryable: boolean }> } | undefined;

/** The catalogue (or why there is none), loaded once per process. */
export async function loadCatalog(env: Pick<Env, "OPENAPI_SPEC"> = getEnv()): Promise<CatalogSource> {
  const stale = cached && (cached.spec !== env.OPENAPI_SPEC || ((await cached.promise).retryable && Date.now() - cached.at > RETRY_FETCH_MS));
  if (!cached || stale) cached = { spec: env.OPENAPI_SPEC, at: Date.now(), promise: load(env.OPENAPI_SPEC) };
  const { label, result } = await cached.promise;
  return { label, result };
}

/** Start-up: begins loading, and logs one line when the document is unusable (the console runs on without it). */
export function warmCatalog(): void {
  void loadCatalog()
    .then(({ result }) => {
      if (!result.ok) console.warn(`OpenAPI catalogue unavailable: ${result.error}. The console works without it.`);
    })
    .catch(() => {});
}
