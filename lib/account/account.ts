// What a JobNimbus account is set up with, read from GET /account/settings and /account/users
// (jobnimbus-api.md §3f, §5f): the choices forms offer (workflows, statuses, types, lead sources,
// team members), never hard-coded, and the names that ids and unix seconds stand for.
import * as z from "@/lib/zod-mini";

/** Where a form field's choices come from; recipes.json names one of these in "choices". */
export const CHOICE_SOURCES = [
  "contact-workflows",
  "contact-statuses",
  "job-workflows",
  "job-statuses",
  "task-types",
  "activity-types",
  "lead-sources",
  "team-members",
  "team-emails",
] as const;
export type ChoiceSource = (typeof CHOICE_SOURCES)[number];

/** Statuses come from one workflow: a field's choices may depend on the workflow's name. */
export const WORKFLOW_DEPENDENT: readonly ChoiceSource[] = ["contact-statuses", "job-statuses"];

// Lenient on purpose: an account may carry members the documentation never showed, and a missing
// flag reads as "active" rather than hiding an entry someone needs.
const flag = z.optional(z.nullable(z.boolean()));
const text = z.optional(z.nullable(z.string()));
const status = z.looseObject({ id: z.optional(z.number()), name: z.string(), is_active: flag });
const workflow = z.looseObject({ id: z.optional(z.number()), name: z.string(), object_type: z.string(), is_active: flag, status: z._default(z.array(status), []) });
const taskType = z.looseObject({ TaskTypeId: z.optional(z.number()), TypeName: z.string(), IsActive: flag });
const activityType = z.looseObject({ ActivityTypeId: z.optional(z.number()), TypeName: z.string(), IsActive: flag });
const source = z.looseObject({ JobSourceId: z.optional(z.number()), SourceName: z.string(), IsActive: flag });

export const settingsSchema = z.looseObject({
  workflows: z._default(z.array(workflow), []),
  taskTypes: z._default(z.array(taskType), []),
  activityTypes: z._default(z.array(activityType), []),
  sources: z._default(z.array(source), []),
});
export type AccountSettings = z.infer<typeof settingsSchema>;

const user = z.looseObject({ id: z.string(), first_name: text, last_name: text, email: text, is_active: flag });
export const usersSchema = z.looseObject({ users: z.array(user) });
export type AccountUser = z.infer<typeof user>;

/** The two answers, checked; what a page keeps for one sign-in and key. */
export type Account = { settings: AccountSettings; users: AccountUser[]; fetchedAt: number };

export type Choice = { value: string; label: string };

const active = (entry: { is_active?: boolean | null; IsActive?: boolean | null }) => entry.is_active !== false && entry.IsActive !== false;
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "Dana Reyes", or the email, or the id: never empty. */
export function userName(user: AccountUser): string {
  const name = [user.first_name, user.last_name].filter((part) => part?.trim()).join(" ").trim();
  return name || user.email?.trim() || user.id;
}

function unique(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices.filter((choice) => (seen.has(choice.value) ? false : (seen.add(choice.value), true)));
}

function workflowsOf(account: Account, objectType: "contact" | "job") {
  return account.settings.workflows.filter((w) => w.object_type === objectType && active(w));
}

/**
 * The choices of one source, active entries only, in the account's order. Statuses come from the
 * workflow named `workflow` when one is given (and none when it names no workflow), else from
 * every workflow of that kind.
 */
export function choicesFrom(account: Account, source: ChoiceSource, workflow?: string): Choice[] {
  const named = (name: string) => ({ value: name, label: name });
  switch (source) {
    case "contact-workflows":
    case "job-workflows":
      return unique(workflowsOf(account, source === "job-workflows" ? "job" : "contact").map((w) => named(w.name)));
    case "contact-statuses":
    case "job-statuses": {
      const all = workflowsOf(account, source === "job-statuses" ? "job" : "contact");
      const chosen = workflow === undefined ? all : all.filter((w) => same(w.name, workflow));
      return unique(chosen.flatMap((w) => w.status.filter(active).map((s) => named(s.name))));
    }
    case "task-types":
      return unique(account.settings.taskTypes.filter(active).map((t) => named(t.TypeName)));
    case "activity-types":
      return unique(account.settings.activityTypes.filter(active).map((t) => named(t.TypeName)));
    case "lead-sources":
      return unique(account.settings.sources.filter(active).map((s) => named(s.SourceName)));
    case "team-members":
      return account.users.filter(active).map((u) => ({ value: u.id, label: userName(u) }));
    case "team-emails":
      return account.users.filter((u) => active(u) && u.email).map((u) => ({ value: u.email!, label: `${userName(u)} (${u.email})` }));
  }
}

/** Team members by id, inactive ones included: old records still name them. */
export function peopleById(account: Account | null): Map<string, string> {
  return new Map((account?.users ?? []).map((u) => [u.id, userName(u)]));
}

/** The two answers as an Account, or what is wrong with them in words. */
export function readAccount(settings: unknown, users: unknown, now = Date.now()): { ok: true; account: Account } | { ok: false; message: string } {
  const s = settingsSchema.safeParse(settings);
  if (!s.success) return { ok: false, message: "JobNimbus's account settings did not have the expected shape (workflows, taskTypes, activityTypes, sources)" };
  const u = usersSchema.safeParse(users);
  if (!u.success) return { ok: false, message: "JobNimbus's team list did not have the expected shape ({users: [...]})" };
  return { ok: true, account: { settings: s.data, users: u.data.users, fetchedAt: now } };
}
