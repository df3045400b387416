// Loads the recipes once per process: RECIPES_FILE if set, else ./recipes.json beside the app,
// else the copy built into the app (hosts that ship no loose files). Start-up calls this first.
import "server-only";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import shipped from "@/recipes.json";
import { getEnv, type Env } from "@/lib/config/env";
import { parseRecipes } from "./parse";
import type { Recipe } from "./schema";

export class RecipesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RecipesError";
  }
}

type Source = { label: string; text: string };

function readSource(env: Pick<Env, "RECIPES_FILE">): Source {
  if (env.RECIPES_FILE) {
    const file = resolve(/* turbopackIgnore: true */ process.cwd(), env.RECIPES_FILE);
    const label = `RECIPES_FILE (${env.RECIPES_FILE})`;
    try {
      // Read at run time from wherever the administrator says, never traced into the build.
      return { label, text: readFileSync(/* turbopackIgnore: true */ file, "utf8") };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new RecipesError(`${label} cannot be read${code === "ENOENT" ? ": there is no such file" : code ? ` (${code})` : ""}`);
    }
  }
  const beside = resolve(process.cwd(), "recipes.json");
  try {
    return { label: "recipes.json", text: readFileSync(/* turbopackIgnore: true */ beside, "utf8") };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new RecipesError(`recipes.json cannot be read (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`);
    return { label: "recipes.json (built in)", text: JSON.stringify(shipped) };
  }
}

let cached: { file: string | undefined; recipes: Recipe[] } | undefined;

/** The checked recipes; throws RecipesError with one line naming the bad entry. */
export function loadRecipes(env: Pick<Env, "RECIPES_FILE"> = getEnv()): Recipe[] {
  if (cached && cached.file === env.RECIPES_FILE) return cached.recipes;
  const source = readSource(env);
  const parsed = parseRecipes(source.text, source.label);
  if (!parsed.ok) throw new RecipesError(parsed.message);
  cached = { file: env.RECIPES_FILE, recipes: parsed.recipes };
  return parsed.recipes;
}
