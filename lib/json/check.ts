// Live JSON validation for the body editor: where the first error is (line and column),
// plus format and minify. Browsers word JSON.parse errors differently (newer V8 gives no
// position), so the position comes from a small scanner of our own.

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
    const scanned = firstErrorAt(text);
    const message = raw
      .replace(/\s*\(line \d+ column \d+\)/, "")
      .replace(/ in JSON at position \d+/, "")
      .replace(/^JSON\.parse: /, "")
      .replace(/, ".*" is not valid JSON$/s, "");
    return { ok: false, message: scanned.message ?? (message || "Invalid JSON"), ...lineColumnAt(text, scanned.at) };
  }
}

/** Offset (and a plain message) of the first thing that makes `text` invalid JSON. */
export function firstErrorAt(text: string): { at: number; message?: string } {
  let i = 0;
  const fail = (message: string): never => {
    throw { at: i, message };
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i += 1;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`Unexpected ${describe()}`);
  };
  const describe = () => (i >= text.length ? "end of input" : `character '${text[i]}'`);
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail("Line break or control character inside a string");
      if (text[i] === "\\") {
        i += 1;
        if (text[i] === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail("Invalid escape in a string");
      }
      i += 1;
    }
    if (i >= text.length) fail("Unterminated string");
    i += 1;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(`Unexpected ${describe()}`);
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") {
      i += 1;
      space();
      if (text[i] === "}") {
        i += 1;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(`Expected a property name in double quotes, found ${describe()}`);
        string();
        space();
        if (text[i] !== ":") fail(`Expected ':' after a property name, found ${describe()}`);
        i += 1;
        value();
        space();
        if (text[i] === ",") {
          i += 1;
          continue;
        }
        if (text[i] === "}") {
          i += 1;
          return;
        }
        fail(`Expected ',' or '}', found ${describe()}`);
      }
    }
    if (c === "[") {
      i += 1;
      space();
      if (text[i] === "]") {
        i += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ",") {
          i += 1;
          continue;
        }
        if (text[i] === "]") {
          i += 1;
          return;
        }
        fail(`Expected ',' or ']', found ${describe()}`);
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    fail(`Unexpected ${describe()}`);
  };
  try {
    value();
    space();
    if (i < text.length) fail(`Unexpected ${describe()} after the end of the JSON`);
    return { at: text.length };
  } catch (error) {
    const found = error as { at: number; message: string };
    return { at: found.at, message: found.message };
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
