// Request bodies of /api/keys, shared by the keys form (hints) and the route handler (checks).
import { z } from "@/lib/zod";

export const MAX_KEY_LENGTH = 512;
export const MAX_LABEL_LENGTH = 60;

export const apiKeyField = z
  .string({ error: "The key is missing." })
  .min(1, "The key is empty.")
  // Shorter than any real key, and `last4` would show all of it.
  .refine((key) => key.length === 0 || key.length >= 8, "The key is too short to be a JobNimbus API key; copy the whole key.")
  .max(MAX_KEY_LENGTH, `The key is longer than ${MAX_KEY_LENGTH} characters; copy it again from JobNimbus.`)
  .refine((key) => !/[\u0000-\u001f\u007f-\u009f]/.test(key), "The key contains control or invisible characters; copy it again.")
  .refine((key) => !/\s/.test(key), "The key contains spaces or line breaks; remove them (only the key itself).")
  // Anything else outside printable ASCII (zero-width spaces, accented letters) cannot go into an
  // Authorization header: saved, such a key would break every call made with it.
  .refine(
    (key) => [...key].every((ch) => /[\x21-\x7e]|[\u0000-\u001f\u007f-\u009f]|\s/.test(ch)),
    "The key contains invisible or non-ASCII characters (such as a zero-width space); copy it again.",
  );

export const labelField = z
  .string({ error: "The label is missing." })
  .trim()
  .min(1, "Give the key a label, for example 'Production' or 'Sandbox'.")
  .max(MAX_LABEL_LENGTH, `The label is longer than ${MAX_LABEL_LENGTH} characters.`)
  .refine((label) => !/[\u0000-\u001f\u007f-\u009f]/.test(label), "The label contains control characters.");

export const addKeySchema = z.object({ label: labelField, apiKey: apiKeyField });
export type AddKeyInput = z.infer<typeof addKeySchema>;

export const updateKeySchema = z.object({ active: z.literal(true, { error: "Send {\"active\": true} to make this key the active one." }) });
