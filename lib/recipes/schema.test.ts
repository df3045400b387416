import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRecipes } from "./parse";
import { recipePaging } from "./paging";
import type { Recipe } from "./schema";

const shippedText = readFileSync(new URL("../../recipes.json", import.meta.url), "utf8");

function withRecipes(mutate: (recipes: Record<string, unknown>[]) => void): string {
  const file = JSON.parse(shippedText) as { recipes: Record<string, unknown>[] };
  mutate(file.recipes);
  return JSON.stringify(file);
}

const minimal = {
  id: "list-things",
  name: "List things",
  description: "Lists things.",
  subject: { one: "thing", many: "things" },
  request: { upstream: "legacy", method: "GET", path: "contacts" },
  result: { columns: [{ label: "Name", value: "{{display_name}}" }] },
};

describe("the shipped recipes.json", () => {
  const parsed = parseRecipes(shippedText, "recipes.json");

  it("checks out", () => {
    expect(parsed).toMatchObject({ ok: true });
  });

  it("has the office's everyday tasks, each on the documented legacy API", () => {
    const recipes = parsed.ok ? parsed.recipes : [];
    expect(recipes.map((r) => r.id)).toEqual([
      "find-contact", "show-contact", "create-contact", "deactivate-contact", "find-job", "show-job", "change-job-status",
      "jobs-in-status", "add-job-note", "add-job-task", "open-tasks", "job-activity", "all-contacts",
    ]);
    expect(new Set(recipes.map((r) => r.request.upstream))).toEqual(new Set(["legacy"]));
    expect(recipes.filter((r) => r.request.method === "DELETE" || r.request.method === "PATCH")).toEqual([]);
  });

  it("confirms every write, and has the person type the name before a deactivation", () => {
    const recipes = parsed.ok ? parsed.recipes : [];
    for (const recipe of recipes.filter((r) => r.request.method !== "GET")) expect(recipe.confirm?.summary, recipe.id).toBeTruthy();
    const deactivate = recipes.find((r) => r.id === "deactivate-contact")!;
    expect(deactivate.request).toMatchObject({ method: "PUT", body: { is_active: false } });
    expect(deactivate.confirm?.typed).toBe("{{contact.display_name}}");
  });

  it("takes every choice from the account, never from the file", () => {
    const recipes = parsed.ok ? parsed.recipes : [];
    const selects = recipes.flatMap((r) => r.fields.filter((f) => f.type === "select").map((f) => [r.id, f.name, f.choices, f.options] as const));
    expect(selects.length).toBeGreaterThan(8);
    for (const [id, name, choices, options] of selects) {
      expect(choices, `${id}.${name}`).toBeTruthy();
      expect(options, `${id}.${name}`).toBeUndefined();
    }
  });
});

