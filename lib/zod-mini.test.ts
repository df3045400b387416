import { describe, expect, it } from "vitest";
import * as z from "./zod-mini";
import { describeIssues, PLAIN_MESSAGES } from "./zod-mini";
import { z as classic } from "./zod";

const messagesOf = (parsed: { success: boolean; error?: { issues: z.core.$ZodIssue[] } }) =>
  (parsed.error?.issues ?? []).map((issue) => ({ path: issue.path, message: issue.message }));

describe("zod's configuration (lib/zod-mini.ts, shared by lib/zod.ts)", () => {
  it("is jitless for both builds, so no parse probes `new Function` (the page's CSP forbids eval)", () => {
    expect(z.config().jitless).toBe(true);
    expect(classic.config().jitless).toBe(true);
    const RealFunction = globalThis.Function;
    const constructed: unknown[][] = [];
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: unknown[]) {
        constructed.push(args);
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      // Classic objects are where zod compiles a fast path when allowed; each schema decides when it is built.
      expect(classic.object({ a: classic.string() }).parse({ a: "x" })).toEqual({ a: "x" });
      expect(z.object({ a: z.string() }).parse({ a: "x" })).toEqual({ a: "x" });
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(constructed).toEqual([]);
  });

  it("words issues in English for zod/mini too, which loads no messages of its own", () => {
    expect(messagesOf(z.safeParse(z.string(), 5))).toEqual([{ path: [], message: "Invalid input: expected string, received number" }]);
    expect(messagesOf(classic.string().safeParse(5))).toEqual([{ path: [], message: "Invalid input: expected string, received number" }]);
  });
});

describe("zod/mini checks as the browser modules use them", () => {
  it("reads strings, trimming and bounding them", () => {
    expect(z.parse(z.string().check(z.trim(), z.minLength(1), z.maxLength(3)), "  ab ")).toBe("ab");
    expect(messagesOf(z.safeParse(z.string().check(z.trim(), z.minLength(1, "empty")), "   "))).toEqual([{ path: [], message: "empty" }]);
    expect(messagesOf(z.safeParse(z.string().check(z.maxLength(2)), "abc"))).toEqual([{ path: [], message: "Too big: expected string to have <=2 characters" }]);
    expect(messagesOf(z.safeParse(z.string(), 5))).toEqual([{ path: [], message: "Invalid input: expected string, received number" }]);
    expect(messagesOf(z.safeParse(z.string(), undefined, PLAIN_MESSAGES))).toEqual([{ path: [], message: "missing" }]);
  });

  it("reads finite numbers, whole ones when asked, within bounds", () => {
    const status = z.int().check(z.minimum(0), z.maximum(999));
    expect(z.parse(status, 404)).toBe(404);
    for (const bad of [1.5, -1, 1000, Number.NaN, Number.POSITIVE_INFINITY, "1", null]) {
      expect(z.safeParse(status, bad).success, String(bad)).toBe(false);
    }
    expect(z.safeParse(z.number(), Number.POSITIVE_INFINITY).success).toBe(false);
    expect(messagesOf(z.safeParse(z.number(), null))).toEqual([{ path: [], message: "Invalid input: expected number, received null" }]);
  });

  it("reads booleans, literals and one-of values", () => {
    expect(z.parse(z.boolean(), false)).toBe(false);
    expect(z.safeParse(z.boolean(), "true").success).toBe(false);
    expect(z.parse(z.literal(1), 1)).toBe(1);
    expect(z.safeParse(z.literal(1), "1").success).toBe(false);
    expect(messagesOf(z.safeParse(z.enum(["GET", "POST"]), "TRACE"))).toEqual([{ path: [], message: 'Invalid option: expected one of "GET"|"POST"' }]);
    expect(messagesOf(z.safeParse(z.enum(["GET", "POST"]), undefined, PLAIN_MESSAGES))).toEqual([{ path: [], message: "missing" }]);
  });

  it("fills defaults only for absent values, calling a default function each time", () => {
    let calls = 0;
    const id = z._default(z.string(), () => `id${(calls += 1)}`);
    expect(z.parse(id, undefined)).toBe("id1");
    expect(z.parse(id, undefined)).toBe("id2");
    expect(z.parse(id, "mine")).toBe("mine");
    expect(z.safeParse(z._default(z.string(), ""), null).success).toBe(false);
    expect(z.parse(z.optional(z.string()), undefined)).toBeUndefined();
  });

  it("reads objects: unknown members dropped, absent optional ones left absent, every problem listed with its path", () => {
    const shape = z.object({ name: z.string(), note: z.optional(z.string()), rows: z.array(z.object({ on: z.boolean() })).check(z.maxLength(2)) });
    const read = z.parse(shape, { name: "a", rows: [{ on: true, extra: 1 }], extra: "x" });
    expect(read).toStrictEqual({ name: "a", rows: [{ on: true }] });
    const parsed = z.safeParse(shape, { name: 1, rows: [{ on: "yes" }, {}] }, PLAIN_MESSAGES);
    expect(messagesOf(parsed)).toEqual([
      { path: ["name"], message: "Invalid input: expected string, received number" },
      { path: ["rows", 0, "on"], message: "Invalid input: expected boolean, received string" },
      { path: ["rows", 1, "on"], message: "missing" },
    ]);
    expect(describeIssues(parsed.error?.issues ?? [], 2)).toBe("name: Invalid input: expected string, received number; rows.0.on: Invalid input: expected boolean, received string");
    expect(describeIssues(z.safeParse(shape, null).error?.issues ?? [])).toBe("Invalid input: expected object, received null");
    for (const bad of [null, [], "x", 1]) expect(z.safeParse(shape, bad).success, JSON.stringify(bad)).toBe(false);
    expect(messagesOf(z.safeParse(shape, { name: "a", rows: [{ on: true }, { on: true }, { on: true }] }))).toEqual([{ path: ["rows"], message: "Too big: expected array to have <=2 items" }]);
  });

  it("reads records without letting a __proto__ key touch the prototype", () => {
    const strings = z.record(z.string(), z.string());
    const read = z.parse(strings, JSON.parse('{"id":"7","__proto__":"x"}'));
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    // zod leaves such a key out rather than keep it as a plain member.
    expect(Object.keys(read)).toEqual(["id"]);
    expect(messagesOf(z.safeParse(strings, { a: 1 }))).toEqual([{ path: ["a"], message: "Invalid input: expected string, received number" }]);
    expect(z.safeParse(strings, ["a"]).success).toBe(false);
  });

  it("reads tuples of exactly their length, and the first union member that fits", () => {
    const row = z.union([z.tuple([z.string(), z.string()]), z.tuple([z.string(), z.string(), z.literal(0)])]);
    expect(z.parse(row, ["a", "b"])).toEqual(["a", "b"]);
    expect(z.parse(row, ["a", "b", 0])).toEqual(["a", "b", 0]);
    for (const bad of [["a"], ["a", "b", 1], ["a", 2], "ab", ["a", "b", 0, 0]]) expect(z.safeParse(row, bad).success, JSON.stringify(bad)).toBe(false);
    expect(messagesOf(z.safeParse(row, ["a"]))).toEqual([{ path: [], message: "Invalid input" }]);
  });

  it("reshapes valid values only", () => {
    const upper = z.pipe(z.string(), z.transform((text: string) => text.toUpperCase()));
    expect(z.parse(upper, "ab")).toBe("AB");
    expect(() => z.parse(upper, 1)).toThrow("Invalid input: expected string, received number");
  });
});
