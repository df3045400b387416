// Failed password sign-ins slow down per key (email, address): free at first, then doubling,
// capped, forgotten on success or after the window. `now` is passed in, so no timers.
import { describe, expect, it } from "vitest";
import { delayFor, recordFailure, recordSuccess } from "./2-throttle";

const WINDOW_MS = 15 * 60 * 1000;
let counter = 0;
/** Fresh keys per test: the failure map is module state shared by the file. */
function keys(): string[] {
  counter += 1;
  return [`email:user${counter}@example.com`, `ip:10.0.0.${counter}`];
}

function failTimes(k: string[], times: number, now: number) {
  for (let i = 0; i < times; i += 1) recordFailure(k, now);
}

describe("login throttle", () => {
  const T0 = 1_800_000_000_000;

  it("no delay for an unknown key or the first few failures", () => {
    const k = keys();
    expect(delayFor(k, T0)).toBe(0);
    failTimes(k, 1, T0);
    expect(delayFor(k, T0)).toBe(0);
    failTimes(k, 1, T0);
    expect(delayFor(k, T0)).toBe(0);
  });

  it("delays grow after that, and are capped", () => {
    const k = keys();
    failTimes(k, 2, T0);
    const delays: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      recordFailure(k, T0 + i);
      delays.push(delayFor(k, T0 + i));
    }
    expect(delays[0]).toBeGreaterThan(0);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);
    const cap = delays[delays.length - 1]!;
    expect(cap).toBeLessThanOrEqual(10_000);
    expect(delays.slice(-3)).toEqual([cap, cap, cap]);
    failTimes(k, 100, T0 + 20);
    expect(delayFor(k, T0 + 20)).toBe(cap);
  });

  it("uses the worst of the keys given (a guessed-at email from a fresh address still waits)", () => {
    const [email, ip] = keys() as [string, string];
    failTimes([email, ip], 6, T0);
    expect(delayFor([email, "ip:203.0.113.9"], T0)).toBeGreaterThan(0);
    expect(delayFor(["email:other@example.com", ip], T0)).toBeGreaterThan(0);
    expect(delayFor(["email:other@example.com", "ip:203.0.113.9"], T0)).toBe(0);
  });

  it("a success resets the count", () => {
    const k = keys();
    failTimes(k, 6, T0);
    expect(delayFor(k, T0)).toBeGreaterThan(0);
    recordSuccess(k);
    expect(delayFor(k, T0)).toBe(0);
    failTimes(k, 1, T0);
    expect(delayFor(k, T0)).toBe(0);
  });

  it("failures older than the window are forgotten", () => {
    const k = keys();
    failTimes(k, 6, T0);
    expect(delayFor(k, T0 + WINDOW_MS - 1)).toBeGreaterThan(0);
    expect(delayFor(k, T0 + WINDOW_MS + 1)).toBe(0);
    // And counting starts again from one rather than from six.
    recordFailure(k, T0 + WINDOW_MS + 1);
    expect(delayFor(k, T0 + WINDOW_MS + 1)).toBe(0);
  });

  it("keeps throttling the most recent offenders while many other keys fail", () => {
    for (let i = 0; i < 12_000; i += 1) recordFailure([`email:flood${i}@example.com`], T0);
    const k = keys();
    failTimes(k, 6, T0 + 1);
    expect(delayFor(k, T0 + 1)).toBeGreaterThan(0);
  });
});
