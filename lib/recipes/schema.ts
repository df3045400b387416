// The shape of recipes.json, checked with zod: named tasks with a short form, the request they
// make, the columns a person wants and the words for each outcome. Cross-checks name the entry.
import { CHOICE_SOURCES, WORKFLOW_DEPENDENT } from "@/lib/account/account";
import { METHODS } from "@/lib/request/request-model";
import { pagingOptionSchema } from "@/lib/catalog/paging";
import { z } from "@/lib/zod";
import { BUILTINS, FILTERS, placeholdersIn } from "./template";

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be lower-case letters, digits and dashes, such as find-contact");
const name = z.string().regex(/^[A-Za-z_]\w{0,63}$/, "must be a name of letters, digits and _, such as first_name");
const words = (what: string) => z.string(`needs ${what}`).trim().min(1, `needs ${what}`);

export const RECIPE_FIELD_TYPES = ["text", "textarea", "number", "date", "select", "email", "tel"] as const;

/** person: a team member's id (or [{id}]) shown as their name, from the account's team. */
export const COLUMN_FORMATS = ["text", "date", "datetime", "money", "yes-no", "person"] as const;

const optionSchema = z.union([z.string().min(1), z.strictObject({ value: z.string().min(1), label: z.string().min(1) })]);

const fieldSchema = z
  .strictObject({
    name,
    label: words("a label"),
    type: z.enum(RECIPE_FIELD_TYPES, `must be one of ${RECIPE_FIELD_TYPES.join(", ")}`).default("text"),
    required: z.boolean().default(false),
    options: z.array(optionSchema).min(1).optional(),
    /** The select's choices come from the account (GET /account/settings or /account/users), never from this file. */
    choices: z.enum(CHOICE_SOURCES, `must be one of ${CHOICE_SOURCES.join(", ")}`).optional(),
    /** For statuses: the workflow whose statuses to offer, as a field or a looked-up value ("workflow", "job.record_type_name"). */
    within: z.string().regex(/^[A-Za-z_]\w*(\.\w+)*$/, "must name a field or a looked-up value, such as job.record_type_name").optional(),
    help: z.string().optional(),
    placeholder: z.string().optional(),
    default: z.string().optional(),
  })
  .refine((field) => field.type !== "select" || field.options || field.choices, { message: 'is a "select" and needs "options" or "choices"', path: ["options"] })
  .refine((field) => !(field.options && field.choices), { message: 'has both "options" and "choices": the account\'s choices are the options', path: ["choices"] })
  .refine((field) => !field.choices || field.type === "select", { message: 'comes with "type": "select"', path: ["choices"] })
  .refine((field) => !field.within || (field.choices && WORKFLOW_DEPENDENT.includes(field.choices)), {
    message: `only goes with "choices": ${WORKFLOW_DEPENDENT.join(" or ")} (statuses depend on a workflow)`,
    path: ["within"],
  });

/** A query value: text (a template), a number or boolean, or a JSON object sent as JSON text (the legacy `filter`). */
const queryValue = z.union([z.string(), z.number(), z.boolean(), z.record(z.string(), z.json()), z.array(z.json())]);

const requestSchema = z.strictObject({
  upstream: z.enum(["platform", "legacy"], 'must be "platform" or "legacy"'),
  method: z.enum(METHODS, `must be one of ${METHODS.join(", ")}`),
  path: z
    .string()
    .min(1)
    .refine((path) => !path.startsWith("/") && !path.includes("?") && !/^https?:/i.test(path), "must be a path such as contacts/{{id}}, without a leading /, a host or a ?query"),
  query: z.record(z.string(), queryValue).optional(),
  body: z.json().optional(),
});

const subjectSchema = z.strictObject({ one: words("a singular noun"), many: words("a plural noun") });

const lookupSchema = z.strictObject({
  as: name,
  subject: subjectSchema.optional(),
  request: requestSchema.refine((request) => request.method === "GET", { message: "must be a GET: a lookup only reads", path: ["method"] }),
  notFound: words("a message for when nothing is found"),
  /** What the form shows once the record is found, before anything is sent: "Job #{{job.number}}: {{job.name}}". */
  describe: z.string().optional(),
});

const columnSchema = z.strictObject({
  label: words("a label"),
  value: words("a value template such as {{display_name}}"),
  format: z.enum(COLUMN_FORMATS, `must be one of ${COLUMN_FORMATS.join(", ")}`).default("text"),
  link: z.strictObject({ recipe: id, values: z.record(name, z.string()) }).optional(),
});

const messagesSchema = z.strictObject({
  empty: z.string().optional(),
  success: z.string().optional(),
  forbidden: z.string().optional(),
  notFound: z.string().optional(),
  invalid: z.string().optional(),
});

export const recipeSchema = z.strictObject({
  id,
  name: words("a name"),
  description: words("a description"),
  subject: subjectSchema,
  fields: z.array(fieldSchema).default([]),
  lookup: lookupSchema.optional(),
  /** Fields of which at least one must be filled, such as a contact's first name, last name or company. */
  atLeastOne: z.array(name).min(2, "needs at least two field names").optional(),
  request: requestSchema,
  result: z.strictObject({
    title: z.string().optional(),
    /** Where the list is in the answer (dotted); default: found by shape (`results`, `data`, …). */
    records: z.string().optional(),
    /** The answer is one record, not a list. */
    single: z.boolean().default(false),
    columns: z.array(columnSchema).min(1, "needs at least one column"),
  }),
  /** How "More results" asks for the next page (lib/catalog/paging.ts); false: never. Default: lib/recipes/paging.ts. */
  paging: pagingOptionSchema.optional(),
  confirm: z.strictObject({ summary: words("a summary such as Create contact {{first_name}}"), typed: z.string().optional() }).optional(),
  messages: messagesSchema.default({}),
});

