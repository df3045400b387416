import { describe, expect, it } from "vitest";
import { checkJson, firstErrorAt, formatJson, lineColumnAt, minifyJson, tokenizeJson } from "./check";

describe("checkJson", () => {
  it("accepts valid JSON and returns the value", () => {
    expect(checkJson('{"a":[1,true,null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it("points at the line and column of the first error", () => {
    const result = checkJson('{\n  "name": "Jane",\n  "age": ,\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(3);
      expect(result.column).toBe(10);
      expect(result.message).not.toMatch(/position/);
    }
  });

  it("reports unexpected end at the end of the text", () => {
    const result = checkJson('{"a": 1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.line).toBe(1);
  });
});

describe("lineColumnAt", () => {
  it("counts lines and 1-based columns", () => {
    expect(lineColumnAt("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt("ab", 0)).toEqual({ line: 1, column: 1 });
  });
});

describe("format and minify", () => {
  it("round-trip valid JSON and refuse invalid", () => {
    expect(formatJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(minifyJson('{\n  "a": 1\n}')).toBe('{"a":1}');
    expect(formatJson("{oops")).toBeNull();
    expect(minifyJson("")).toBeNull();
  });
});

describe("tokenizeJson", () => {
  it("gives the text back and tells keys from values", () => {
    const text = '{ "name": "Jane", "n": -1.5e3, "ok": true, "x": null }';
    const tokens = tokenizeJson(text);
    expect(tokens.map((t) => t.text).join("")).toBe(text);
    expect(tokens.find((t) => t.text === '"name"')?.kind).toBe("key");
    expect(tokens.find((t) => t.text === '"Jane"')?.kind).toBe("string");
    expect(tokens.find((t) => t.text === "-1.5e3")?.kind).toBe("number");
    expect(tokens.find((t) => t.text === "true")?.kind).toBe("literal");
  });

  it("keeps invalid input intact", () => {
    const text = '{"a": nope, "b": "unterminated';
    expect(tokenizeJson(text).map((t) => t.text).join("")).toBe(text);
  });
});

describe("firstErrorAt", () => {
  it("finds the offending character whatever the engine's message says", () => {
    expect(firstErrorAt('{"a": 1,}').at).toBe(8);
    expect(firstErrorAt("[1, 2").message).toMatch(/end of input/);
    expect(firstErrorAt('{"a" 1}').message).toMatch(/Expected ':'/);
    expect(firstErrorAt('"line\nbreak"').message).toMatch(/control character/);
    expect(firstErrorAt("{} x").message).toMatch(/after the end/);
  });
});
