import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRecipes, RecipesError } from "./load";

const dir = mkdtempSync(join(tmpdir(), "recipes-"));

describe("loadRecipes", () => {
  it("reads ./recipes.json when RECIPES_FILE is not set", () => {
    expect(loadRecipes({ RECIPES_FILE: undefined }).map((r) => r.id)).toContain("find-contact");
  });

  it("reads RECIPES_FILE, and throws one line naming the bad entry", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ recipes: [{ id: "x-1", name: "X" }] }));
    expect(() => loadRecipes({ RECIPES_FILE: file })).toThrow(RecipesError);
    expect(() => loadRecipes({ RECIPES_FILE: file })).toThrow(new RegExp(`^RECIPES_FILE \\(${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\): recipe "x-1" \\(entry 1\\): description is missing`));
  });

  it("says when RECIPES_FILE does not exist", () => {
    expect(() => loadRecipes({ RECIPES_FILE: join(dir, "none.json") })).toThrow(`RECIPES_FILE (${join(dir, "none.json")}) cannot be read: there is no such file`);
  });
});
