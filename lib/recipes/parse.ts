// Reads recipes.json text into checked recipes, or one line saying which entry is wrong and why:
// `recipe "add-note" (entry 5): fields[0].type must be one of text, textarea, …`.
import { checkJson } from "@/lib/json/check";
import type { z } from "@/lib/zod";
import { crossCheck, recipesFileSchema, type Recipe, type RecipeProblem } from "./schema";

export type ParsedRecipes = { ok: true; recipes: Recipe[] } | { ok: false; message: string };

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/** Names the entry a problem is in by its id (when it has one) and its 1-based position. */
function where(path: readonly PropertyKey[], raw: unknown): string {
  if (path[0] !== "recipes" || typeof path[1] !== "number") return path.length ? pathText(path) : "the file";
  const index = path[1];
  const entries = (raw as { recipes?: unknown[] } | null)?.recipes;
  const entry = Array.isArray(entries) ? (entries[index] as { id?: unknown } | undefined) : undefined;
  const name = typeof entry?.id === "string" && entry.id ? `recipe "${entry.id.slice(0, 64)}" (entry ${index + 1})` : `recipe entry ${index + 1}`;
  const inside = path.slice(2);
  return inside.length ? `${name}: ${pathText(inside)}` : name;
}

function valueAtPath(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current = raw;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function plainMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === "invalid_type" && valueAtPath(raw, issue.path) === undefined) return `is missing (expected ${issue.expected})`;
  if (issue.code === "invalid_type") return `must be ${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
  if (issue.code === "unrecognized_keys") return `has an unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")} (a typo?)`;
  return issue.message;
}

function oneLine(problems: RecipeProblem[], raw: unknown): string {
  const [first] = problems;
  if (!first) return "is not valid";
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  return `${where(first.path, raw)} ${first.message}${more}`.replace(/\s+/g, " ");
}

/** `source` names the file in the message, e.g. "recipes.json". */
export function parseRecipes(text: string, source: string): ParsedRecipes {
  const json = checkJson(text);
  if (!json.ok) return { ok: false, message: `${source} is not valid JSON: ${json.message} at line ${json.line}, column ${json.column}` };
  const parsed = recipesFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: plainMessage(issue, json.value) }));
    return { ok: false, message: `${source}: ${oneLine(problems, json.value)}` };
  }
  const problems = crossCheck(parsed.data);
  if (problems.length) return { ok: false, message: `${source}: ${oneLine(problems, json.value)}` };
  return { ok: true, recipes: parsed.data.recipes };
}
