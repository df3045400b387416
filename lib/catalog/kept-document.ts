// An uploaded OpenAPI document kept in this browser (IndexedDB: documents run to 5 MB, more than
// localStorage holds beside history and saved requests), so the next visit starts with it. It is
// not secret: the console keeps no key here. What load() returns is unchecked: upload.ts checks it.
// The catalogue panel loads this module lazily, after the page is up; it holds no schema library.

export const MAX_DOCUMENT_CHARS = 5 * 1024 * 1024;

const DB_NAME = "jnc";
const DB_VERSION = 1;
const STORE = "openapi";
const KEY = "uploaded";

/** What is written: upload.ts reads it back through a zod schema of the same shape. */
export type KeptDocument = { version: 1; name: string; text: string; savedAt: string };

export type KeepResult = { ok: true } | { ok: false; reason: string };

export type DocumentShelf = {
  /** Whatever is kept (check it before use), or undefined when nothing is or the browser keeps nothing. */
  load(): Promise<unknown>;
  keep(name: string, text: string): Promise<KeepResult>;
  forget(): Promise<void>;
};

/** Why a browser refused to keep a document, in words. */
export function refusalReason(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "QuotaExceededError") return "this browser has no room left for it";
  if (name === "InvalidStateError" || name === "SecurityError" || name === "UnknownError") return "this browser does not let the console keep files (private window or storage turned off)";
  return "this browser could not store it";
}

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
    transaction.onabort = () => reject(transaction.error ?? new DOMException("The write was aborted", "AbortError"));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
  };
  return requestDone(request);
}

/** The shelf in IndexedDB; `factory` is the browser's indexedDB (undefined: nothing can be kept). */
export function indexedDbShelf(factory: IDBFactory | undefined = typeof indexedDB === "undefined" ? undefined : indexedDB): DocumentShelf {
  async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    if (!factory) throw new DOMException("IndexedDB is not available", "InvalidStateError");
    const db = await open(factory);
    try {
      const transaction = db.transaction(STORE, mode);
      const result = requestDone(work(transaction.objectStore(STORE)));
      await transactionDone(transaction);
      return await result;
    } finally {
      db.close();
    }
  }
  return {
    async load() {
      try {
        return await withStore("readonly", (store) => store.get(KEY));
      } catch {
        return undefined;
      }
    },
    async keep(name, text) {
      if (text.length > MAX_DOCUMENT_CHARS) return { ok: false, reason: "it is over 5 MB" };
      const kept: KeptDocument = { version: 1, name, text, savedAt: new Date().toISOString() };
      try {
        await withStore("readwrite", (store) => store.put(kept, KEY));
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: refusalReason(error) };
      }
    },
    async forget() {
      try {
        await withStore("readwrite", (store) => store.delete(KEY));
      } catch {
        // Nothing could be kept in the first place.
      }
    },
  };
}
