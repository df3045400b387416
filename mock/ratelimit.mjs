// Per-key request counting in one-second windows, for the real 429 and X-RateLimit-* headers.
// Keyed by a hash of the API key; stale windows are pruned so memory stays small.

/**
 * @param {{ limit?: number, windowMs?: number, clock?: () => number }} [opts] limit 0 turns limiting off
 */
export function createRateLimiter({ limit = 50, windowMs = 1000, clock = Date.now } = {}) {
  /** keyId → { start, count } */
  const windows = new Map();
  return {
    limit,
    /** Counts one request; says whether it is allowed and what to put in the headers. */
    hit(keyId) {
      const now = clock();
      const start = now - (now % windowMs);
      if (windows.size > 1000) {
        for (const [k, w] of windows) if (w.start < start) windows.delete(k);
      }
      let w = windows.get(keyId);
      if (!w || w.start !== start) {
        w = { start, count: 0 };
        windows.set(keyId, w);
      }
      w.count += 1;
      if (!limit) return { allowed: true, limit: 0, remaining: 0, retryAfter: 0 };
      const allowed = w.count <= limit;
      return {
        allowed,
        limit,
        remaining: Math.max(0, limit - w.count),
        retryAfter: Math.max(1, Math.ceil((start + windowMs - now) / 1000)),
      };
    },
  };
}
