// Flattens parsed JSON into display lines with fold state, so big documents render
// as a virtualised list: only the visible lines ever become DOM nodes.

export type JsonLine = {
  /** JSON-pointer-like path of the value this line opens or shows ("" is the root). */
  path: string;
  depth: number;
  key: string | null;
  /** open: "{" or "[" of an expanded container; close: its end; leaf: a primitive; folded: a collapsed container. */
  kind: "open" | "close" | "leaf" | "folded";
  value?: unknown;
  /** Items in a container (for open/folded lines). */
  size?: number;
  bracket?: "{" | "[";
  /** Whether a comma follows (pretty view only). */
  comma: boolean;
};

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === "object" && value !== null;

/** Which containers start folded: everything deeper than `depth`, or every record of a long array. */
export function initialFolds(value: unknown): Set<string> {
  const folds = new Set<string>();
  if (Array.isArray(value) && value.length > 200) value.forEach((_, i) => folds.add(`/${i}`));
  if (isContainer(value) && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (Array.isArray(child) && child.length > 200) child.forEach((_, i) => folds.add(`/${escape(key)}/${i}`));
    }
  }
  return folds;
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

export function flattenJson(root: unknown, folded: ReadonlySet<string>): JsonLine[] {
  const lines: JsonLine[] = [];
  const walk = (value: unknown, path: string, depth: number, key: string | null, comma: boolean) => {
    if (!isContainer(value)) {
      lines.push({ path, depth, key, kind: "leaf", value, comma });
      return;
    }
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    const bracket = Array.isArray(value) ? "[" : "{";
    if (folded.has(path) || entries.length === 0) {
      lines.push({ path, depth, key, kind: "folded", size: entries.length, bracket, comma, value: entries.length === 0 ? value : undefined });
      return;
    }
    lines.push({ path, depth, key, kind: "open", size: entries.length, bracket, comma: false });
    entries.forEach(([childKey, child], index) => {
      walk(child, `${path}/${escape(childKey)}`, depth + 1, Array.isArray(value) ? null : childKey, index < entries.length - 1);
    });
    lines.push({ path, depth, key: null, kind: "close", bracket, comma });
  };
  walk(root, "", 0, null, false);
  return lines;
}

export function toggleFold(folded: ReadonlySet<string>, path: string): Set<string> {
  const next = new Set(folded);
  if (next.has(path)) next.delete(path);
  else next.add(path);
  return next;
}

/** A primitive as JSON text (strings quoted), for the pretty view. */
export function leafText(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
}
