// What running a recipe means, as pure functions: its form, the request it makes (with paging),
// where the records are in the answer, each cell's text and link, and every outcome in words.
import { choicesFrom, type Account, type Choice } from "@/lib/account/account";
import { dateText, dateTimeText, personText, toDate } from "@/lib/account/display";
import { recordsOf } from "@/lib/answer/media-views";
import { isRecord } from "@/lib/json/is-record";
import { newRow, type RequestDraft } from "@/lib/request/request-model";
import type { WriteConfirmation } from "@/lib/request/write-summary";
import { explainStatus } from "@/lib/problems/explain";
import type { FormField, FormValues } from "@/lib/forms/fields";
import { fieldErrorsOf } from "@/lib/problems/answer-problem";
import { consoleProblemSlug, type Problem } from "@/lib/problems/problem";
import { problemCatalog } from "@/lib/problems/catalog";
import { pagingParameters, type Paging } from "@/lib/catalog/paging";
import { FIRST_PAGE, pageQuery, type PagePosition } from "./paging";
import { isWrite, type Recipe, type RecipeColumn, type RecipeField, type RecipeRequest } from "./schema";
import { asText, builtins, fillJson, fillText, fillValue, placeholdersIn, wholePlaceholder, valueAt, type Scope } from "./template";

export type RecordItem = Record<string, unknown>;

/** A field's choices from the account: null when the account could not be read (the field is then typed in). */
export type ChoicesOf = (field: RecipeField) => Choice[] | null;

/**
 * The choices the account offers for a field: statuses of the workflow its `within` names (a field
 * or a looked-up record's member), none while that is still unknown.
 */
export function fieldChoices(field: RecipeField, account: Account, scope: Scope): Choice[] {
  if (!field.choices) return [];
  if (!field.within) return choicesFrom(account, field.choices);
  const workflow = asText(valueAt(scope, field.within)).trim();
  return workflow ? choicesFrom(account, field.choices, workflow) : [];
}

/** The form: a field whose choices come from the account gets them from `choicesOf`, or is typed in when they cannot be read. */
export function recipeFields(recipe: Recipe, choicesOf?: ChoicesOf): FormField[] {
  return recipe.fields.map((field) => {
    const choices = field.choices ? (choicesOf?.(field) ?? null) : undefined;
    const options = field.options ? field.options.map((o) => (typeof o === "string" ? { value: o, label: o } : o)) : (choices ?? undefined);
    const typedIn = field.choices !== undefined && choices === null;
    return {
      name: field.name,
      label: field.label,
      kind: typedIn ? "text" : field.type,
      required: field.required,
      ...(options && !typedIn ? { options } : {}),
      ...(field.help ? { help: field.help } : {}),
      ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      ...(field.default !== undefined ? { defaultValue: field.default } : {}),
    };
  });
}

/** The fields a lookup reads from: once they are filled, the record can be found before anything is sent. */
export function lookupInputs(recipe: Recipe): string[] {
  if (!recipe.lookup) return [];
  const names = new Set(recipe.fields.map((field) => field.name));
  return [...new Set(placeholdersIn(recipe.lookup.request).map((p) => p.root).filter((root) => names.has(root)))];
}

/** "Fill in at least one of First name, Last name or Company." when the recipe asks for one and none is filled. */
export function atLeastOneMissing(recipe: Recipe, values: FormValues): string | null {
  const names = recipe.atLeastOne;
  if (!names || names.some((name) => (values[name] ?? "").trim())) return null;
  const labels = names.map((name) => recipe.fields.find((field) => field.name === name)?.label ?? name);
  return `Fill in at least one of ${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}.`;
}

/** Values for this recipe's fields only, from a link's query string or the like. */
export function knownValues(recipe: Recipe, given: Record<string, string | string[] | undefined>): FormValues {
  const values: FormValues = {};
  for (const field of recipe.fields) {
    const value = given[field.name];
    if (typeof value === "string") values[field.name] = value;
  }
  return values;
}

/** The form's values with the built-in dates, ready for templates. Text values are trimmed (not notes). */
export function scopeFor(recipe: Recipe, values: FormValues, now = new Date()): Scope {
  const scope: Scope = builtins(now);
  for (const field of recipe.fields) {
    const raw = values[field.name] ?? "";
    scope[field.name] = field.type === "textarea" ? raw : raw.trim();
  }
  return scope;
}