describe("parseRecipes: one line naming the bad entry", () => {
  const bad = (mutate: (recipes: Record<string, unknown>[]) => void) => {
    const result = parseRecipes(withRecipes(mutate), "recipes.json");
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.message;
    expect(message).not.toContain("\n");
    return message;
  };

  it("names the recipe by id and position, and the field inside it", () => {
    const message = bad((recipes) => {
      (recipes[1]!.fields as Record<string, unknown>[])[0]!.type = "colour";
    });
    expect(message).toMatch(/^recipes\.json: recipe "show-contact" \(entry 2\): fields\[0\]\.type /);
    expect(message).toContain("text");
  });

  it("says a required member is missing", () => {
    const message = bad((recipes) => {
      delete recipes[0]!.name;
    });
    expect(message).toMatch(/recipe "find-contact" \(entry 1\): name is missing/);
  });

  it("catches typos in member names", () => {
    const message = bad((recipes) => {
      const result = recipes[7]!.result as Record<string, unknown>;
      result.colums = result.columns;
    });
    expect(message).toMatch(/recipe "jobs-in-status" \(entry 8\): result has an unknown key "colums"/);
  });

  it("refuses a placeholder that names no field", () => {
    const message = bad((recipes) => {
      (recipes[0]!.request as { query: Record<string, string> }).query.sort_field = "{{query}}";
    });
    expect(message).toMatch(/recipe "find-contact" \(entry 1\): request uses \{\{query\}\}, but the recipe has no field or lookup called "query"/);
  });

  it("refuses a write without a confirmation, and a DELETE or a deactivation without a typed confirmation", () => {
    expect(bad((recipes) => delete recipes[2]!.confirm)).toMatch(/recipe "create-contact" \(entry 3\): confirm is required: this recipe sends POST/);
    expect(
      parseRecipes(JSON.stringify({ recipes: [{ ...minimal, request: { ...minimal.request, method: "DELETE", path: "contacts/{{id}}" }, fields: [{ name: "id", label: "Id" }], confirm: { summary: "Delete {{id}}" } }] }), "x.json"),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/confirm\.typed is required for a DELETE/) });
    expect(bad((recipes) => delete (recipes[3]!.confirm as Record<string, unknown>).typed)).toMatch(
      /recipe "deactivate-contact" \(entry 4\): confirm\.typed is required: this recipe sends \{"is_active": false\}, JobNimbus's delete/,
    );
  });

  it("checks where choices come from: a known source, on a select, statuses within a field or the lookup", () => {
    const field = (recipe: number, name: string, change: Record<string, unknown>) => (recipes: Record<string, unknown>[]) =>
      Object.assign((recipes[recipe]!.fields as Record<string, unknown>[]).find((f) => f.name === name)!, change);
    expect(bad(field(7, "workflow", { choices: "job-colours" }))).toMatch(/recipe "jobs-in-status" \(entry 8\): fields\[0\]\.choices must be one of contact-workflows, contact-statuses, job-workflows, job-statuses/);
    expect(bad(field(7, "workflow", { type: "text" }))).toMatch(/fields\[0\]\.choices comes with "type": "select"/);
    expect(bad(field(7, "workflow", { options: ["Roofing"] }))).toMatch(/fields\[0\]\.choices has both "options" and "choices"/);
    expect(bad(field(7, "workflow", { within: "status" }))).toMatch(/fields\[0\]\.within only goes with "choices": contact-statuses or job-statuses/);
    expect(bad(field(7, "status", { within: "workflw" }))).toMatch(/fields\[1\]\.within names "workflw", which is neither a field nor the lookup/);
    expect(bad(field(6, "status", { within: "status" }))).toMatch(/recipe "change-job-status" \(entry 7\): fields\[1\]\.within names the field itself/);
    expect(bad((recipes) => (recipes[2]!.atLeastOne = ["first_name", "nickname"]))).toMatch(/atLeastOne\[1\] "nickname" is not a field of this recipe/);
  });

  it("refuses links to recipes that do not exist, and to fields they do not have", () => {
    expect(bad((recipes) => {
      ((recipes[0]!.result as { columns: { link?: { recipe: string } }[] }).columns[0]!.link!).recipe = "show-kontakt";
    })).toMatch(/result\.columns\[0\]\.link\.recipe points to "show-kontakt"/);
    expect(bad((recipes) => {
      ((recipes[0]!.result as { columns: { link?: { values: Record<string, string> } }[] }).columns[0]!.link!).values = { jnid: "{{jnid}}" };
    })).toMatch(/"show-contact" has no field called "jnid"/);
  });

  it("refuses repeated ids and select fields without options or choices", () => {
    expect(bad((recipes) => (recipes[2]!.id = "find-contact"))).toMatch(/recipe "find-contact" \(entry 3\): id "find-contact" is used by an earlier recipe/);
    expect(bad((recipes) => delete (recipes[7]!.fields as Record<string, unknown>[])[0]!.choices)).toMatch(/fields\[0\]\.options is a "select" and needs "options" or "choices"/);
  });

  it("refuses a lookup that writes, a path with a host and an unknown filter", () => {
    expect(bad((recipes) => ((recipes[5]!.lookup as { request: { method: string } }).request.method = "POST"))).toMatch(/lookup\.request\.method must be a GET/);
    expect(bad((recipes) => ((recipes[0]!.request as { path: string }).path = "https://evil.example/x"))).toMatch(/request\.path must be a path such as contacts\/\{\{id\}\}/);
    expect(bad((recipes) => ((recipes[0]!.request as { query: Record<string, string> }).query.sort_field = "{{q|shout}}"))).toMatch(/unknown filter "\|shout"/);
  });

  it("reports broken JSON with its line and column, and counts further problems", () => {
    const broken = parseRecipes('{\n  "recipes": [\n    {"id": "x",}\n  ]\n}', "RECIPES_FILE (bad.json)");
    expect(broken).toEqual({ ok: false, message: expect.stringMatching(/^RECIPES_FILE \(bad\.json\) is not valid JSON: .+ at line 3, column \d+$/) });
    const many = parseRecipes(JSON.stringify({ recipes: [{ id: "Bad Id" }] }), "r.json");
    expect(many.ok ? "" : many.message).toMatch(/^r\.json: recipe "Bad Id" \(entry 1\): id must be lower-case .+ \(and \d+ more problems\)$/);
  });

  it("refuses an empty file and unknown top-level keys", () => {
    expect(parseRecipes('{"recipes": []}', "r.json")).toEqual({ ok: false, message: "r.json: recipes needs at least one recipe" });
    expect(parseRecipes('{"recipe": []}', "r.json")).toEqual({ ok: false, message: 'r.json: recipes is missing (expected array) (and 1 more problem)' });
  });
});

