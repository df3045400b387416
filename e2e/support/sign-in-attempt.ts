// One password sign-in through next-auth's own routes that may fail, and how: the `error` next-auth
// puts in its answer's URL, as the sign-in form reads it (lib/problems/sign-in-errors.ts).
import { expect } from "@playwright/test";
import { json, type ConsoleClient, type Reply } from "./api-client";

export type Attempt = { ok: boolean; error: string | null; reply: Reply };

export async function attemptSignIn(client: ConsoleClient, email: string, password: string, headers: Record<string, string> = {}): Promise<Attempt> {
  const csrf = await client.get("/api/auth/csrf", { csrf: false });
  expect(csrf.status).toBe(200);
  const { csrfToken } = json<{ csrfToken: string }>(csrf);
  const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: client.base, json: "true" });
  const reply = await client.send("POST", "/api/auth/callback/credentials", {
    csrf: false,
    body: form.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
  const url = json<{ url?: string }>(reply).url ?? "";
  const error = url ? new URL(url, client.base).searchParams.get("error") : null;
  return { ok: reply.status === 200 && !error, error, reply };
}

/** The time a "TooManyAttempts:<epoch ms>" error says to try again at. */
export function retryAtOf(error: string | null): number {
  const match = /^TooManyAttempts:(\d+)$/.exec(error ?? "");
  expect(match, `a TooManyAttempts error, not ${error}`).toBeTruthy();
  return Number(match![1]);
}