/** The request a recipe makes, as a composer draft (so it can also be opened in the console). */
export function buildDraft(request: RecipeRequest, scope: Scope, page?: { paging: Paging; position: PagePosition } | null): RequestDraft {
  // Placeholders in the path fill whole segments, each encoded, so a value can never add a segment.
  const path = request.path
    .split("/")
    .map((segment) => (segment.includes("{{") ? encodeURIComponent(fillText(segment, scope)) : segment))
    .join("/");
  // The paging's own parameters are the paging's to set.
  const paged = page ? pageQuery(page.paging, page.position) : [];
  const pagingNames = new Set(page ? pagingParameters(page.paging) : []);
  const query = Object.entries(request.query ?? {}).flatMap(([name, template]) => {
    if (pagingNames.has(name)) return [];
    let value: string | undefined;
    if (typeof template === "string") {
      const filled = fillValue(template, scope);
      value = filled === undefined ? undefined : typeof filled === "object" ? JSON.stringify(filled) : asText(filled);
    } else if (typeof template === "number" || typeof template === "boolean") {
      value = String(template);
    } else {
      const filled = fillJson(template, scope);
      value = filled === undefined ? undefined : JSON.stringify(filled);
    }
    return value === undefined ? [] : [newRow(name, value)];
  });
  query.push(...paged.map(([name, value]) => newRow(name, value)));
  const body = request.body === undefined ? "" : JSON.stringify(fillJson(request.body, scope) ?? {});
  return { upstream: request.upstream, method: request.method, path, pathParams: {}, query, headers: [], body };
}

/** The main request for the page at `position` (the first by default); `paging` from recipePaging. */
export function recipeDraft(recipe: Recipe, scope: Scope, paging: Paging | null = null, position: PagePosition = FIRST_PAGE): RequestDraft {
  return buildDraft(recipe.request, scope, paging ? { paging, position } : null);
}

/** The records in an answer: the body itself for a single-record recipe, else the list inside it. */
export function recordsIn(recipe: Pick<Recipe, "result">, body: unknown): RecordItem[] | null {
  if (recipe.result.single) return isRecord(body) ? [body] : null;
  if (recipe.result.records) {
    const list = valueAt(body, recipe.result.records);
    return Array.isArray(list) && list.every(isRecord) ? list : null;
  }
  return recordsOf(body);
}