export const recipesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  recipes: z.array(recipeSchema).min(1, "needs at least one recipe"),
});

export type Recipe = z.infer<typeof recipeSchema>;
export type RecipeField = Recipe["fields"][number];
export type RecipeRequest = Recipe["request"];
export type RecipeColumn = Recipe["result"]["columns"][number];
export type RecipesFile = z.infer<typeof recipesFileSchema>;

export const isWrite = (recipe: Pick<Recipe, "request">) => recipe.request.method !== "GET";

/** A write whose body turns is_active off: how the legacy API deletes (jobnimbus-api.md §2). */
export const deactivates = (recipe: Pick<Recipe, "request">) =>
  recipe.request.method !== "GET" && typeof recipe.request.body === "object" && recipe.request.body !== null && !Array.isArray(recipe.request.body) && recipe.request.body.is_active === false;

export type RecipeProblem = { path: (string | number)[]; message: string };

/** Checks zod cannot: templates name real fields, links point at real recipes, writes are confirmed. */
export function crossCheck(file: RecipesFile): RecipeProblem[] {
  const problems: RecipeProblem[] = [];
  const byId = new Map(file.recipes.map((recipe) => [recipe.id, recipe]));
  const seen = new Set<string>();
  file.recipes.forEach((recipe, index) => {
    const at = (...path: (string | number)[]) => ["recipes", index, ...path];
    if (seen.has(recipe.id)) problems.push({ path: at("id"), message: `"${recipe.id}" is used by an earlier recipe; ids must be unique` });
    seen.add(recipe.id);
    const fieldNames = recipe.fields.map((field) => field.name);
    const names = new Set<string>(fieldNames);
    if (names.size !== fieldNames.length) problems.push({ path: at("fields"), message: "has two fields with the same name" });
    const known = new Set<string>([...names, ...BUILTINS]);
    const check = (value: unknown, allowed: Set<string> | null, ...path: (string | number)[]) => {
      for (const placeholder of placeholdersIn(value)) {
        if (allowed && !allowed.has(placeholder.root)) {
          problems.push({ path: at(...path), message: `uses {{${placeholder.path}}}, but the recipe has no field or lookup called "${placeholder.root}"` });
        }
        if (placeholder.filter && !(FILTERS as readonly string[]).includes(placeholder.filter)) {
          problems.push({ path: at(...path), message: `uses the unknown filter "|${placeholder.filter}"; use one of ${FILTERS.join(", ")}` });
        }
      }
    };
    if (recipe.lookup) {
      check(recipe.lookup.request, known, "lookup", "request");
      check(recipe.lookup.notFound, known, "lookup", "notFound");
      if (names.has(recipe.lookup.as)) problems.push({ path: at("lookup", "as"), message: `"${recipe.lookup.as}" is also a field name` });
      known.add(recipe.lookup.as);
      if (recipe.lookup.describe) check(recipe.lookup.describe, known, "lookup", "describe");
    }
    recipe.fields.forEach((field, f) => {
      const root = field.within?.split(".")[0];
      if (root && !known.has(root)) problems.push({ path: at("fields", f, "within"), message: `names "${root}", which is neither a field nor the lookup` });
      if (root === field.name) problems.push({ path: at("fields", f, "within"), message: "names the field itself" });
    });
    for (const [i, fieldName] of (recipe.atLeastOne ?? []).entries()) {
      if (!names.has(fieldName)) problems.push({ path: at("atLeastOne", i), message: `"${fieldName}" is not a field of this recipe` });
    }
    check(recipe.request, known, "request");
    if (recipe.request.method === "GET" && recipe.request.body !== undefined) problems.push({ path: at("request", "body"), message: "a GET request cannot have a body" });
    if (recipe.confirm) check(recipe.confirm, known, "confirm");
    if (isWrite(recipe) && !recipe.confirm) problems.push({ path: at("confirm"), message: `is required: this recipe sends ${recipe.request.method}, and every write is confirmed in words` });
    if (recipe.request.method === "DELETE" && !recipe.confirm?.typed) {
      problems.push({ path: at("confirm", "typed"), message: "is required for a DELETE: the record's number or name the person types to confirm" });
    }
    if (deactivates(recipe) && !recipe.confirm?.typed) {
      problems.push({ path: at("confirm", "typed"), message: 'is required: this recipe sends {"is_active": false}, JobNimbus\'s delete, so the person types the record\'s name or number to confirm' });
    }
    check(recipe.messages.empty, known, "messages", "empty");
    check(recipe.messages.forbidden, known, "messages", "forbidden");
    check(recipe.messages.notFound, known, "messages", "notFound");
    check(recipe.messages.invalid, known, "messages", "invalid");
    check(recipe.messages.success, new Set([...known, "record"]), "messages", "success");
    if (recipe.result.title) check(recipe.result.title, new Set([...known, "count"]), "result", "title");
    recipe.result.columns.forEach((column, c) => {
      check(column.value, null, "result", "columns", c, "value");
      if (!column.link) return;
      const target = byId.get(column.link.recipe);
      if (!target) {
        problems.push({ path: at("result", "columns", c, "link", "recipe"), message: `points to "${column.link.recipe}", which is not a recipe in this file` });
        return;
      }
      for (const key of Object.keys(column.link.values)) {
        if (!target.fields.some((field) => field.name === key)) {
          problems.push({ path: at("result", "columns", c, "link", "values", key), message: `"${target.id}" has no field called "${key}"` });
        }
      }
    });
  });
  return problems;
}
