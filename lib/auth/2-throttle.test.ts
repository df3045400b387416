// The sign-in throttle: attempts counted before the check (parallel guesses included), refused
// unchecked once used up with when to try again, a success forgiving only its own (email, address),
// forwarded addresses believed only behind a configured proxy, password checks bounded with the
// excess answered at once.
import { describe, expect, it } from "vitest";
import { memoryStore } from "@/lib/store/memory-store";
import { WIDE_LIMIT_FACTOR } from "@/lib/store/limits";
import { admit, boundedCheck, checkLikeAPassword, clientAddress, MAX_PASSWORD_CHECKS } from "./2-throttle";

const MAX = 3;

describe("admit", () => {
  it("counts attempts before any check: of many at once, exactly the allowance gets through", async () => {
    const store = memoryStore(MAX);
    const answers = await Promise.all(Array.from({ length: 20 }, () => admit(store, "alice@example.com", null)));
    expect(answers.filter((a) => a.ok)).toHaveLength(MAX);
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(20 - MAX);
    for (const answer of refused) {
      if (answer.ok) continue;
      // Within the 15-minute window, and not before now.
      expect(answer.retryAt).toBeGreaterThan(Date.now());
      expect(answer.retryAt).toBeLessThanOrEqual(Date.now() + 15 * 60 * 1000);
    }
  });

  it("without a trusted address, counts per email: other made-up addresses do not get more tries", async () => {
    const store = memoryStore(MAX);
    for (let i = 0; i < MAX; i += 1) expect((await admit(store, "bob@example.com", null)).ok).toBe(true);
    expect((await admit(store, "bob@example.com", null)).ok).toBe(false);
    expect((await admit(store, "carol@example.com", null)).ok, "another email is not affected").toBe(true);
  });

  it("a success forgives that (email, address) only, never the address's count across emails", async () => {
    const store = memoryStore(MAX);
    const address = "203.0.113.7";
    // Guesses at many emails from one address use up the address's wider count …
    let used = 0;
    for (let i = 0; used < MAX * WIDE_LIMIT_FACTOR - 1; i += 1) {
      const answer = await admit(store, `victim${i}@example.com`, address);
      if (answer.ok) used += 1;
    }
    // … and the guesser's own successful sign-in from there does not give them back: it counts
    // as nothing, so exactly the one attempt that was left is still left.
    const own = await admit(store, "guesser@example.com", address);
    expect(own.ok).toBe(true);
    if (own.ok) await own.settle("success");
    expect((await admit(store, "victim-last@example.com", address)).ok).toBe(true);
    expect((await admit(store, "victim-next@example.com", address)).ok).toBe(false);
    expect((await admit(store, "victim-next@example.com", "198.51.100.1")).ok, "the same email from elsewhere still may").toBe(true);
  });

  it("a success resets that person's own failures from that address", async () => {
    const store = memoryStore(MAX);
    for (let i = 0; i < MAX - 1; i += 1) {
      const failed = await admit(store, "dana@example.com", "192.0.2.1");
      if (failed.ok) await failed.settle("failure");
    }
    const success = await admit(store, "dana@example.com", "192.0.2.1");
    expect(success.ok).toBe(true);
    if (success.ok) await success.settle("success");
    for (let i = 0; i < MAX; i += 1) expect((await admit(store, "dana@example.com", "192.0.2.1")).ok).toBe(true);
  });

  it("an attempt that was not checked (busy) is given back", async () => {
    const store = memoryStore(1);
    const first = await admit(store, "erin@example.com", null);
    expect(first.ok).toBe(true);
    if (first.ok) await first.settle("not-checked");
    expect((await admit(store, "erin@example.com", null)).ok).toBe(true);
  });
});

describe("clientAddress", () => {
  const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.7", "x-vercel-forwarded-for": "198.51.100.4" };
  it("believes no forwarded address on a bare next start", () => {
    expect(clientAddress(headers, { TRUSTED_PROXY_HOPS: 0, VERCEL: undefined })).toBeNull();
  });
  it("behind N trusted proxies, takes the entry the outermost one appended", () => {
    expect(clientAddress(headers, { TRUSTED_PROXY_HOPS: 1, VERCEL: undefined })).toBe("203.0.113.7");
    expect(clientAddress(headers, { TRUSTED_PROXY_HOPS: 2, VERCEL: undefined })).toBe("6.6.6.6");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7" }, { TRUSTED_PROXY_HOPS: 2, VERCEL: undefined })).toBeNull();
  });
  it("on Vercel, takes Vercel's own header", () => {
    expect(clientAddress(headers, { TRUSTED_PROXY_HOPS: 0, VERCEL: "1" })).toBe("198.51.100.4");
  });
});

describe("bounded password checks", () => {
  it(`runs at most ${MAX_PASSWORD_CHECKS} at once and answers the rest "busy" at once, unknown emails included`, async () => {
    const release: (() => void)[] = [];
    const slow = () => new Promise<boolean>((resolve) => release.push(() => resolve(true)));
    const running = Array.from({ length: MAX_PASSWORD_CHECKS }, () => boundedCheck(slow));
    expect(await boundedCheck(slow)).toBe("busy");
    expect(await checkLikeAPassword(slow)).toBe("busy");
    expect(release).toHaveLength(MAX_PASSWORD_CHECKS);
    for (const done of release) done();
    expect(await Promise.all(running)).toEqual(Array(MAX_PASSWORD_CHECKS).fill(true));
    // Slots free again; an unknown email now takes about as long without running a check.
    let ran = 0;
    expect(await checkLikeAPassword(async () => ((ran += 1), true))).toBe(false);
    expect(ran).toBe(0);
  });
});
