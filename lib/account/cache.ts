// The account's choices kept in sessionStorage for one sign-in and one key: they hold no secret,
// and another person or another key (another account, perhaps) never sees them.
import { readAccount, type Account } from "./account";

export const ACCOUNT_CACHE_KEY = "jnc.account";

type Kept = { owner: string; account: Account };

/** Whose choices these are: the signed-in person's email and the key in use. */
export function ownerOf(email: string, keyId: string): string {
  return `${email.toLowerCase()}\n${keyId}`;
}

/** The kept choices when they belong to `owner`; a different owner's are dropped. */
export function readKept(storage: Pick<Storage, "getItem" | "removeItem">, owner: string): Account | null {
  let kept: Kept | null = null;
  try {
    kept = JSON.parse(storage.getItem(ACCOUNT_CACHE_KEY) ?? "null") as Kept | null;
  } catch {
    kept = null;
  }
  // Checked again: whatever sits in storage is read like any other answer.
  const read = kept?.owner === owner && kept.account ? readAccount(kept.account.settings, { users: kept.account.users }, kept.account.fetchedAt) : null;
  if (!read?.ok) {
    if (kept) storage.removeItem(ACCOUNT_CACHE_KEY);
    return null;
  }
  return read.account;
}

export function keep(storage: Pick<Storage, "setItem">, owner: string, account: Account): void {
  try {
    storage.setItem(ACCOUNT_CACHE_KEY, JSON.stringify({ owner, account } satisfies Kept));
  } catch {
    // Storage full or refused: the choices are read again next time.
  }
}

/** Sign-out forgets them. */
export function forgetAccount(storage: Pick<Storage, "removeItem">): void {
  storage.removeItem(ACCOUNT_CACHE_KEY);
}
