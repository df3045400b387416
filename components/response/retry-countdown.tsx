"use client";
// A live countdown from a Retry-After header (seconds or an HTTP date). With `onDone` the
// console tries again by itself when it ends (GETs only; callers never pass it for writes).
import { useEffect, useRef, useState } from "react";

export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export function RetryCountdown({ seconds, onDone }: { seconds: number; onDone?: () => void }) {
  const [left, setLeft] = useState(seconds);
  // The latest callback, so a parent re-rendering with a new function does not restart the countdown.
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    const end = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        done.current?.();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return (
    <>
      <p role="timer" aria-live="polite" data-testid="retry-countdown" className="font-medium">
        {left > 0 ? `You can try again in ${left} second${left === 1 ? "" : "s"}.` : "You can try again now."}
      </p>
      {onDone ? (
        <p data-testid="retry-auto" className="text-sm text-slate-600 dark:text-slate-400">
          This only reads data, so the console sends it once more by itself when the countdown ends.
        </p>
      ) : null}
    </>
  );
}
