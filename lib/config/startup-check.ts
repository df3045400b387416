// A missing or weak setting, a team key that does not check out, or a recipes file that does not, stops
// start-up with one line per problem naming it, instead of failing later, mid-request, with a stack trace.
import "server-only";
import { EnvError, getEnv } from "./env";
import { warmCatalog } from "@/lib/catalog/source";
import { loadRecipes, RecipesError } from "@/lib/recipes/load";
import { teamKeys } from "@/lib/vault/5-team-keys";

export function checkEnvironmentOrExit(): void {
  try {
    loadRecipes(getEnv());
    // Parsed by the vault, which alone holds them; its lines name the entry, never the key.
    teamKeys();
  } catch (error) {
    if (!(error instanceof EnvError) && !(error instanceof RecipesError)) throw error;
    process.stderr.write(`${error.message.split("\n").map((line) => `Configuration error: ${line}`).join("\n")}\n`);
    process.exit(1);
  }
  // The endpoint catalogue is optional: a bad OPENAPI_SPEC is logged (and shown in the console), never fatal.
  warmCatalog();
}
