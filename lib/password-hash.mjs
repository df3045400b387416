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

/** @param {string} password @param {string} stored */
export async function verifyPassword(password, stored) {
  const [scheme, N, r, p, salt, hash] = stored.split(":");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every(Number.isInteger) || params.N > 2 ** 20) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), params);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
