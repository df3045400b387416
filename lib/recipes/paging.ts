// "More results" for a recipe, as pure functions: which paging applies (the recipe's own, the
// OpenAPI operation's, or the API's default), the query for the next page, and whether there is one.
import type { CatalogOperation } from "@/lib/catalog/catalog";
import { LEGACY_PAGING } from "@/lib/catalog/legacy-paging";
import { completePaging, DEFAULT_PAGE_SIZE, describePaging, type Paging } from "@/lib/catalog/paging";
import { isWrite, type Recipe } from "./schema";
import { valueAt } from "./template";

/** The paging a recipe uses and, in words, where it comes from (shown under "details"). */
export type RecipePaging = { paging: Paging; from: string };

const LEGACY_DEFAULT = LEGACY_PAGING;
const PLATFORM_DEFAULT: Paging = { style: "offset", limit: "limit", offset: "offset", size: DEFAULT_PAGE_SIZE, total: "count" };

/** How literally a template path ("jobs/{jnid}") fits a recipe's path; -1: not at all. */
function fit(template: string, path: string): number {
  const want = template.split("/");
  const have = path.split("/");
  if (want.length !== have.length) return -1;
  let literal = 0;
  for (const [i, segment] of want.entries()) {
    const given = have[i]!;
    if (/^\{[^}]+\}$/.test(segment)) continue;
    if (segment !== given) return -1;
    literal += 1;
  }
  return literal;
}

/**
 * The catalogue operation a request is: same API and method, and a path template that fits its
 * path (placeholders fill template parameters); the most literal fit wins, so
 * a literal "feed" beats "{id}" for .../activities/feed.
 */
export function matchOperation(operations: readonly CatalogOperation[], request: Pick<Recipe["request"], "upstream" | "method" | "path">): CatalogOperation | null {
  let best: CatalogOperation | null = null;
  let bestFit = -1;
  for (const operation of operations) {
    if (operation.upstream !== request.upstream || operation.method !== request.method) continue;
    const score = fit(operation.path, request.path);
    if (score > bestFit) {
      best = operation;
      bestFit = score;
    }
  }
  return best;
}

/**
 * A recipe's paging: its own "paging" first (false: none); a read of one record or a write has
 * none; on the Platform API the paging of the catalogue operation it calls (which may be none);
 * otherwise the API's default (size/from on the legacy API, limit/offset on the Platform API).
 * `operations` is the server's catalogue, or null when there is none.
 */
export function recipePaging(recipe: Recipe, operations: readonly CatalogOperation[] | null): RecipePaging | null {
  if (recipe.paging === false || recipe.result.single || isWrite(recipe)) return null;
  if (recipe.paging) {
    const paging = completePaging(recipe.paging);
    return { paging, from: `Pages ${describePaging(paging)}, as the recipe says.` };
  }
  if (recipe.request.upstream === "legacy") return { paging: LEGACY_DEFAULT, from: `Pages ${describePaging(LEGACY_DEFAULT)}, the legacy API's way.` };
  const operation = operations ? matchOperation(operations, recipe.request) : null;
  if (operation) {
    return operation.paging ? { paging: operation.paging, from: `Pages ${describePaging(operation.paging)}, as the OpenAPI document says for ${operation.id}.` } : null;
  }
  return { paging: PLATFORM_DEFAULT, from: `Pages ${describePaging(PLATFORM_DEFAULT)}, the Platform API's usual way (the OpenAPI document does not describe this request).` };
}

/** Where the next page starts: its number (0 for the first), how many records came before it, the cursor it needs. */
export type PagePosition = { index: number; offset: number; cursor: string | null };
export const FIRST_PAGE: PagePosition = { index: 0, offset: 0, cursor: null };

/** The query parameters that ask for the page at `position`. */
export function pageQuery(paging: Paging, position: PagePosition): [string, string][] {
  const limit: [string, string][] = "limit" in paging && paging.limit && paging.size !== null ? [[paging.limit, String(paging.size)]] : [];
  switch (paging.style) {
    case "offset":
      return [...limit, [paging.offset, String(position.offset)]];
    case "page":
      return [...limit, [paging.page, String(paging.first + position.index)]];
    case "cursor":
      return position.cursor === null ? limit : [...limit, [paging.cursor, position.cursor]];
  }
}

/** The position after a page of `received` records whose answer handed back `nextCursor`. */
export function nextPosition(position: PagePosition, received: number, nextCursor: string | null): PagePosition {
  return { index: position.index + 1, offset: position.offset + received, cursor: nextCursor };
}

/** How many records there are in all, when the answer says. */
export function totalIn(paging: Paging | null, body: unknown): number | null {
  if (!paging || paging.style === "cursor" || !paging.total) return null;
  const raw = valueAt(body, paging.total);
  if (raw === null || raw === undefined || raw === "") return null;
  const total = Number(raw);
  return Number.isFinite(total) ? total : null;
}

/** The cursor of the next page, when the answer hands one back (cursor paging only). */
export function nextCursorIn(paging: Paging | null, body: unknown): string | null {
  if (paging?.style !== "cursor") return null;
  const next = valueAt(body, paging.next);
  return (typeof next === "string" && next !== "") || (typeof next === "number" && Number.isFinite(next)) ? String(next) : null;
}

export type PageState = { loaded: number; total: number | null; lastPageSize: number; nextCursor: string | null };

/**
 * Whether "More results" shows: with a cursor, when the last answer handed one back; otherwise
 * fewer loaded than the total or, with no total, the last page was full (of unknown size: not empty).
 */
export function hasMore(paging: Paging | null, { loaded, total, lastPageSize, nextCursor }: PageState): boolean {
  if (!paging || lastPageSize === 0) return false;
  if (paging.style === "cursor") return nextCursor !== null;
  if (total !== null) return loaded < total;
  return paging.size === null || lastPageSize >= paging.size;
}
