"use client";
// The Recipes page: named office tasks in a list, the chosen one's form and result, and the
// keys panel, under the same header as the console (who, role, active key).
import Link from "next/link";
import type { UpstreamBases } from "@/lib/request/request-model";
import type { FormValues } from "@/lib/forms/fields";
import type { RecipePaging } from "@/lib/recipes/paging";
import { isWrite, type Recipe } from "@/lib/recipes/schema";
import { AccountProvider } from "@/components/account-choices";
import { AppHeader } from "@/components/app-header";
import { KeysPanel } from "@/components/keys-panel";
import { useKeys } from "@/components/use-keys";
import { RecipeRunner } from "./recipe-runner";

type Props = {
  user: { email: string; role: "viewer" | "editor" };
  recipes: Recipe[];
  bases: UpstreamBases;
  selectedId: string | null;
  /** The chosen recipe's paging ("More results"), worked out on the server. */
  paging: RecipePaging | null;
  given: FormValues;
  autorun: boolean;
  loadError: string | null;
};

function RecipeList({ recipes, selectedId, role }: { recipes: Recipe[]; selectedId: string | null; role: Props["user"]["role"] }) {
  return (
    <nav aria-labelledby="recipes-heading" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="recipes-heading" className="font-semibold">
        Recipes
      </h2>
      <ul className="flex flex-col gap-1" data-testid="recipe-list">
        {recipes.map((recipe) => {
          const write = isWrite(recipe);
          return (
            <li key={recipe.id}>
              <Link
                href={`/recipes?recipe=${encodeURIComponent(recipe.id)}`}
                aria-current={recipe.id === selectedId ? "page" : undefined}
                className="flex flex-col rounded-md px-2 py-1.5 hover:bg-slate-100 aria-[current=page]:bg-blue-50 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-blue-950"
              >
                <span className="font-medium">{recipe.name}</span>
                {write ? (
                  <span className="text-xs text-amber-800 dark:text-amber-300">{role === "viewer" ? "Changes data: editors only" : "Changes data: you confirm first"}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function RecipesApp({ user, recipes, bases, selectedId, paging, given, autorun, loadError }: Props) {
  const { keys, error, reload, active } = useKeys();
  const selected = recipes.find((recipe) => recipe.id === selectedId) ?? null;
  const runKey = `${selectedId ?? ""}?${new URLSearchParams(given).toString()}&${autorun ? "run" : ""}`;
  return (
    <AccountProvider email={user.email} keyId={active?.id ?? null}>
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-3 sm:p-4">
      <AppHeader user={user} activeKey={active} current="recipes" />
      <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="flex flex-col gap-4">
          <RecipeList recipes={recipes} selectedId={selectedId} role={user.role} />
          <KeysPanel keys={keys} error={error} onChange={reload} />
        </div>
        <main className="flex min-w-0 flex-col gap-4">
          {loadError ? (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm dark:bg-red-950">
              The recipes could not be loaded: {loadError}
            </p>
          ) : null}
          {selectedId && !selected ? (
            <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950">
              There is no recipe called “{selectedId}”. Pick one from the list.
            </p>
          ) : null}
          {selected ? (
            <RecipeRunner key={runKey} recipe={selected} paging={paging} role={user.role} hasKey={keys === null ? null : Boolean(active)} bases={bases} given={given} autorun={autorun} />
          ) : (
            <section aria-label="About recipes" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <h2 className="text-lg font-semibold">Everyday tasks, without the API</h2>
              <p className="text-sm">Pick a task: fill in a short form, and the answer comes back as a table you can download. Nothing changes in JobNimbus without you confirming it first.</p>
              <ul className="grid gap-2 sm:grid-cols-2">
                {recipes.map((recipe) => (
                  <li key={recipe.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
                    <Link href={`/recipes?recipe=${encodeURIComponent(recipe.id)}`} className="font-medium underline">
                      {recipe.name}
                    </Link>
                    <p className="text-sm text-slate-600 dark:text-slate-400">{recipe.description}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </main>
      </div>
    </div>
    </AccountProvider>
  );
}
