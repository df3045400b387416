// One small form model shared by recipe forms and the OpenAPI catalogue's operation forms:
// what a field is, how its typed text is checked (zod), and how it becomes a value to send.
import { z } from "@/lib/zod";

export const FIELD_KINDS = [
  "text",
  "textarea",
  "number",
  "integer",
  "boolean",
  "select",
  "date",
  "datetime",
  "unix-date",
  "email",
  "tel",
  "list",
  "json",
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export type FieldOption = { value: string; label: string };

export type FormField = {
  /** Unique within one form; the key in FormValues. */
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options?: FieldOption[];
  help?: string;
  placeholder?: string;
  defaultValue?: string;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

/** What a person typed, by field name; every value is text until `wireValue` converts it. */
export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The zod check for one non-empty value, with messages a person can act on. */
function checkFor(field: FormField): z.ZodType<string> {
  const text = z.string();
  switch (field.kind) {
    case "number":
    case "integer": {
      const whole = field.kind === "integer";
      return text.refine((value) => {
        const n = Number(value.trim());
        return value.trim() !== "" && Number.isFinite(n) && (!whole || Number.isInteger(n));
      }, whole ? "must be a whole number" : "must be a number").refine((value) => {
        const n = Number(value.trim());
        return (field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max);
      }, rangeMessage(field));
    }
    case "boolean":
      return text.refine((value) => value === "true" || value === "false", "must be yes or no");
    case "select":
      return text.refine((value) => (field.options ?? []).some((option) => option.value === value), "must be one of the listed choices");
    case "date":
    case "unix-date":
      return text.refine((value) => DATE.test(value) && !Number.isNaN(Date.parse(value)), "must be a date (YYYY-MM-DD)");
    case "datetime":
      return text.refine((value) => DATETIME.test(value) && !Number.isNaN(Date.parse(value)), "must be a date and time");
    case "email":
      return text.refine((value) => z.email().safeParse(value.trim()).success, "must be an email address, such as jane@example.com");
    case "tel":
      return text.refine((value) => /^[\d\s()+.-]{3,}$/.test(value.trim()), "must be a phone number (digits, spaces, + ( ) - .)");
    case "json":
      return text.refine((value) => {
        try {
          JSON.parse(value);
          return true;
        } catch {
          return false;
        }
      }, "must be valid JSON");
    default: {
      let checked: z.ZodType<string> = text;
      if (field.minLength !== undefined) checked = text.min(field.minLength, `must be at least ${field.minLength} characters`);
      if (field.maxLength !== undefined) checked = checked.refine((v) => v.length <= field.maxLength!, `must be at most ${field.maxLength} characters`);
      if (field.pattern !== undefined) checked = checked.refine((v) => safeRegExp(field.pattern!)?.test(v) ?? true, "is not in the expected format");
      return checked;
    }
  }
}

function rangeMessage(field: FormField): string {
  if (field.min !== undefined && field.max !== undefined) return `must be from ${field.min} to ${field.max}`;
  if (field.min !== undefined) return `must be ${field.min} or more`;
  return `must be ${field.max} or less`;
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return null;
  }
}

/** Every field's problem, keyed by name; empty when the form can be sent. Blank optional fields are fine. */
export function validateForm(fields: readonly FormField[], values: FormValues): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    const value = values[field.name] ?? "";
    if (value.trim() === "") {
      if (field.required) errors[field.name] = `${field.label} is required`;
      continue;
    }
    const result = checkFor(field).safeParse(value);
    if (!result.success) errors[field.name] = `${field.label} ${result.error.issues[0]?.message ?? "is not valid"}`;
  }
  return errors;
}

/** Starting values: what was given (a link, a previous run), else each field's default, else blank. */
export function initialValues(fields: readonly FormField[], given: FormValues = {}): FormValues {
  return Object.fromEntries(fields.map((field) => [field.name, given[field.name] ?? field.defaultValue ?? ""]));
}

/** Local midnight of a YYYY-MM-DD date, in unix seconds. */
export function unixSecondsOf(date: string): number | null {
  const match = DATE.exec(date.trim()) ? date.trim().split("-").map(Number) : null;
  if (!match) return null;
  const [year, month, day] = match as [number, number, number];
  return Math.floor(new Date(year, month - 1, day).getTime() / 1000);
}

/**
 * The value to put in a JSON body (numbers as numbers, lists as arrays, dates as unix seconds
 * for `unix-date`); undefined for a blank field, so it is left out. Call after validateForm.
 */
export function wireValue(field: FormField, raw: string | undefined): unknown {
  const value = (raw ?? "").trim();
  if (value === "") return undefined;
  switch (field.kind) {
    case "number":
    case "integer":
      return Number(value);
    case "boolean":
      return value === "true";
    case "unix-date":
      return unixSecondsOf(value) ?? value;
    case "datetime":
      return new Date(value).toISOString();
    case "list":
      return value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
    case "json":
      return JSON.parse(value) as unknown;
    case "textarea":
      return raw ?? "";
    default:
      return value;
  }
}

/** The same value as query-string text. */
export function queryText(field: FormField, raw: string | undefined): string | undefined {
  const value = wireValue(field, raw);
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
