// Code a person can paste into a terminal or script to make the same call to JobNimbus directly:
// the real upstream URL, the headers the proxy would forward, and the key read from $JOBNIMBUS_API_KEY.
import { forwardedHeaders, sendsBody, upstreamUrl, type RequestDraft, type UpstreamBases } from "./request-model";

/** Where every snippet reads the key from; the console never puts a key in a snippet. */
export const API_KEY_VARIABLE = "JOBNIMBUS_API_KEY";

/** A POSIX shell word that is exactly `text`: single quotes, with ' written as '\'' (nothing expands inside). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A JavaScript string literal that is exactly `text` (JSON strings are valid JS since ES2019). */
export function jsString(text: string): string {
  return JSON.stringify(text);
}

const PYTHON_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * A Python 3 string literal that is exactly `text`: backslash, quote, control characters and line
 * separators escaped; other unicode kept as it is (Python 3 source is UTF-8).
 */
export function pythonString(text: string): string {
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (ch) => {
    const simple = PYTHON_ESCAPES[ch];
    if (simple) return simple;
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
  return `"${escaped}"`;
}

/** Curl reads {} and [] in a URL as globbing patterns; an unfilled "{id}" would otherwise be expanded. */
const CURL_GLOB_CHARACTERS = /[{}[\]]/;

export function toCurl(draft: RequestDraft, bases: UpstreamBases): string {
  const url = upstreamUrl(draft, bases);
  const lines = [`curl${CURL_GLOB_CHARACTERS.test(url) ? " --globoff" : ""} -X ${draft.method} ${shellQuote(url)}`];
  lines.push(`-H "Authorization: Bearer $${API_KEY_VARIABLE}"`);
  for (const [name, value] of forwardedHeaders(draft)) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (sendsBody(draft)) lines.push(`--data-raw ${shellQuote(draft.body)}`);
  return lines.join(" \\\n  ");
}

export function toFetch(draft: RequestDraft, bases: UpstreamBases): string {
  const headers = [`    Authorization: \`Bearer \${process.env.${API_KEY_VARIABLE}}\`,`];
  for (const [name, value] of forwardedHeaders(draft)) headers.push(`    ${jsString(name)}: ${jsString(value)},`);
  return [
    `const response = await fetch(${jsString(upstreamUrl(draft, bases))}, {`,
    `  method: ${jsString(draft.method)},`,
    "  headers: {",
    ...headers,
    "  },",
    ...(sendsBody(draft) ? [`  body: ${jsString(draft.body)},`] : []),
    "});",
    "console.log(response.status, await response.text());",
  ].join("\n");
}

export function toPythonRequests(draft: RequestDraft, bases: UpstreamBases): string {
  const headers = [`        "Authorization": "Bearer " + os.environ["${API_KEY_VARIABLE}"],`];
  for (const [name, value] of forwardedHeaders(draft)) headers.push(`        ${pythonString(name)}: ${pythonString(value)},`);
  return [
    "import os",
    "",
    "import requests",
    "",
    "response = requests.request(",
    `    ${pythonString(draft.method)},`,
    `    ${pythonString(upstreamUrl(draft, bases))},`,
    "    headers={",
    ...headers,
    "    },",
    // A str body would be sent as Latin-1 by http.client; encode it so unicode arrives as UTF-8.
    ...(sendsBody(draft) ? [`    data=${pythonString(draft.body)}.encode("utf-8"),`] : []),
    "    timeout=30,",
    ")",
    "print(response.status_code, response.text)",
  ].join("\n");
}
