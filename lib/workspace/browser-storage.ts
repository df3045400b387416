// JSON in localStorage (or any Storage-like object) that never throws: storage can be missing,
// full, or hold text someone else wrote, and none of that may break the console.

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The parsed value under `key`; undefined when absent, unreadable or not JSON. Validate it before use. */
export function readStoredJson(storage: StorageLike, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** False when the storage refused the write (quota exceeded, storage disabled). */
export function writeStoredJson(storage: StorageLike, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeStored(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage that cannot be written has nothing of ours to remove.
  }
}

/** An in-memory stand-in: for tests, and for browsers where localStorage is unavailable. */
export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

/** An id for a stored item; crypto.randomUUID is missing outside secure contexts (plain http). */
export function newStoredId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
