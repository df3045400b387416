import { describe, expect, it } from "vitest";
import { initialValues, queryText, unixSecondsOf, validateForm, wireValue, type FormField } from "./fields";

const f = (kind: FormField["kind"], extra: Partial<FormField> = {}): FormField => ({ name: "x", label: "X", kind, required: false, ...extra });

describe("validateForm", () => {
  it("requires required fields and lets blank optional ones through", () => {
    expect(validateForm([f("text", { required: true })], { x: "  " })).toEqual({ x: "X is required" });
    expect(validateForm([f("integer")], {})).toEqual({});
  });

  it("checks each kind with a message a person can act on", () => {
    const cases: [FormField, string, string | undefined][] = [
      [f("integer"), "1.5", "X must be a whole number"],
      [f("number", { min: 0, max: 3 }), "4", "X must be from 0 to 3"],
      [f("number", { min: 1 }), "0", "X must be 1 or more"],
      [f("number"), "2.5", undefined],
      [f("select", { options: [{ value: "a", label: "A" }] }), "b", "X must be one of the listed choices"],
      [f("date"), "2025-13-40", "X must be a date (YYYY-MM-DD)"],
      [f("datetime"), "2025-06-01T10:30", undefined],
      [f("email"), "jane@", "X must be an email address, such as jane@example.com"],
      [f("tel"), "call me", "X must be a phone number (digits, spaces, + ( ) - .)"],
      [f("json"), "{", "X must be valid JSON"],
      [f("text", { maxLength: 2 }), "abc", "X must be at most 2 characters"],
      [f("text", { pattern: "^\\d+$" }), "12a", "X is not in the expected format"],
      [f("boolean"), "maybe", "X must be yes or no"],
    ];
    for (const [field, value, message] of cases) expect(validateForm([field], { x: value }).x, `${field.kind} ${value}`).toBe(message);
  });
});

describe("values to send", () => {
  it("converts by kind, leaves blanks out", () => {
    expect(wireValue(f("integer"), " 7 ")).toBe(7);
    expect(wireValue(f("boolean"), "false")).toBe(false);
    expect(wireValue(f("list"), "a, b,,c")).toEqual(["a", "b", "c"]);
    expect(wireValue(f("json"), '{"a":1}')).toEqual({ a: 1 });
    expect(wireValue(f("unix-date"), "2025-06-09")).toBe(unixSecondsOf("2025-06-09"));
    expect(wireValue(f("text"), "   ")).toBeUndefined();
    expect(wireValue(f("textarea"), " keep  spaces ")).toBe(" keep  spaces ");
    expect(queryText(f("list"), "a,b")).toBe("a,b");
    expect(queryText(f("number"), "3")).toBe("3");
  });

  it("starts from what was given, then defaults", () => {
    expect(initialValues([f("text", { defaultValue: "d" }), f("text", { name: "y" })], { y: "given" })).toEqual({ x: "d", y: "given" });
  });
});
