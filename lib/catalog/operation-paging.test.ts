import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "./build";
import type { Catalog } from "./catalog";

const shipped = JSON.parse(readFileSync(new URL("../../openapi/jobnimbus.json", import.meta.url), "utf8")) as unknown;

const q = (name: string, schema: Record<string, unknown> = { type: "integer" }) => ({ name, in: "query", schema });
const answer = (properties: Record<string, unknown>) => ({ 200: { description: "OK", content: { "application/json": { schema: { type: "object", properties } } } } });
const list = { type: "array", items: { type: "object" } };

function catalogOf(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Catalog {
  const result = buildCatalog({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths, ...extra }, "upload.json");
  if (!result.ok) throw new Error(result.error);
  return result.catalog;
}

/** The paging of the one GET /x the document describes. */
function pagingOf(get: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return catalogOf({ "/x": { get } }, extra).operations[0]!.paging;
}

function errorOf(get: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const result = buildCatalog({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths: { "/x": { get } }, ...extra }, "upload.json");
  return result.ok ? "" : result.error;
}

describe("paging from the conventions of an operation's parameters and answer", () => {
  it("limit and offset, with the total the answer gives and the page size the API suggests", () => {
    expect(pagingOf({ parameters: [q("limit", { type: "integer", default: 50, maximum: 200 }), q("offset")], responses: answer({ results: list, total_count: { type: "integer" } }) })).toEqual({
      style: "offset",
      limit: "limit",
      offset: "offset",
      size: 50,
      total: "total_count",
    });
    // size/from (the legacy API), skip/take, no total in the answer; a maximum under 25 caps the page.
    expect(pagingOf({ parameters: [q("size"), q("from")] })).toEqual({ style: "offset", limit: "size", offset: "from", size: 25 });
    expect(pagingOf({ parameters: [q("Skip"), q("Take", { type: "integer", maximum: 10 })] })).toEqual({ style: "offset", limit: "Take", offset: "Skip", size: 10 });
  });

  it("page numbers, from 1 unless the parameter starts at 0, with or without a page size", () => {
    expect(pagingOf({ parameters: [q("page"), q("per_page", { type: "integer", default: 30 })], responses: answer({ data: list, meta: { type: "object", properties: { total: { type: "integer" } } } }) })).toEqual({
      style: "page",
      page: "page",
      first: 1,
      limit: "per_page",
      size: 30,
      total: "meta.total",
    });
    expect(pagingOf({ parameters: [q("pageNumber", { type: "integer", minimum: 0 }), q("pageSize")] })).toEqual({ style: "page", page: "pageNumber", first: 0, limit: "pageSize", size: 25 });
    expect(pagingOf({ parameters: [q("page")] })).toEqual({ style: "page", page: "page", first: 1, size: null });
  });

  it("a cursor parameter with a next-cursor member in the answer, top level or one down", () => {
    expect(pagingOf({ parameters: [q("cursor", { type: "string" }), q("limit")], responses: answer({ items: list, next_cursor: { type: ["string", "null"] } }) })).toEqual({
      style: "cursor",
      cursor: "cursor",
      next: "next_cursor",
      limit: "limit",
      size: 25,
    });
    expect(pagingOf({ parameters: [q("cursor", { type: "string" })], responses: answer({ members: list, response_metadata: { type: "object", properties: { next_cursor: { type: "string" } } } }) })).toEqual({
      style: "cursor",
      cursor: "cursor",
      next: "response_metadata.next_cursor",
      size: null,
    });
    expect(pagingOf({ parameters: [q("pageToken", { type: "string" }), q("maxResults", { type: "integer", default: 100 })], responses: answer({ items: list, nextPageToken: { type: "string" } }) })).toMatchObject({
      style: "cursor",
      cursor: "pageToken",
      next: "nextPageToken",
      limit: "maxResults",
      size: 100,
    });
  });

  it("a cursor parameter whose answer names no next cursor is not guessed at; limit/offset beside it still is", () => {
    expect(pagingOf({ parameters: [q("cursor", { type: "string" })], responses: answer({ items: list, next: { type: "object" } }) })).toBeNull();
    expect(pagingOf({ parameters: [q("cursor", { type: "string" }), q("limit"), q("offset")], responses: answer({ items: list }) })).toMatchObject({ style: "offset" });
  });

  it("nothing pageable: no paging, so no More results", () => {
    expect(pagingOf({ parameters: [q("q", { type: "string" }), q("status", { type: "string" })], responses: answer({ results: list, count: { type: "integer" } }) })).toBeNull();
    expect(pagingOf({})).toBeNull();
    // limit alone says how many, not where the next page starts.
    expect(pagingOf({ parameters: [q("limit")] })).toBeNull();
    // Only reads page: a POST with the same parameters has none.
    const post = catalogOf({ "/x": { post: { parameters: [q("limit"), q("offset")] } } }).operations[0]!;
    expect(post.paging).toBeNull();
  });

  it("a broken reference inside an answer only means no guess from the answer", () => {
    const get = { parameters: [q("cursor", { type: "string" }), q("limit"), q("offset")], responses: { 200: { $ref: "#/components/responses/Missing" } } };
    expect(pagingOf(get)).toEqual({ style: "offset", limit: "limit", offset: "offset", size: 25 });
  });
});

describe("x-console-paging, the console's own extension", () => {
  it("on an operation, says how it pages, whatever its parameters are called; the size comes from its limit parameter", () => {
    const get = { parameters: [q("limit", { type: "integer", default: 15 }), q("offset"), q("after", { type: "string" })], "x-console-paging": { style: "cursor", cursor: "after", next: "links.next_token", limit: "limit" } };
    expect(pagingOf(get)).toEqual({ style: "cursor", cursor: "after", next: "links.next_token", limit: "limit", size: 15 });
    expect(pagingOf({ ...get, "x-console-paging": { style: "page", page: "p", size: 40 } })).toEqual({ style: "page", page: "p", first: 1, size: 40 });
    // Without a style it is by offset, like a recipe's paging.
    expect(pagingOf({ ...get, "x-console-paging": { limit: "limit", offset: "offset", total: "count" } })).toEqual({ style: "offset", limit: "limit", offset: "offset", size: 15, total: "count" });
  });

  it("false on an operation: it does not page, even with limit and offset", () => {
    expect(pagingOf({ parameters: [q("limit"), q("offset")], "x-console-paging": false })).toBeNull();
  });

  it("on the document, applies to the operations that have the parameter it moves; false there stops the guessing", () => {
    const paging = { style: "page", page: "p", limit: "n", total: "hits" };
    const catalog = catalogOf(
      {
        "/a": { get: { parameters: [q("p"), q("n", { type: "integer", default: 12 })] } },
        "/b": { get: { parameters: [q("limit"), q("offset")] } },
        "/c": { get: { parameters: [q("p")], "x-console-paging": false } },
      },
      { "x-console-paging": paging },
    );
    expect(catalog.operations.map((op) => op.paging)).toEqual([{ style: "page", page: "p", first: 1, limit: "n", size: 12, total: "hits" }, { style: "offset", limit: "limit", offset: "offset", size: 25 }, null]);
    expect(pagingOf({ parameters: [q("limit"), q("offset")] }, { "x-console-paging": false })).toBeNull();
    expect(pagingOf({ parameters: [q("limit"), q("offset")], "x-console-paging": { limit: "limit", offset: "offset" } }, { "x-console-paging": false })).toMatchObject({ style: "offset" });
  });

  it("that is malformed is named, like every other mistake in the document", () => {
    expect(errorOf({ "x-console-paging": { style: "pages", page: "p" } })).toBe('upload.json: paths["/x"].get["x-console-paging"].style must be one of "offset", "page", "cursor"');
    expect(errorOf({ "x-console-paging": { style: "cursor", cursor: "c" } })).toBe('upload.json: paths["/x"].get["x-console-paging"].next must name a member of the answer, such as count');
    expect(errorOf({ "x-console-paging": { style: "offset", limit: "l", ofset: "o" } })).toMatch(/^upload\.json: paths\["\/x"\]\.get\["x-console-paging"\]\.offset must name a query parameter/);
    expect(errorOf({ "x-console-paging": "cursor" })).toMatch(/\["x-console-paging"\] must be false, or an object/);
    expect(errorOf({}, { "x-console-paging": { style: "page", page: "p", size: 0 } })).toBe('upload.json: ["x-console-paging"].size must be at least 1');
  });
});

describe("the shipped document of JobNimbus's APIs", () => {
  const result = buildCatalog(shipped, "shipped");
  const operations = result.ok ? result.catalog.operations : [];
  const paging = (id: string) => operations.find((op) => op.id === id)?.paging;

  it("pages every legacy list by size/from with its count, 1000 a page as documented, and nothing else", () => {
    for (const id of ["listContacts", "listJobs", "listTasks", "listActivities", "listFiles", "listWorkOrders"]) {
      expect(paging(id), id).toEqual({ style: "offset", limit: "size", offset: "from", size: 1000, total: "count" });
    }
    expect(paging("getJob")).toBeNull();
    expect(paging("getSettings")).toBeNull();
    expect(paging("createContact")).toBeNull();
  });
});