/** The first record a lookup found (its answer is a list or one record). */
export function firstRecord(body: unknown): RecordItem | null {
  const list = recordsOf(body);
  if (list) return list[0] ?? null;
  return isRecord(body) && Object.keys(body).length > 0 && !("count" in body) ? body : null;
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

const NOBODY: ReadonlyMap<string, string> = new Map();

/** One value shown as a column's format asks; `people` names team members by id. */
export function formatValue(value: unknown, format: RecipeColumn["format"], people: ReadonlyMap<string, string> = NOBODY): string {
  switch (format) {
    case "person":
      return personText(value, people) ?? asText(value);
    case "date":
    case "datetime": {
      const date = toDate(value);
      return date ? (format === "date" ? dateText(date) : dateTimeText(date)) : asText(value);
    }
    case "money": {
      const n = typeof value === "number" ? value : Number(value);
      return value === "" || value === null || value === undefined || !Number.isFinite(n) ? asText(value) : money.format(n);
    }
    case "yes-no":
      return value === true || value === "true" ? "Yes" : value === false || value === "false" ? "No" : asText(value);
    default:
      return asText(value);
  }
}

/** Each column's template read once: a result (or an export) asks for it on every row. */
const wholeOf = new WeakMap<RecipeColumn, ReturnType<typeof wholePlaceholder>>();

export function cellText(column: RecipeColumn, record: RecordItem, people?: ReadonlyMap<string, string>): string {
  let whole = wholeOf.get(column);
  if (whole === undefined) wholeOf.set(column, (whole = wholePlaceholder(column.value)));
  if (whole && !whole.filter) return formatValue(valueAt(record, whole.path), column.format, people);
  return fillText(column.value, record).replace(/^[\s,]+|[\s,]+$/g, "").replace(/(,\s*){2,}/g, ", ");
}

/** Where a cell links to: the target recipe with its fields filled from this record, run at once. */
export function cellLink(column: RecipeColumn, record: RecordItem): string | null {
  if (!column.link) return null;
  const params = new URLSearchParams({ recipe: column.link.recipe });
  for (const [name, template] of Object.entries(column.link.values)) {
    const value = fillText(template, record).trim();
    if (!value) return null;
    params.set(name, value);
  }
  params.set("run", "1");
  return `/recipes?${params.toString()}`;
}

/** The records as rows of cell text, keyed by column label, for the CSV download. */
export function csvRows(recipe: Recipe, records: RecordItem[], people?: ReadonlyMap<string, string>): Record<string, string>[] {
  return records.map((record) => Object.fromEntries(recipe.result.columns.map((column) => [column.label, cellText(column, record, people)])));
}

const VERBS: Record<string, string> = { GET: "read", POST: "create", PUT: "change", PATCH: "change", DELETE: "delete" };

/** The confirmation for a write recipe: its summary filled in, and what the form says, a line each. */
export function recipeConfirmation(recipe: Recipe, scope: Scope, values: FormValues, fields: FormField[] = recipeFields(recipe)): WriteConfirmation {
  const details = fields.flatMap((field) => {
    const value = (values[field.name] ?? "").trim();
    if (!value) return [];
    const shown = field.options?.find((o) => o.value === value)?.label ?? value;
    return [`${field.label}: ${shown.length > 120 ? `${shown.slice(0, 119)}…` : shown}`];
  });
  const draft = recipeDraft(recipe, scope);
  return {
    method: recipe.request.method,
    summary: fillText(recipe.confirm?.summary ?? `${recipe.name}`, scope).replace(/\s+/g, " ").replace(/\(\s*\)/g, "").trim(),
    details: [...details, `${recipe.request.upstream === "legacy" ? "Legacy API" : "Platform API"}: ${draft.method} ${draft.path}`],
    typed: recipe.confirm?.typed ? fillText(recipe.confirm.typed, scope).trim() : null,
  };
}

export type Step = "lookup" | "request";

/** "First name is required" from the answer's field errors, using the form's labels where they match. */
function fieldErrors(recipe: Recipe, problem: Problem | null): string {
  const errors = problem ? fieldErrorsOf(problem) : [];
  if (errors.length === 0) return problem?.detail ?? "";
  const labelOf = (name: string) => {
    const direct = recipe.fields.find((field) => field.name === name);
    if (direct) return direct.label;
    const template = valueAt(recipe.request.body, name);
    const whole = typeof template === "string" ? wholePlaceholder(template) : null;
    return recipe.fields.find((field) => field.name === whole?.path)?.label ?? name;
  };
  return errors
    .map((error) => `${error.field ? `${labelOf(error.field)} ` : ""}${error.message}`.trim())
    .filter(Boolean)
    .join("; ");
}

/**
 * A failure in the recipe's own terms ("No contact matches 'Smith'", "Your key's access profile can't
 * create contacts"); the Problem Details stay one click away in the UI.
 */
export function failureMessage(recipe: Recipe, step: Step, status: number, problem: Problem | null, scope: Scope, consoleOrigin?: string): string {
  const lookup = step === "lookup" ? recipe.lookup : undefined;
  const subject = lookup?.subject ?? recipe.subject;
  const method = lookup ? "GET" : recipe.request.method;
  const write = method !== "GET";
  const slug = problem ? consoleProblemSlug(problem.type, consoleOrigin) : null;
  if (slug) {
    const entry = problemCatalog[slug];
    return `${entry.explanation} ${entry.action}`;
  }
  if (status === 0) return "The console could not be reached: check your internet connection, then try again.";
  if (status === 401) return "JobNimbus did not accept your API key: it may have been deleted or mistyped. Add it again in the keys panel (JobNimbus: Settings > API Keys).";
  if (status === 403) {
    if (!lookup && recipe.messages.forbidden) return fillText(recipe.messages.forbidden, scope);
    return `Your key's access profile can't ${VERBS[method] ?? "use"} ${subject.many}. Ask whoever manages JobNimbus to widen it, or use another key.`;
  }
  if (status === 404) {
    if (lookup) return fillText(lookup.notFound, scope);
    if (recipe.messages.notFound) return fillText(recipe.messages.notFound, scope);
    return `JobNimbus has no such ${subject.one}: it may have been deleted.`;
  }
  if (status === 400 || status === 422) {
    if (!lookup && recipe.messages.invalid) return fillText(recipe.messages.invalid, scope);
    const why = fieldErrors(recipe, problem);
    return `JobNimbus did not accept ${write ? `this ${subject.one}` : "the search"}${why ? `: ${why}` : "."}`;
  }
  if (status === 429) {
    return write
      ? "JobNimbus is getting too many requests from this key. Nothing was changed: run the recipe again when the countdown ends (writes are never retried by themselves)."
      : "JobNimbus is getting too many requests from this key. The console tries once more by itself when the countdown ends.";
  }
  return explainStatus(status) || `JobNimbus answered ${status}.`;
}

export function emptyMessage(recipe: Recipe, scope: Scope): string {
  return recipe.messages.empty ? fillText(recipe.messages.empty, scope) : `No ${recipe.subject.many} found.`;
}

/** "Showing 25 of 52 jobs." for lists; the success message (or nothing) for single records and writes. */
export function successMessage(recipe: Recipe, scope: Scope, records: RecordItem[], total: number | null): string | null {
  if (recipe.messages.success) return fillText(recipe.messages.success, { ...scope, record: records[0] ?? {} });
  if (recipe.result.single || isWrite(recipe)) return null;
  const noun = (n: number) => (n === 1 ? recipe.subject.one : recipe.subject.many);
  return total !== null && total > records.length
    ? `Showing ${records.length} of ${total} ${noun(total)}.`
    : `${records.length} ${noun(records.length)}.`;
}

export function resultTitle(recipe: Recipe, scope: Scope, total: number | null): string | null {
  return recipe.result.title ? fillText(recipe.result.title, { ...scope, count: total ?? "" }) : null;
}
