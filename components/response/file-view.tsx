"use client";
// Files in an answer: images inline, PDFs in a frame, anything else as a download.
// Everything is shown from a blob: URL made in the browser, never from JobNimbus directly.
import { useEffect, useState } from "react";

export function filenameFrom(disposition: string | null | undefined, fallback: string): string {
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition ?? "");
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {}
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? "");
  return (plain?.[1] ?? fallback).replace(/[\\/]/g, "_");
}

export function useBlobUrl(bytes: Uint8Array, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL must be revoked with the effect
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [bytes, type]);
  return url;
}

type Props = { bytes: Uint8Array; contentType: string; filename: string; kind: "image" | "pdf" | "download" };

export function FileView({ bytes, contentType, filename, kind }: Props) {
  const url = useBlobUrl(bytes, contentType);
  if (!url) return null;
  return (
    <div className="flex flex-col gap-2" data-testid="file-view">
      {/* eslint-disable-next-line @next/next/no-img-element -- a blob: URL made in this browser; next/image cannot optimise it */}
      {kind === "image" ? <img src={url} alt={`Image from the answer: ${filename}`} className="max-h-[32rem] max-w-full self-start rounded border border-slate-200 dark:border-slate-700" /> : null}
      {kind === "pdf" ? <iframe src={url} title={`PDF from the answer: ${filename}`} className="h-[32rem] w-full rounded border border-slate-200 dark:border-slate-700" /> : null}
      <a href={url} download={filename} className="self-start rounded border border-slate-300 px-3 py-1 text-sm underline dark:border-slate-700">
        Download {filename} ({bytes.byteLength.toLocaleString()} bytes)
      </a>
    </div>
  );
}
