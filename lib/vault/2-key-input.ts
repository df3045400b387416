// What /api/keys takes and gives back: one schema used by the keys form (checked before sending, each field's
// message beside it) and by the route handler (the same messages in its 422), and the entry it lists. Browser-safe.
import * as z from "@/lib/zod-mini";

export const MAX_KEY_LENGTH = 512;
export const MAX_LABEL_LENGTH = 60;

/** A key the person saved, as it may leave the server (`GET /api/keys`, `POST` and `PATCH` answers): never the key itself. */
export type SavedKey = { id: string; label: string; last4: string; createdAt: string; active: boolean; expiresAt: string; shared?: never };
/**
 * A key the administrator shares with the team (TEAM_KEYS): `id` is `team:{id}`, `createdAt` the day it was made
 * (YYYY-MM-DD). It can be chosen, never deleted, and does not end with the sign-in. `actsAsYou`: every legacy call
 * made with it runs as the signed-in person (`"actor":"signed-in"`), whatever actor the browser sends.
 */
export type SharedKey = { id: string; label: string; last4: string; createdAt: string; active: boolean; shared: true; actsAsYou: boolean };
/** One entry of `GET /api/keys`. */
export type PublicKey = SavedKey | SharedKey;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const apiKeyField = z.string({ error: "The key is missing." }).check(
  z.minLength(1, "The key is empty."),
  // Shorter than any real key, and `last4` would show all of it.
  z.refine((key) => key.length === 0 || key.length >= 8, "The key is too short to be a JobNimbus API key; copy the whole key."),
  z.maxLength(MAX_KEY_LENGTH, `The key is longer than ${MAX_KEY_LENGTH} characters; copy it again from JobNimbus.`),
  z.refine((key) => !CONTROL.test(key), "The key contains control or invisible characters; copy it again."),
  z.refine((key) => !/\s/.test(key), "The key contains spaces or line breaks; remove them (only the key itself)."),
  // Anything else outside printable ASCII (zero-width spaces, accented letters) cannot go into an
  // Authorization header: saved, such a key would break every call made with it.
  z.refine(
    (key) => [...key].every((ch) => /[\x21-\x7e]|[\u0000-\u001f\u007f-\u009f]|\s/.test(ch)),
    "The key contains invisible or non-ASCII characters (such as a zero-width space); copy it again.",
  ),
);

export const labelField = z.string({ error: "The label is missing." }).check(
  z.trim(),
  z.minLength(1, "Give the key a label, for example 'Production' or 'Sandbox'."),
  z.maxLength(MAX_LABEL_LENGTH, `The label is longer than ${MAX_LABEL_LENGTH} characters.`),
  z.refine((label) => !CONTROL.test(label), "The label contains control characters."),
);

export const addKeySchema = z.object({ label: labelField, apiKey: apiKeyField });
export type AddKeyInput = z.infer<typeof addKeySchema>;

/** One thing wrong with the input: its field ("label", "apiKey", or "body" for the input as a whole) and what to do. */
export type FieldError = { field: string; message: string };

/** The route's 422 lists these; the form shows each beside its field. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message }));
}

export const updateKeySchema = z.object({ active: z.literal(true, { error: "Send {\"active\": true} to make this key the active one." }) });