describe("defaults", () => {
  const one = (extra: Partial<Recipe> & Record<string, unknown>) => {
    const parsed = parseRecipes(JSON.stringify({ recipes: [{ ...minimal, ...extra }] }), "r.json");
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.recipes[0]!;
  };

  it("fills field defaults and, without a catalogue, pages each API its own way", () => {
    const pagingOf = (recipe: Recipe) => recipePaging(recipe, null)?.paging ?? null;
    const platform = one({ fields: [{ name: "q", label: "Search" }], request: { upstream: "platform", method: "GET", path: "example/v1/things" } } as never);
    expect(platform.fields[0]).toMatchObject({ type: "text", required: false });
    expect(pagingOf(platform)).toEqual({ style: "offset", limit: "limit", offset: "offset", size: 25, total: "count" });
    const legacy = one({ request: { upstream: "legacy", method: "GET", path: "contacts" } } as never);
    expect(pagingOf(legacy)).toEqual({ style: "offset", limit: "size", offset: "from", size: 25, total: "count" });
    expect(pagingOf(one({ paging: false } as never))).toBeNull();
    expect(pagingOf(one({ result: { single: true, columns: minimal.result.columns } } as never))).toBeNull();
  });

  it("reads a recipe's own paging in every style, the old offset form included, and names a bad one", () => {
    const declared = (paging: unknown) => one({ paging } as never).paging;
    expect(declared({ limit: "size", offset: "from" })).toEqual({ style: "offset", limit: "size", offset: "from" });
    expect(declared({ style: "page", page: "page", limit: "per_page", size: 50 })).toEqual({ style: "page", page: "page", limit: "per_page", size: 50 });
    expect(declared({ style: "cursor", cursor: "after", next: "meta.next" })).toEqual({ style: "cursor", cursor: "after", next: "meta.next" });
    const problem = (paging: unknown) => {
      const parsed = parseRecipes(JSON.stringify({ recipes: [{ ...minimal, paging }] }), "r.json");
      return parsed.ok ? "" : parsed.message;
    };
    expect(problem({ style: "pages", page: "p" })).toBe('r.json: recipe "list-things" (entry 1): paging.style must be one of "offset", "page", "cursor"');
    expect(problem({ style: "cursor", cursor: "after" })).toBe('r.json: recipe "list-things" (entry 1): paging.next must name a member of the answer, such as count');
    expect(problem({ limit: "limit", offset: "offset", sise: 10 })).toBe('r.json: recipe "list-things" (entry 1): paging has an unknown key "sise" (a typo?)');
    expect(problem({ style: "page", page: "page", first: 2 })).toBe('r.json: recipe "list-things" (entry 1): paging.first must be 0 or 1');
    expect(problem("cursor")).toMatch(/paging must be false, or an object such as/);
  });
});
