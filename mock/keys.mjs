// The mock's API keys and Bearer authentication: who may call, and with which access.
// DEMO_KEY and any "test-…" key may write; DEMO_READONLY_KEY may only read.

export const DEMO_KEY = "demo-editor-7Hq2LmX9pR4t";
export const DEMO_READONLY_KEY = "demo-readonly-3Vk8NwY1cZ6e";
export const TEST_KEY_PREFIX = "test-";

/** Methods a read-only key may use. */
export const READ_METHODS = new Set(["GET", "HEAD"]);

/** cyrb53: a short non-reversible label for a key (no imports, so this module bundles anywhere) */
function keyLabel(s) {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * @param {string | undefined} authorization the raw Authorization header
 * @returns {{ keyId: string, access: "full" | "read", label: string } | null}
 *   keyId is a hash of the key, never the key itself, so it is safe to keep in memory.
 */
export function authenticate(authorization) {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(String(authorization ?? ""));
  if (!match) return null;
  const key = match[1];
  const keyId = keyLabel(key);
  if (key === DEMO_KEY) return { keyId, access: "full", label: "Demo editor" };
  if (key === DEMO_READONLY_KEY) return { keyId, access: "read", label: "Demo read-only" };
  if (key.startsWith(TEST_KEY_PREFIX) && key.length > TEST_KEY_PREFIX.length) {
    return { keyId, access: "full", label: "Test key" };
  }
  return null;
}

/** @param {{ access: string }} auth */
export function mayUse(auth, method) {
  return auth.access === "full" || READ_METHODS.has(method);
}
