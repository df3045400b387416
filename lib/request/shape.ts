// Checks for data the browser reads from outside (localStorage, an imported file, a share link):
// unknown input in, a typed value or the list of what is wrong (with each field's path) out.
// A few small functions instead of a schema library, so the console page does not ship one
// (zod alone was ~90 KB gzip of the page's first-load JavaScript). Messages follow zod's wording.

export type Path = (string | number)[];
export type Issue = { path: Path; message: string };
export type Parsed<T> = { success: true; data: T } | { success: false; issues: Issue[] };

const FAIL: unique symbol = Symbol("invalid");
type Fail = typeof FAIL;

/** Reads `input` (found at `path`): the value, or FAIL after adding at least one issue. */
export type Shape<T> = (input: unknown, path: Path, issues: Issue[]) => T | Fail;
export type Infer<S> = S extends Shape<infer T> ? T : never;

export function safeParse<T>(shape: Shape<T>, input: unknown): Parsed<T> {
  const issues: Issue[] = [];
  const data = shape(input, [], issues);
  return data === FAIL ? { success: false, issues } : { success: true, data };
}

/** The value, or a thrown Error naming the first problem. */
export function parse<T>(shape: Shape<T>, input: unknown): T {
  const parsed = safeParse(shape, input);
  if (parsed.success) return parsed.data;
  const [first] = parsed.issues;
  throw new Error(first ? `${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}` : "invalid");
}

/** "draft.headers.0.name: missing; …" for the first `count` issues. */
export function describeIssues(issues: readonly Issue[], count = 3): string {
  return issues
    .slice(0, count)
    .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
    .join("; ");
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value;
}

function fail(issues: Issue[], path: Path, message: string): Fail {
  issues.push({ path, message });
  return FAIL;
}

function wrongType(issues: Issue[], path: Path, expected: string, input: unknown): Fail {
  return fail(issues, path, input === undefined ? "missing" : `Invalid input: expected ${expected}, received ${kind(input)}`);
}

export function string(options: { min?: number; max?: number; trim?: boolean; tooShort?: string } = {}): Shape<string> {
  return (input, path, issues) => {
    if (typeof input !== "string") return wrongType(issues, path, "string", input);
    const text = options.trim ? input.trim() : input;
    if (options.min !== undefined && text.length < options.min) {
      return fail(issues, path, options.tooShort ?? `Too small: expected string to have >=${options.min} characters`);
    }
    if (options.max !== undefined && text.length > options.max) return fail(issues, path, `Too big: expected string to have <=${options.max} characters`);
    return text;
  };
}

export function boolean(): Shape<boolean> {
  return (input, path, issues) => (typeof input === "boolean" ? input : wrongType(issues, path, "boolean", input));
}

/** A finite number; `int` also refuses fractions. */
export function number(options: { int?: boolean; min?: number; max?: number } = {}): Shape<number> {
  return (input, path, issues) => {
    if (typeof input !== "number" || !Number.isFinite(input)) return wrongType(issues, path, "number", input);
    if (options.int && !Number.isInteger(input)) return fail(issues, path, "Invalid input: expected int, received number");
    if (options.min !== undefined && input < options.min) return fail(issues, path, `Too small: expected number to be >=${options.min}`);
    if (options.max !== undefined && input > options.max) return fail(issues, path, `Too big: expected number to be <=${options.max}`);
    return input;
  };
}

export function oneOf<const T extends readonly (string | number)[]>(values: T): Shape<T[number]> {
  return (input, path, issues) =>
    values.includes(input as T[number])
      ? (input as T[number])
      : fail(issues, path, input === undefined ? "missing" : `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join("|")}`);
}

export function literal<const T extends string | number>(value: T): Shape<T> {
  return (input, path, issues) => (input === value ? value : fail(issues, path, input === undefined ? "missing" : `Invalid input: expected ${JSON.stringify(value)}`));
}

export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return (input, path, issues) => (input === undefined ? undefined : shape(input, path, issues));
}

/** `fallback` (or what it returns) when the value is absent. */
export function withDefault<T>(shape: Shape<T>, fallback: T | (() => T)): Shape<T> {
  return (input, path, issues) => {
    if (input !== undefined) return shape(input, path, issues);
    return typeof fallback === "function" ? (fallback as () => T)() : fallback;
  };
}

/** Reshapes a valid value. */
export function map<T, U>(shape: Shape<T>, change: (value: T) => U): Shape<U> {
  return (input, path, issues) => {
    const value = shape(input, path, issues);
    return value === FAIL ? FAIL : change(value);
  };
}

export function array<T>(item: Shape<T>, options: { max?: number } = {}): Shape<T[]> {
  return (input, path, issues) => {
    if (!Array.isArray(input)) return wrongType(issues, path, "array", input);
    if (options.max !== undefined && input.length > options.max) return fail(issues, path, `Too big: expected array to have <=${options.max} items`);
    let ok = true;
    const out = input.map((element: unknown, index) => {
      const value = item(element, [...path, index], issues);
      if (value === FAIL) ok = false;
      return value;
    });
    return ok ? (out as T[]) : FAIL;
  };
}

/** Exactly these elements, in order. */
export function tuple<T extends unknown[]>(...items: { [K in keyof T]: Shape<T[K]> }): Shape<T> {
  return (input, path, issues) => {
    if (!Array.isArray(input)) return wrongType(issues, path, "tuple", input);
    if (input.length !== items.length) return fail(issues, path, `Invalid input: expected ${items.length} items, received ${input.length}`);
    let ok = true;
    const out = items.map((item: Shape<unknown>, index) => {
      const value = item(input[index], [...path, index], issues);
      if (value === FAIL) ok = false;
      return value;
    });
    return ok ? (out as T) : FAIL;
  };
}

/** The first shape that fits. */
export function union<A, B>(first: Shape<A>, second: Shape<B>): Shape<A | B> {
  return (input, path, issues) => {
    for (const shape of [first, second] as Shape<A | B>[]) {
      const value = shape(input, path, []);
      if (value !== FAIL) return value;
    }
    return fail(issues, path, "Invalid input");
  };
}

const isPlainObject = (input: unknown): input is Record<string, unknown> => typeof input === "object" && input !== null && !Array.isArray(input);

/** An object with string keys and values of one shape. */
export function record<T>(value: Shape<T>): Shape<Record<string, T>> {
  return (input, path, issues) => {
    if (!isPlainObject(input)) return wrongType(issues, path, "record", input);
    let ok = true;
    const out: Record<string, T> = {};
    for (const [key, element] of Object.entries(input)) {
      const read = value(element, [...path, key], issues);
      if (read === FAIL) ok = false;
      // defineProperty, so a "__proto__" key stays a plain key.
      else Object.defineProperty(out, key, { value: read, enumerable: true, writable: true, configurable: true });
    }
    return ok ? out : FAIL;
  };
}

export type Fields = Record<string, Shape<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: undefined extends Infer<F[K]> ? K : never }[keyof F];
/** Fields that may be undefined are optional members. */
export type ObjectOf<F extends Fields> = { [K in keyof F as K extends OptionalKeys<F> ? never : K]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Infer<F[K]> };

/** An object with these fields; other members are dropped, and absent optional ones stay absent. */
export function object<F extends Fields>(fields: F): Shape<ObjectOf<F>> {
  return (input, path, issues) => {
    if (!isPlainObject(input)) return wrongType(issues, path, "object", input);
    let ok = true;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      const value = field(input[key], [...path, key], issues);
      if (value === FAIL) ok = false;
      else if (value !== undefined) out[key] = value;
    }
    return ok ? (out as ObjectOf<F>) : FAIL;
  };
}
