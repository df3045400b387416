// How every legacy list pages (jobnimbus-api.md §4): size and from, with the total in count. A module
// of its own, with no schema library, so the console page can know it without loading one.
import type { Paging } from "./paging";

/** 25 a page, like DEFAULT_PAGE_SIZE in paging.ts ("More results"); "Download all" asks for 1000. */
export const LEGACY_PAGING: Paging = { style: "offset", limit: "size", offset: "from", size: 25, total: "count" };
