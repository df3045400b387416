// What the browser needs to read an OpenAPI document someone uploads (or kept from an earlier
// visit): the parser and the catalogue builder, with YAML and zod. The catalogue panel imports
// this module only when it has a document to read, so none of it is in the console's first load.
import { z } from "@/lib/zod";
import { catalogFromText } from "./build";
import type { CatalogResult } from "./catalog";
import { MAX_DOCUMENT_CHARS, type KeptDocument } from "./kept-document";

export { catalogFromText };

const keptSchema = z.object({
  version: z.literal(1),
  name: z.string().trim().min(1).max(255),
  text: z.string().min(1).max(MAX_DOCUMENT_CHARS),
  savedAt: z.string(),
});

/** A kept document as read back from the browser, checked; anything else is nothing kept. */
export function checkKept(value: unknown): KeptDocument | null {
  return keptSchema.safeParse(value).data ?? null;
}

/** The catalogue of a kept document, or null when what was kept is not one. */
export function catalogFromKept(value: unknown): { kept: KeptDocument; result: CatalogResult } | null {
  const kept = checkKept(value);
  return kept ? { kept, result: catalogFromText(kept.text, kept.name) } : null;
}
