// The sign-in throttle's limits, the same for both stores: how many attempts, over what window.
import "server-only";

export const SIGN_IN_WINDOW_S = 15 * 60;
/**
 * One address trying many emails, or one email tried from many addresses, gets this many times the
 * per-(email, address) allowance: wide enough for an office behind one address, narrow enough that
 * spraying guesses across emails or addresses stops within the window.
 */
export const WIDE_LIMIT_FACTOR = 10;

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

/** Options per limiter; `prefix` keeps each limiter's keys apart in a shared Redis. */
export function limiterOptions(maxFailures: number, prefix: string): Record<"pair" | "address" | "email", LimiterOptions> {
  return {
    pair: { keyPrefix: `${prefix}pair`, points: maxFailures, duration: SIGN_IN_WINDOW_S },
    address: { keyPrefix: `${prefix}address`, points: maxFailures * WIDE_LIMIT_FACTOR, duration: SIGN_IN_WINDOW_S },
    email: { keyPrefix: `${prefix}email`, points: maxFailures * WIDE_LIMIT_FACTOR, duration: SIGN_IN_WINDOW_S },
  };
}
