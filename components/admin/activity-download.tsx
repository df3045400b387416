"use client";
// "Download CSV" of the activity trail with the filters in use: fetched with the console's X-CSRF header
// (a plain link could not send it), then saved from the browser's memory.
import { useState } from "react";
import { consoleFetch } from "@/lib/console-api/console-fetch";

export function ActivityDownload({ query }: { query: string }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function download() {
    setMessage({ error: false, text: "Preparing the download…" });
    const res = await consoleFetch(`/api/admin/activity/csv${query ? `?${query}` : ""}`).catch(() => null);
    if (!res?.ok) {
      setMessage({ error: true, text: "The activity could not be downloaded; try again in a moment." });
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "console-activity.csv";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setMessage({ error: false, text: "Downloaded." });
  }

  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        onClick={() => void download()}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Download CSV
      </button>
      {message ? (
        <span role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}`}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
