import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CatalogOperation } from "@/lib/catalog/catalog";
import type { Paging } from "@/lib/catalog/paging";
import { FIRST_PAGE, hasMore, matchOperation, nextCursorIn, nextPosition, pageQuery, recipePaging, totalIn } from "./paging";
import { parseRecipes } from "./parse";
import { recipeDraft, scopeFor } from "./run";
import type { Recipe } from "./schema";

const shippedRecipes = parseRecipes(readFileSync(new URL("../../recipes.json", import.meta.url), "utf8"), "recipes.json");
if (!shippedRecipes.ok) throw new Error(shippedRecipes.message);
const recipe = (id: string): Recipe => shippedRecipes.recipes.find((r) => r.id === id)!;
function op(path: string, paging: Paging | null, extra: Partial<CatalogOperation> = {}): CatalogOperation {
  return { id: `GET ${path}`, method: "GET", upstream: "platform", path, docPath: `/${path}`, tag: "T", summary: path, deprecated: false, fields: [], body: null, paging, sources: [], ...extra };
}
// An administrator's OpenAPI document for a Platform service (none is public): a feed paged by cursor.
const feedOperation = op("example/v1/activities/feed", { style: "cursor", cursor: "cursor", next: "next_cursor", limit: "limit", size: 20 }, { id: "activityFeed" });
const operations = [feedOperation, op("example/v1/jobs", { style: "offset", limit: "limit", offset: "offset", size: 25, total: "count" })];
const cursor: Paging = { style: "cursor", cursor: "after", next: "meta.next", limit: "first", size: 10 };
const pages: Paging = { style: "page", page: "page", first: 1, limit: "per_page", size: 30, total: "total" };

function withRequest(base: Recipe, request: Partial<Recipe["request"]>, more: Partial<Recipe> = {}): Recipe {
  return { ...base, request: { ...base.request, ...request }, ...more };
}
/** A list recipe on that feed. */
const feed = withRequest(recipe("find-job"), { upstream: "platform", path: "example/v1/activities/feed", query: { type: "{{q}}" } });

describe("which catalogue operation a recipe calls", () => {
  it("matches API, method and path template; placeholders fill template parameters; the most literal path wins", () => {
    const list = op("example/v1/activities", null);
    const one = op("example/v1/activities/{id}", null);
    const feed = op("example/v1/activities/feed", cursor);
    const all = [list, one, feed, op("activities", null, { upstream: "legacy" })];
    expect(matchOperation(all, { upstream: "platform", method: "GET", path: "example/v1/activities/feed" })).toBe(feed);
    expect(matchOperation([feed, one].reverse(), { upstream: "platform", method: "GET", path: "example/v1/activities/feed" })).toBe(feed);
    expect(matchOperation(all, { upstream: "platform", method: "GET", path: "example/v1/activities/{{id}}" })).toBe(one);
    expect(matchOperation(all, { upstream: "platform", method: "GET", path: "example/v1/activities" })).toBe(list);
    expect(matchOperation(all, { upstream: "platform", method: "POST", path: "example/v1/activities" })).toBeNull();
    expect(matchOperation(all, { upstream: "legacy", method: "GET", path: "example/v1/activities" })).toBeNull();
    expect(matchOperation(all, { upstream: "platform", method: "GET", path: "example/v1/activities/feed/extra" })).toBeNull();
  });
});

describe("a recipe's paging", () => {
  const jobs = withRequest(recipe("jobs-in-status"), { upstream: "platform", path: "example/v1/jobs" });

  it("follows what the OpenAPI document says for the operation it calls", () => {
    expect(recipePaging(withRequest(jobs, { path: "example/v1/notes" }), [op("example/v1/notes", cursor)])).toEqual({
      paging: cursor,
      from: "Pages by cursor (after, taken from meta.next in each answer; first=10), as the OpenAPI document says for GET example/v1/notes.",
    });
    expect(recipePaging(withRequest(jobs, { path: "example/v1/notes" }), [op("example/v1/notes", pages)])?.paging).toBe(pages);
  });

  it("has no More results when the document's operation does not page", () => {
    expect(recipePaging(withRequest(jobs, { path: "example/v1/notes" }), [op("example/v1/notes", null)])).toBeNull();
  });

  it("keeps the recipe's own paging over the document's, and false means none", () => {
    const own = withRequest(jobs, { path: "example/v1/notes" }, { paging: { style: "page", page: "pg" } });
    expect(recipePaging(own, [op("example/v1/notes", cursor)])).toEqual({ paging: { style: "page", page: "pg", first: 1, size: null }, from: "Pages by page number (pg, from 1), as the recipe says." });
    expect(recipePaging({ ...jobs, paging: false }, [op("example/v1/jobs", cursor)])).toBeNull();
  });

  it("falls back to the API's usual way without a catalogue or a matching operation; the legacy API always pages by size/from", () => {
    const platformDefault = { style: "offset", limit: "limit", offset: "offset", size: 25, total: "count" };
    expect(recipePaging(jobs, null)).toEqual({ paging: platformDefault, from: expect.stringContaining("the Platform API's usual way") });
    expect(recipePaging(jobs, [op("example/v1/other", cursor)])?.paging).toEqual(platformDefault);
    expect(recipePaging(recipe("open-tasks"), [op("tasks", cursor, { upstream: "legacy" })])?.paging).toEqual({ style: "offset", limit: "size", offset: "from", size: 25, total: "count" });
  });

  it("is none for a single record or a write", () => {
    expect(recipePaging(recipe("show-contact"), operations)).toBeNull();
    expect(recipePaging(recipe("create-contact"), operations)).toBeNull();
  });

  it("with an administrator's document: a feed by cursor, jobs by limit/offset with their count", () => {
    expect(recipePaging(feed, operations)?.paging).toEqual({ style: "cursor", cursor: "cursor", next: "next_cursor", limit: "limit", size: 20 });
    expect(recipePaging(jobs, operations)?.paging).toEqual({ style: "offset", limit: "limit", offset: "offset", size: 25, total: "count" });
  });
});

