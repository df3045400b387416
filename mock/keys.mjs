// The mock's API keys and Bearer authentication: who may call, and with which access.
// DEMO_KEY and any "test-…" key may write; DEMO_READONLY_KEY may only read.

import { createHash, timingSafeEqual } from "node:crypto";

export const DEMO_KEY = "demo-editor-7Hq2LmX9pR4t";
export const DEMO_READONLY_KEY = "demo-readonly-3Vk8NwY1cZ6e";
export const TEST_KEY_PREFIX = "test-";

/** Methods a read-only key may use. */
export const READ_METHODS = new Set(["GET", "HEAD"]);

const digest = (s) => createHash("sha256").update(s).digest();
const same = (a, b) => timingSafeEqual(digest(a), digest(b));

/**
 * @param {string | undefined} authorization the raw Authorization header
 * @returns {{ keyId: string, access: "full" | "read", label: string } | null}
 *   keyId is a hash, never the key itself, so it is safe to keep and log.
 */
export function authenticate(authorization) {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(String(authorization ?? ""));
  if (!match) return null;
  const key = match[1];
  const keyId = digest(key).toString("hex").slice(0, 16);
  if (same(key, DEMO_KEY)) return { keyId, access: "full", label: "Demo editor" };
  if (same(key, DEMO_READONLY_KEY)) return { keyId, access: "read", label: "Demo read-only" };
  if (key.startsWith(TEST_KEY_PREFIX) && key.length > TEST_KEY_PREFIX.length) {
    return { keyId, access: "full", label: "Test key" };
  }
  return null;
}

/** @param {{ access: string }} auth */
export function mayUse(auth, method) {
  return auth.access === "full" || READ_METHODS.has(method);
}
