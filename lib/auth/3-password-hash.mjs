// scrypt password hashing (memory-hard, built into Node: no native add-on, no install script).
// Format: scrypt:N:r:p:salt:hash (base64url), free of '$' so .env expansion leaves it alone.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const PARAMS = { N: 32768, r: 8, p: 1 };
const KEY_LENGTH = 32;
const maxmem = (N, r) => 256 * N * r;

function derive(password, salt, { N, r, p }) {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: maxmem(N, r) }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** @param {string} password */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join(":");
}

/** Cost parameters a stored hash may ask for: scrypt's own rules, bounded so a bad entry cannot stall sign-in. */
function saneParams({ N, r, p }) {
  const isPowerOfTwo = Number.isInteger(N) && N > 1 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  return isPowerOfTwo && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
}

/** False for a wrong password and for any malformed stored hash; never throws. @param {string} password @param {string} stored */
export async function verifyPassword(password, stored) {
  if (typeof password !== "string" || typeof stored !== "string") return false;
  const [scheme, N, r, p, salt, hash, ...extra] = stored.split(":");
  if (scheme !== "scrypt" || !salt || !hash || extra.length > 0) return false;
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  if (!saneParams(params)) return false;
  const expected = Buffer.from(hash, "base64url");
  if (expected.length !== KEY_LENGTH) return false;
  try {
    const actual = await derive(password, Buffer.from(salt, "base64url"), params);
    return timingSafeEqual(expected, actual);
  } catch {
    return false;
  }
}
