// A missing or weak setting, or a recipes file that does not check out, stops start-up with
// one line per problem naming it, instead of failing later, mid-request, with a stack trace.
import "server-only";
import { EnvError, getEnv } from "./env";
import { warmCatalog } from "@/lib/catalog/source";
import { loadRecipes, RecipesError } from "@/lib/recipes/load";

export function checkEnvironmentOrExit(): void {
  try {
    loadRecipes(getEnv());
  } catch (error) {
    if (!(error instanceof EnvError) && !(error instanceof RecipesError)) throw error;
    process.stderr.write(`${error.message.split("\n").map((line) => `Configuration error: ${line}`).join("\n")}\n`);
    process.exit(1);
  }
  // The endpoint catalogue is optional: a bad OPENAPI_SPEC is logged (and shown in the console), never fatal.
  warmCatalog();
}
