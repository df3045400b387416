// /recipes: named office tasks from recipes.json (checked at start-up), for signed-in people.
// ?recipe={id} picks one; its fields can come in the address too, and run=1 runs a read at once.
// The chosen recipe's paging is worked out here, from the server's OpenAPI catalogue when it has one.
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { RecipesApp } from "@/components/recipes/recipes-app";
import { authOptions } from "@/lib/auth/1-sign-in";
import { signedInUser } from "@/lib/auth/4-roles";
import { getEnv } from "@/lib/config/env";
import { loadCatalog } from "@/lib/catalog/source";
import { loadRecipes, RecipesError } from "@/lib/recipes/load";
import { recipePaging, type RecipePaging } from "@/lib/recipes/paging";
import { knownValues } from "@/lib/recipes/run";
import type { Recipe } from "@/lib/recipes/schema";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecipesPage({ searchParams }: Props) {
  const env = getEnv();
  const session = await getServerSession(authOptions(env));
  if (!session?.user?.email) redirect("/signin");
  let recipes: Recipe[] = [];
  let loadError: string | null = null;
  try {
    recipes = loadRecipes(env);
  } catch (error) {
    if (!(error instanceof RecipesError)) throw error;
    loadError = error.message;
  }
  const params = await searchParams;
  const selectedId = typeof params.recipe === "string" ? params.recipe : null;
  const selected = recipes.find((recipe) => recipe.id === selectedId);
  const bases = { platform: env.JOBNIMBUS_BASE_URL, legacy: env.JOBNIMBUS_LEGACY_BASE_URL };
  let paging: RecipePaging | null = null;
  if (selected) {
    // An unusable document means no catalogue: the recipe then pages the API's usual way.
    const { result } = await loadCatalog(env);
    paging = recipePaging(selected, result.ok ? result.catalog.operations : null);
  }
  return (
    <RecipesApp
      // Passed whole to the header, `admin` included (its Admin link).
      user={signedInUser(session.user.email, session.user.role ?? "viewer")}
      recipes={recipes}
      bases={bases}
      selectedId={selectedId}
      paging={paging}
      given={selected ? knownValues(selected, params) : {}}
      autorun={params.run === "1"}
      loadError={loadError}
    />
  );
}
