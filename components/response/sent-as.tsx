"use client";
// "Sent as jane@roofco.com": whom JobNimbus recorded a call as, when the console chose it (a team key that
// acts as the signed-in person; lib/proxy/2-actor.ts sets X-Console-Actor). Nothing otherwise.
import { headerOf, type ReceivedResponse } from "@/lib/console-api/proxy-call";

export function SentAs({ response }: { response: Pick<ReceivedResponse, "headers"> }) {
  const actor = headerOf(response, "x-console-actor");
  if (!actor) return null;
  return (
    <p data-testid="sent-as" className="text-sm text-slate-600 dark:text-slate-400">
      Sent as <strong className="font-medium text-slate-900 dark:text-slate-100">{actor}</strong>: JobNimbus records this call as yours.
    </p>
  );
}
