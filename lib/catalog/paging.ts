// How an API pages a list, in one shape for recipes.json's "paging" and the OpenAPI extension
// x-console-paging: by offset (limit/offset, size/from), by page number (page/per_page), or by a
// cursor the answer hands back (next_cursor). Light on purpose: the recipes page ships it.
import { isRecord } from "@/lib/json/is-record";
import { z } from "@/lib/zod";

export const PAGING_STYLES = ["offset", "page", "cursor"] as const;
export type PagingStyle = (typeof PAGING_STYLES)[number];

const parameter = z.string("must name a query parameter").trim().min(1, "must name a query parameter");
/** A dotted path into the answer: "count", "meta.next_cursor". */
const member = z.string("must name a member of the answer, such as count").trim().min(1, "must name a member of the answer, such as count");
const size = z.number("must be a whole number from 1 to 1000").int("must be a whole number from 1 to 1000").min(1, "must be at least 1").max(1000, "must be at most 1000");

const offsetPaging = z.strictObject({
  style: z.literal("offset"),
  /** The parameter that says how many records a page has. */
  limit: parameter,
  /** The parameter that says how many records to skip. */
  offset: parameter,
  size: size.optional(),
  /** Where the answer says how many records there are in all. */
  total: member.optional(),
});

const pagePaging = z.strictObject({
  style: z.literal("page"),
  /** The parameter that numbers the page. */
  page: parameter,
  /** The number of the first page: 1 (the default) or 0. */
  first: z.union([z.literal(0), z.literal(1)], "must be 0 or 1").optional(),
  limit: parameter.optional(),
  size: size.optional(),
  total: member.optional(),
});

const cursorPaging = z.strictObject({
  style: z.literal("cursor"),
  /** The parameter that takes the cursor; left out for the first page. */
  cursor: parameter,
  /** Where the answer gives the cursor of the next page (empty or null: there is none). */
  next: member,
  limit: parameter.optional(),
  size: size.optional(),
});

/**
 * A paging declaration. Without "style" it is by offset, so recipes written as
 * {"limit": "limit", "offset": "offset"} keep working.
 */
export const pagingDeclarationSchema = z.preprocess(
  (value) => (isRecord(value) && !("style" in value) ? { style: "offset", ...value } : value),
  z.discriminatedUnion("style", [offsetPaging, pagePaging, cursorPaging], {
    error: (issue) => (issue.code === "invalid_union" ? `must be one of ${PAGING_STYLES.map((s) => `"${s}"`).join(", ")}` : undefined),
  }),
);
export type PagingDeclaration = z.infer<typeof pagingDeclarationSchema>;

/** A declaration, or false for "this list does not page"; problems come back in plain words. */
export const pagingOptionSchema = z.unknown().transform((value, ctx): PagingDeclaration | false => {
  if (value === false) return false;
  if (!isRecord(value)) {
    ctx.addIssue({ code: "custom", message: 'must be false, or an object such as {"style": "offset", "limit": "limit", "offset": "offset"}' });
    return z.NEVER;
  }
  const parsed = pagingDeclarationSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const message = issue.code === "unrecognized_keys" ? `has an unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")} (a typo?)` : issue.message;
    ctx.addIssue({ code: "custom", message, path: issue.path });
  }
  return z.NEVER;
});

/** A declaration with its defaults filled in, ready to ask for pages. */
export type Paging =
  | { style: "offset"; limit: string; offset: string; size: number; total?: string }
  | { style: "page"; page: string; first: 0 | 1; limit?: string; size: number | null; total?: string }
  | { style: "cursor"; cursor: string; next: string; limit?: string; size: number | null };

export const DEFAULT_PAGE_SIZE = 25;

/**
 * Fills in what a declaration leaves out. `sizeHint` is the page size the API itself suggests
 * (its limit parameter's default); without one a page asks for 25. A page size that cannot be
 * sent (no limit parameter) is unknown: null.
 */
export function completePaging(declared: PagingDeclaration, sizeHint?: number): Paging {
  const sent = declared.size ?? sizeHint ?? DEFAULT_PAGE_SIZE;
  switch (declared.style) {
    case "offset":
      return { ...declared, size: sent };
    case "page":
      return { ...declared, first: declared.first ?? 1, size: declared.limit || declared.size ? sent : null };
    case "cursor":
      return { ...declared, size: declared.limit || declared.size ? sent : null };
  }
}

/** The query parameters paging sets: a recipe's own query leaves them to the paging. */
export function pagingParameters(paging: Paging): string[] {
  switch (paging.style) {
    case "offset":
      return [paging.limit, paging.offset];
    case "page":
      return [paging.page, ...(paging.limit ? [paging.limit] : [])];
    case "cursor":
      return [paging.cursor, ...(paging.limit ? [paging.limit] : [])];
  }
}

/** "limit/offset", "page/per_page (pages from 1)", "cursor (next: next_cursor)": for people reading details. */
export function describePaging(paging: Paging): string {
  switch (paging.style) {
    case "offset":
      return `by offset (${paging.limit}=${paging.size}, ${paging.offset})`;
    case "page":
      return `by page number (${paging.page}, from ${paging.first}${paging.limit ? `; ${paging.limit}=${paging.size}` : ""})`;
    case "cursor":
      return `by cursor (${paging.cursor}, taken from ${paging.next} in each answer${paging.limit ? `; ${paging.limit}=${paging.size}` : ""})`;
  }
}
