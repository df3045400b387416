// Seeded pseudo-random numbers (mulberry32) and small helpers built on them.
// The same seed always yields the same sequence, so generated data is stable.

/**
 * @param {number} seed
 * @returns {() => number} uniform floats in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE36 = [..."0123456789abcdefghijklmnopqrstuvwxyz"].map((c) => c.charCodeAt(0));

/** Wraps a float source with the pickers the data generator needs. */
export function createRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    /** integer in [min, max] inclusive */
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    /** true with probability p */
    chance(p) {
      return next() < p;
    },
    pick(list) {
      return list[Math.floor(next() * list.length)];
    },
    /** entries: [[value, weight], ...] */
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
    /** up to n distinct items from list, in list order */
    sample(list, n) {
      const chosen = new Set();
      while (chosen.size < Math.min(n, list.length)) chosen.add(r.int(0, list.length - 1));
      return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
    },
    /** A 23-character lowercase base36 id, the length of JobNimbus's newer jnids. */
    jnid() {
      // built from char codes in one go: thousands of these go into Sets, and flat strings hash fastest
      const codes = [];
      for (let chunk = 0; chunk < 4; chunk++) {
        let n = Math.floor(next() * 36 ** 6);
        for (let i = chunk === 3 ? 1 : 0; i < 6; i++) {
          codes.push(BASE36[n % 36]);
          n = Math.floor(n / 36);
        }
      }
      return String.fromCharCode(...codes);
    },
  };
  return r;
}
