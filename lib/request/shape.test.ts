import { describe, expect, it } from "vitest";
import { array, boolean, describeIssues, literal, map, number, object, oneOf, optional, parse, record, safeParse, string, tuple, union, withDefault } from "./shape";

const issuesOf = (parsed: ReturnType<typeof safeParse>) => (parsed.success ? [] : parsed.issues);

describe("shape checks", () => {
  it("reads strings, trimming and bounding them", () => {
    expect(parse(string({ trim: true, min: 1, max: 3 }), "  ab ")).toBe("ab");
    expect(issuesOf(safeParse(string({ trim: true, min: 1, tooShort: "empty" }), "   "))).toEqual([{ path: [], message: "empty" }]);
    expect(issuesOf(safeParse(string({ max: 2 }), "abc"))).toEqual([{ path: [], message: "Too big: expected string to have <=2 characters" }]);
    expect(issuesOf(safeParse(string(), 5))).toEqual([{ path: [], message: "Invalid input: expected string, received number" }]);
    expect(issuesOf(safeParse(string(), undefined))).toEqual([{ path: [], message: "missing" }]);
  });

  it("reads finite numbers, whole ones when asked, within bounds", () => {
    expect(parse(number({ int: true, min: 0, max: 999 }), 404)).toBe(404);
    for (const bad of [1.5, -1, 1000, Number.NaN, Number.POSITIVE_INFINITY, "1", null]) {
      expect(safeParse(number({ int: true, min: 0, max: 999 }), bad).success, String(bad)).toBe(false);
    }
    expect(issuesOf(safeParse(number(), null))).toEqual([{ path: [], message: "Invalid input: expected number, received null" }]);
  });

  it("reads booleans, literals and one-of values", () => {
    expect(parse(boolean(), false)).toBe(false);
    expect(safeParse(boolean(), "true").success).toBe(false);
    expect(parse(literal(1), 1)).toBe(1);
    expect(safeParse(literal(1), "1").success).toBe(false);
    expect(issuesOf(safeParse(oneOf(["GET", "POST"]), "TRACE"))).toEqual([{ path: [], message: 'Invalid option: expected one of "GET"|"POST"' }]);
  });

  it("fills defaults only for absent values, calling a default function each time", () => {
    let calls = 0;
    const id = withDefault(string(), () => `id${(calls += 1)}`);
    expect(parse(id, undefined)).toBe("id1");
    expect(parse(id, undefined)).toBe("id2");
    expect(parse(id, "mine")).toBe("mine");
    expect(safeParse(withDefault(string(), ""), null).success).toBe(false);
    expect(parse(optional(string()), undefined)).toBeUndefined();
  });

  it("reads objects: unknown members dropped, absent optional ones left absent, every problem listed with its path", () => {
    const shape = object({ name: string(), note: optional(string()), rows: array(object({ on: boolean() }), { max: 2 }) });
    const read = parse(shape, { name: "a", rows: [{ on: true, extra: 1 }], extra: "x" });
    expect(read).toStrictEqual({ name: "a", rows: [{ on: true }] });
    const parsed = safeParse(shape, { name: 1, rows: [{ on: "yes" }, {}] });
    expect(issuesOf(parsed)).toEqual([
      { path: ["name"], message: "Invalid input: expected string, received number" },
      { path: ["rows", 0, "on"], message: "Invalid input: expected boolean, received string" },
      { path: ["rows", 1, "on"], message: "missing" },
    ]);
    expect(describeIssues(issuesOf(parsed), 2)).toBe("name: Invalid input: expected string, received number; rows.0.on: Invalid input: expected boolean, received string");
    for (const bad of [null, [], "x", 1]) expect(safeParse(shape, bad).success, JSON.stringify(bad)).toBe(false);
    expect(issuesOf(safeParse(shape, { name: "a", rows: [{ on: true }, { on: true }, { on: true }] }))).toEqual([{ path: ["rows"], message: "Too big: expected array to have <=2 items" }]);
  });

  it("reads records without letting a __proto__ key touch the prototype", () => {
    const read = parse(record(string()), JSON.parse('{"id":"7","__proto__":"x"}'));
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read)).toEqual(["id", "__proto__"]);
    expect(issuesOf(safeParse(record(string()), { a: 1 }))).toEqual([{ path: ["a"], message: "Invalid input: expected string, received number" }]);
    expect(safeParse(record(string()), ["a"]).success).toBe(false);
  });

  it("reads tuples of exactly their length, and the first union member that fits", () => {
    const row = union(tuple<[string, string]>(string(), string()), tuple<[string, string, 0]>(string(), string(), literal(0)));
    expect(parse(row, ["a", "b"])).toEqual(["a", "b"]);
    expect(parse(row, ["a", "b", 0])).toEqual(["a", "b", 0]);
    for (const bad of [["a"], ["a", "b", 1], ["a", 2], "ab", ["a", "b", 0, 0]]) expect(safeParse(row, bad).success, JSON.stringify(bad)).toBe(false);
    expect(issuesOf(safeParse(row, ["a"]))).toEqual([{ path: [], message: "Invalid input" }]);
  });

  it("reshapes valid values only", () => {
    const upper = map(string(), (text) => text.toUpperCase());
    expect(parse(upper, "ab")).toBe("AB");
    expect(() => parse(upper, 1)).toThrow("Invalid input: expected string, received number");
  });
});
