// Slows down repeated failed password sign-ins per email and per client address.
// Per-instance memory: an optimisation that makes guessing slow, not a correctness guarantee.
import "server-only";

const WINDOW_MS = 15 * 60 * 1000;
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 8000;
const MAX_ENTRIES = 10_000;
/** Kept in order of last failure (re-inserted on each one), so the oldest entry comes first. */
const failures = new Map<string, { count: number; last: number }>();

/** Bounds memory: someone cycling through made-up emails must not grow the map for ever. */
function prune(now: number) {
  if (failures.size < MAX_ENTRIES) return;
  for (const [key, entry] of failures) {
    if (failures.size < MAX_ENTRIES && now - entry.last < WINDOW_MS) break;
    failures.delete(key);
  }
}

/** How long to wait before checking this attempt: 0 for the first few, then doubling up to 8 s. */
export function delayFor(keys: string[], now = Date.now()): number {
  const worst = Math.max(0, ...keys.map((key) => {
    const entry = failures.get(key);
    return entry && now - entry.last < WINDOW_MS ? entry.count : 0;
  }));
  if (worst < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 250 * 2 ** (worst - FREE_FAILURES));
}

export function recordFailure(keys: string[], now = Date.now()): void {
  prune(now);
  for (const key of keys) {
    const entry = failures.get(key);
    failures.delete(key);
    failures.set(key, { count: (entry && now - entry.last < WINDOW_MS ? entry.count : 0) + 1, last: now });
  }
}

export function recordSuccess(keys: string[]): void {
  for (const key of keys) failures.delete(key);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