describe("asking for the next page", () => {
  const feedPaging = recipePaging(feed, operations)!.paging;

  it("sends no cursor for the first page and the one the answer handed back after it; the recipe's own query stays", () => {
    const scope = scopeFor(feed, { q: "Note" });
    const first = recipeDraft(feed, scope, feedPaging, FIRST_PAGE);
    expect(first.path).toBe("example/v1/activities/feed");
    expect(first.query.map((r) => [r.name, r.value])).toEqual([["type", "Note"], ["limit", "20"]]);
    const body = { results: Array(20).fill({}), next_cursor: "WzE3LCJhYiJd" };
    const second = recipeDraft(feed, scope, feedPaging, nextPosition(FIRST_PAGE, 20, nextCursorIn(feedPaging, body)));
    expect(second.query.map((r) => [r.name, r.value])).toEqual([["type", "Note"], ["limit", "20"], ["cursor", "WzE3LCJhYiJd"]]);
  });

  it("numbers pages from where the API starts, and moves offsets by what came back", () => {
    expect(pageQuery(pages, FIRST_PAGE)).toEqual([["per_page", "30"], ["page", "1"]]);
    expect(pageQuery({ ...pages, first: 0 }, nextPosition(FIRST_PAGE, 30, null))).toEqual([["per_page", "30"], ["page", "1"]]);
    expect(pageQuery({ style: "page", page: "page", first: 1, size: null }, { index: 2, offset: 60, cursor: null })).toEqual([["page", "3"]]);
    const offset: Paging = { style: "offset", limit: "size", offset: "from", size: 25 };
    expect(pageQuery(offset, nextPosition(nextPosition(FIRST_PAGE, 25, null), 25, null))).toEqual([["size", "25"], ["from", "50"]]);
  });

  it("a recipe's query never overrides the paging's parameters", () => {
    const own = { ...feed, request: { ...feed.request, query: { ...feed.request.query, limit: "500", cursor: "stale" } } };
    expect(recipeDraft(own, scopeFor(own, {}), feedPaging).query.map((r) => [r.name, r.value])).toEqual([["limit", "20"]]);
  });
});

describe("whether there is more", () => {
  it("with a cursor: while the answer hands one back", () => {
    expect(nextCursorIn(cursor, { meta: { next: "abc" } })).toBe("abc");
    expect(nextCursorIn(cursor, { meta: { next: null } })).toBeNull();
    expect(nextCursorIn(cursor, { meta: { next: "" } })).toBeNull();
    expect(nextCursorIn(pages, { meta: { next: "abc" } })).toBeNull();
    expect(hasMore(cursor, { loaded: 10, total: null, lastPageSize: 10, nextCursor: "abc" })).toBe(true);
    expect(hasMore(cursor, { loaded: 10, total: null, lastPageSize: 10, nextCursor: null })).toBe(false);
    expect(hasMore(cursor, { loaded: 10, total: null, lastPageSize: 0, nextCursor: "abc" })).toBe(false);
  });

  it("with a total: until every record is loaded; without one: while pages come back full (or, of unknown size, not empty)", () => {
    expect(totalIn(pages, { total: "52" })).toBe(52);
    expect(totalIn(pages, { total: null })).toBeNull();
    expect(totalIn(cursor, { total: 52 })).toBeNull();
    expect(hasMore(pages, { loaded: 30, total: 52, lastPageSize: 30, nextCursor: null })).toBe(true);
    expect(hasMore(pages, { loaded: 52, total: 52, lastPageSize: 22, nextCursor: null })).toBe(false);
    expect(hasMore(pages, { loaded: 30, total: null, lastPageSize: 30, nextCursor: null })).toBe(true);
    expect(hasMore(pages, { loaded: 40, total: null, lastPageSize: 10, nextCursor: null })).toBe(false);
    const unknownSize: Paging = { style: "page", page: "page", first: 1, size: null };
    expect(hasMore(unknownSize, { loaded: 7, total: null, lastPageSize: 7, nextCursor: null })).toBe(true);
    expect(hasMore(unknownSize, { loaded: 7, total: null, lastPageSize: 0, nextCursor: null })).toBe(false);
    expect(hasMore(null, { loaded: 25, total: 100, lastPageSize: 25, nextCursor: null })).toBe(false);
  });
});
