// Live JSON validation for the body editor: where the first error is (line and column),
// plus format and minify. Positions come from V8's "at position N" message.

export type JsonCheck = { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number };

export function lineColumnAt(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

export function checkJson(text: string): JsonCheck {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(raw)?.[1];
    const at = position !== undefined ? Number(position) : text.length;
    const message = raw.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "").replace(/^JSON\.parse: /, "");
    return { ok: false, message: message || "Invalid JSON", ...lineColumnAt(text, at) };
  }
}

export function formatJson(text: string): string | null {
  const checked = checkJson(text);
  return checked.ok ? JSON.stringify(checked.value, null, 2) : null;
}

export function minifyJson(text: string): string | null {
  const checked = checkJson(text);
  return checked.ok ? JSON.stringify(checked.value) : null;
}

export type JsonToken = { kind: "key" | "string" | "number" | "literal" | "punct" | "space" | "other"; text: string };

/** Splits JSON (valid or not) into coloured tokens; concatenating the texts gives the input back. */
export function tokenizeJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  const pattern = /("(?:[^"\\\n]|\\.)*"?)(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])|(\s+)|([^\s"{}[\],:]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      tokens.push({ kind: match[2] ? "key" : "string", text: match[1] });
      if (match[2]) tokens.push({ kind: "punct", text: match[2] });
    } else if (match[3] !== undefined) tokens.push({ kind: "number", text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: "literal", text: match[4] });
    else if (match[5] !== undefined) tokens.push({ kind: "punct", text: match[5] });
    else if (match[6] !== undefined) tokens.push({ kind: "space", text: match[6] });
    else tokens.push({ kind: "other", text: match[0] });
  }
  return tokens;
}
