// Slows down repeated failed password sign-ins per email and per client address.
// Per-instance memory: an optimisation that makes guessing slow, not a correctness guarantee.

const WINDOW_MS = 15 * 60 * 1000;
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 8000;
const failures = new Map<string, { count: number; last: number }>();

function prune(now: number) {
  if (failures.size < 10_000) return;
  for (const [key, entry] of failures) if (now - entry.last > WINDOW_MS) failures.delete(key);
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
    failures.set(key, { count: (entry && now - entry.last < WINDOW_MS ? entry.count : 0) + 1, last: now });
  }
}

export function recordSuccess(keys: string[]): void {
  for (const key of keys) failures.delete(key);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
