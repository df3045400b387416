// Reads the account's settings and team through the proxy, with the key in use: what forms offer
// as choices and what names stand behind ids. Two GETs on the legacy API (§3f).
import { callProxy, jsonBody, type ReceivedResponse } from "@/lib/console-api/proxy-call";
import { explainStatus } from "@/lib/problems/explain";
import type { RequestDraft } from "@/lib/request/request-model";
import { readAccount, type Account } from "./account";

export type AccountLoad = { ok: true; account: Account } | { ok: false; message: string };

const get = (path: string): RequestDraft => ({ upstream: "legacy", method: "GET", path, pathParams: {}, query: [], headers: [], body: "" });

function failure(path: string, response: ReceivedResponse): string {
  if (response.failure === "cancelled") return "Cancelled.";
  if (response.failure) return "The console could not be reached: check your internet connection, then try again.";
  return `JobNimbus answered ${response.status} to GET ${path}. ${explainStatus(response.status)}`.trim();
}

/** Both answers, or why the choices could not be read; never rejects. */
export async function loadAccount(keyId: string, signal?: AbortSignal): Promise<AccountLoad> {
  const paths = ["account/settings", "account/users"] as const;
  const [settings, users] = await Promise.all(paths.map((path) => callProxy(get(path), { keyId, signal })));
  for (const [index, response] of [settings!, users!].entries()) {
    if (response.status !== 200) return { ok: false, message: failure(paths[index]!, response) };
  }
  const read = readAccount(jsonBody(settings!), jsonBody(users!));
  return read.ok ? read : { ok: false, message: `${read.message}.` };
}
