import { describe, expect, it } from "vitest";
import { PRETTY_LIMIT_BYTES, defaultView, mediaTypeOf, recordsOf, viewsFor } from "./media-views";

const small = 1_000;
const big = PRETTY_LIMIT_BYTES + 1;
const contacts = [{ jnid: "a1", name: "Ann" }, { jnid: "b2", name: "Bo" }];

describe("recordsOf", () => {
  it("finds a top-level array of objects", () => {
    expect(recordsOf(contacts)).toBe(contacts);
  });

  it("finds records under results, data, items and similar list keys", () => {
    expect(recordsOf({ count: 2, results: contacts })).toBe(contacts);
    expect(recordsOf({ data: contacts })).toBe(contacts);
    expect(recordsOf({ items: contacts, next: null })).toBe(contacts);
    expect(recordsOf({ records: contacts })).toBe(contacts);
  });

  it("looks one level down, as in {data: {items: [...]}}", () => {
    expect(recordsOf({ data: { items: contacts, total: 2 } })).toBe(contacts);
  });

  it("does not go deeper than that", () => {
    expect(recordsOf({ data: { data: { items: contacts } } })).toBeNull();
  });

  it("is null for scalars, arrays of scalars, mixed arrays and single records", () => {
    expect(recordsOf(null)).toBeNull();
    expect(recordsOf("text")).toBeNull();
    expect(recordsOf(42)).toBeNull();
    expect(recordsOf([1, 2, 3])).toBeNull();
    expect(recordsOf([{ a: 1 }, null])).toBeNull();
    expect(recordsOf([{ a: 1 }, [1]])).toBeNull();
    expect(recordsOf({ jnid: "a1", related: [{ id: "x" }] })).toBeNull();
    expect(recordsOf({ results: [1, 2] })).toBeNull();
  });

  it("returns an empty list as an empty list", () => {
    expect(recordsOf([])).toEqual([]);
    expect(recordsOf({ count: 0, results: [] })).toEqual([]);
  });
});

describe("mediaTypeOf", () => {
  it("drops parameters and case", () => {
    expect(mediaTypeOf("Application/JSON; charset=utf-8")).toBe("application/json");
  });

  it("is null when missing or malformed", () => {
    expect(mediaTypeOf(null)).toBeNull();
    expect(mediaTypeOf("")).toBeNull();
    expect(mediaTypeOf("json")).toBeNull();
  });
});

describe("viewsFor", () => {
  it("offers json, tree, raw and download for JSON, with or without parameters", () => {
    expect(viewsFor("application/json", small, { a: 1 })).toEqual(["json", "tree", "raw", "download"]);
    expect(viewsFor("application/json; charset=utf-8", small, { a: 1 })).toEqual(["json", "tree", "raw", "download"]);
  });

  it("treats vendor +json types as JSON", () => {
    expect(viewsFor("application/vnd.jobnimbus.v1+json", small, { a: 1 })).toEqual(["json", "tree", "raw", "download"]);
  });

  it("puts the table first when the JSON holds records", () => {
    expect(viewsFor("application/json", small, { count: 2, results: contacts })).toEqual(["table", "json", "tree", "raw", "download"]);
    expect(defaultView("application/json", small, contacts)).toBe("table");
  });

  it("does not offer a table for an empty list", () => {
    expect(viewsFor("application/json", small, { count: 0, results: [] })).not.toContain("table");
  });

  it("shows a problem document as a problem first", () => {
    const problem = { type: "about:blank", title: "Forbidden", status: 403 };
    expect(viewsFor("application/problem+json", small, problem)).toEqual(["problem", "json", "tree", "raw", "download"]);
    expect(defaultView("application/problem+json; charset=utf-8", small, problem)).toBe("problem");
  });

  it("falls back to raw when a JSON content type carries a body that did not parse", () => {
    expect(viewsFor("application/json", small)).toEqual(["raw", "download"]);
    expect(viewsFor("application/problem+json", small)).toEqual(["raw", "download"]);
  });

  it("opens big JSON raw with download next, without pretty or tree, but keeps the table", () => {
    expect(viewsFor("application/json", big, { a: 1 })).toEqual(["raw", "download"]);
    expect(viewsFor("application/json", big, { results: contacts })).toEqual(["raw", "download", "table"]);
    expect(viewsFor("application/json", PRETTY_LIMIT_BYTES, { a: 1 })).toContain("json");
  });

  it("shows plain text and CSV raw", () => {
    expect(viewsFor("text/plain", small)).toEqual(["raw", "download"]);
    expect(viewsFor("text/csv; charset=utf-8", small)).toEqual(["raw", "download"]);
    expect(viewsFor("application/xml", small)).toEqual(["raw", "download"]);
  });

  it("shows HTML as text, never rendered", () => {
    expect(viewsFor("text/html; charset=utf-8", small)).toEqual(["html-as-text", "download"]);
  });

  it("shows images and PDFs in their own views, even big ones", () => {
    expect(viewsFor("image/png", small)).toEqual(["image", "download"]);
    expect(viewsFor("image/svg+xml", small)).toEqual(["image", "download"]);
    expect(viewsFor("image/jpeg", big)).toEqual(["image", "download"]);
    expect(viewsFor("application/pdf", small)).toEqual(["pdf", "download"]);
  });

  it("only offers a download for binary types", () => {
    expect(viewsFor("application/octet-stream", small)).toEqual(["download"]);
    expect(viewsFor("application/zip", small)).toEqual(["download"]);
    expect(viewsFor("audio/mpeg", small)).toEqual(["download"]);
  });

  it("sniffs a body with no content type: JSON when it parsed, raw otherwise", () => {
    expect(viewsFor(null, small, { a: 1 })).toEqual(["json", "tree", "raw", "download"]);
    expect(viewsFor(null, small, contacts)[0]).toBe("table");
    expect(viewsFor(null, small, null)).toEqual(["json", "tree", "raw", "download"]);
    expect(viewsFor(null, small)).toEqual(["raw", "download"]);
    expect(viewsFor("nonsense", small)).toEqual(["raw", "download"]);
  });

  it("opens big text raw", () => {
    expect(defaultView("text/plain", big)).toBe("raw");
  });
});
