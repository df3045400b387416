import { describe, expect, it } from "vitest";
import { addKeySchema, fieldErrors, MAX_KEY_LENGTH, MAX_LABEL_LENGTH, updateKeySchema } from "./2-key-input";

const errorsOf = (input: unknown) => fieldErrors(addKeySchema.safeParse(input).error?.issues ?? []);
const VALID_KEY = "test-valid-key-123";

describe("addKeySchema (the keys form and POST /api/keys)", () => {
  it("takes a label and a key, trimming the label and dropping anything else", () => {
    expect(addKeySchema.parse({ label: "  Office ", apiKey: VALID_KEY, extra: 1 })).toStrictEqual({ label: "Office", apiKey: VALID_KEY });
    expect(addKeySchema.safeParse({ label: "x".repeat(MAX_LABEL_LENGTH), apiKey: `test-${"k".repeat(MAX_KEY_LENGTH - 5)}` }).success).toBe(true);
  });

  it("says what is wrong with the key, in words a person can act on", () => {
    const cases: [string, RegExp][] = [
      ["", /key is empty/i],
      ["test-abc def", /spaces/i],
      ["test-abc\ndef", /line breaks|control/i],
      ["test-abc\u0007def", /control/i],
      ["test-abc\u0085def", /control|invisible/i],
      ["test-abc\u200bdef", /invisible|non-ASCII/i],
      ["test-caf\u00e9", /non-ASCII/i],
      [`test-${"k".repeat(MAX_KEY_LENGTH - 4)}`, new RegExp(`longer than ${MAX_KEY_LENGTH}`)],
      ["short", /too short/i],
    ];
    for (const [apiKey, message] of cases) {
      const errors = errorsOf({ label: "A", apiKey });
      expect(errors.length, JSON.stringify(apiKey)).toBeGreaterThan(0);
      expect(errors.every((error) => error.field === "apiKey"), JSON.stringify(apiKey)).toBe(true);
      expect(errors.map((error) => error.message).join(" "), JSON.stringify(apiKey)).toMatch(message);
    }
  });

  it("says what is wrong with the label", () => {
    expect(errorsOf({ label: "   ", apiKey: VALID_KEY })).toEqual([{ field: "label", message: "Give the key a label, for example 'Production' or 'Sandbox'." }]);
    expect(errorsOf({ label: "x".repeat(MAX_LABEL_LENGTH + 1), apiKey: VALID_KEY })).toEqual([{ field: "label", message: `The label is longer than ${MAX_LABEL_LENGTH} characters.` }]);
    expect(errorsOf({ label: "a\u0000b", apiKey: VALID_KEY })).toEqual([{ field: "label", message: "The label contains control characters." }]);
  });

  it("lists every field's problems in order, each under its field, and the body's own as 'body'", () => {
    expect(errorsOf({})).toEqual([
      { field: "label", message: "The label is missing." },
      { field: "apiKey", message: "The key is missing." },
    ]);
    expect(errorsOf({ label: "", apiKey: "a b" })).toEqual([
      { field: "label", message: "Give the key a label, for example 'Production' or 'Sandbox'." },
      { field: "apiKey", message: "The key is too short to be a JobNimbus API key; copy the whole key." },
      { field: "apiKey", message: "The key contains spaces or line breaks; remove them (only the key itself)." },
    ]);
    expect(errorsOf(null)).toEqual([{ field: "body", message: "Invalid input: expected object, received null" }]);
    expect(errorsOf(["label"])).toEqual([{ field: "body", message: "Invalid input: expected object, received array" }]);
  });
});

describe("updateKeySchema", () => {
  it('takes only {"active": true}', () => {
    expect(updateKeySchema.safeParse({ active: true }).success).toBe(true);
    for (const bad of [{ active: false }, {}, null, { active: "true" }]) expect(updateKeySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
