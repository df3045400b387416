import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newRow, type RequestDraft } from "./request-model";
import { jsString, pythonString, shellQuote, toCurl, toFetch, toPythonRequests } from "./snippets";

const bases = { platform: "https://api.jobnimbus.com", legacy: "https://app.jobnimbus.com/api1" };
const KEY = "test-key-1234";

function draft(overrides: Partial<RequestDraft> = {}): RequestDraft {
  return { upstream: "platform", method: "GET", path: "example/v1/contacts", pathParams: {}, query: [], headers: [], body: "", ...overrides };
}

/** A bare environment for child processes: no shell start-up files, nothing of ours leaking in. */
const childEnv = (vars: Record<string, string> = {}) => ({ NODE_ENV: "test" as const, PATH: process.env.PATH ?? "", ...vars });

const TRICKY = `it's "quoted" \\ back\\slash\nnew line\r\n$HOME $(whoami) \`id\` !event %s Zoë 🏠 \u2028 \t tab ''`;

/** Runs the curl snippet in bash with `curl` replaced by a function that prints its arguments. */
function curlArguments(snippet: string): string[] {
  const out = execFileSync("bash", ["--norc", "-c", `curl() { printf '%s\\0' "$@"; }\n${snippet}`], {
    env: childEnv({ JOBNIMBUS_API_KEY: KEY }),
    encoding: "utf8",
  });
  return out.split("\0").slice(0, -1);
}

/** Runs the fetch snippet with a fake fetch and returns what it was called with. */
async function fetchCall(snippet: string): Promise<{ url: string; init: { method: string; headers: Record<string, string>; body?: string } }> {
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  let call: unknown;
  const fakeFetch = async (url: string, init: unknown) => {
    call = { url, init };
    return { status: 200, text: async () => "" };
  };
  await new AsyncFunction("fetch", "process", "console", snippet)(fakeFetch, { env: { JOBNIMBUS_API_KEY: KEY } }, { log() {} });
  return call as never;
}

const pythonDir = mkdtempSync(join(tmpdir(), "snippet-py-"));
afterAll(() => rmSync(pythonDir, { recursive: true, force: true }));
const hasPython = spawnSync("python3", ["--version"]).status === 0;

/** Runs the Python snippet against a stub `requests` module that prints what it was called with. */
function pythonCall(snippet: string): { method: string; url: string; headers: Record<string, string>; data: string | null } {
  writeFileSync(
    join(pythonDir, "requests.py"),
    [
      "import json, sys",
      "class R:",
      "    status_code = 200",
      "    text = ''",
      "def request(method, url, headers=None, data=None, timeout=None):",
      "    sys.stderr.write(json.dumps({'method': method, 'url': url, 'headers': headers, 'data': None if data is None else data.decode('utf-8')}))",
      "    return R()",
    ].join("\n"),
  );
  const result = spawnSync("python3", ["-c", snippet], {
    env: childEnv({ PYTHONPATH: pythonDir, JOBNIMBUS_API_KEY: KEY, PYTHONIOENCODING: "utf-8" }),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stderr);
}

describe("quoting", () => {
  it("shell-quotes with single quotes and '\\'' for a quote", () => {
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellQuote("")).toBe("''");
  });

  it("round-trips tricky text through bash printf", () => {
    for (const text of [TRICKY, "", "'", "\\", "$", "!", "\n", "a'b'c", "🏠"]) {
      const out = execFileSync("bash", ["--norc", "-c", `printf %s ${shellQuote(text)}`], { env: childEnv(), encoding: "utf8" });
      expect(out).toBe(text);
    }
  });

  it("writes JS string literals that evaluate to the same text", () => {
    expect(jsString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(new Function(`return ${jsString(TRICKY)};`)()).toBe(TRICKY);
  });

  it("writes Python string literals with escapes for quotes, backslashes and control characters", () => {
    expect(pythonString('a"b\\c\nd\r\te')).toBe('"a\\"b\\\\c\\nd\\r\\te"');
    expect(pythonString("\u0000\u001b\u2028")).toBe('"\\x00\\x1b\\u2028"');
    expect(pythonString("Zoë 🏠 it's $x")).toBe(`"Zoë 🏠 it's $x"`);
  });

  it.skipIf(!hasPython)("writes Python string literals that evaluate to the same text", () => {
    const text = `${TRICKY}\u0000\u007f\u0085`;
    const out = spawnSync("python3", ["-c", `import sys; sys.stdout.buffer.write(${pythonString(text)}.encode("utf-8"))`], { encoding: "utf8" });
    expect(out.stderr).toBe("");
    expect(out.stdout).toBe(text);
  });
});

describe("toCurl", () => {
  it("writes a GET to the real JobNimbus URL with the key from the environment", () => {
    const snippet = toCurl(draft({ query: [newRow("limit", "10"), newRow("off", "1", false)] }), bases);
    expect(snippet).toBe(
      [`curl -X GET 'https://api.jobnimbus.com/example/v1/contacts?limit=10' \\`, `  -H "Authorization: Bearer $JOBNIMBUS_API_KEY"`].join("\n"),
    );
    expect(snippet).not.toContain("/api/proxy");
  });

  it("resolves path params, uses the legacy base, and keeps only forwarded, enabled headers", () => {
    const snippet = toCurl(
      draft({
        upstream: "legacy",
        method: "DELETE",
        path: "contacts/{id}",
        pathParams: { id: "a b/c" },
        headers: [newRow("Authorization", "Bearer stolen"), newRow("Cookie", "s=1"), newRow("If-Match", '"v1"'), newRow("Accept", "x", false), newRow("X-Custom", "1")],
      }),
      bases,
    );
    expect(snippet).toBe(
      [
        `curl -X DELETE 'https://app.jobnimbus.com/api1/contacts/a%20b%2Fc' \\`,
        `  -H "Authorization: Bearer $JOBNIMBUS_API_KEY" \\`,
        `  -H 'If-Match: "v1"'`,
      ].join("\n"),
    );
  });

  it("adds a JSON Content-Type and the body for POST, PUT and PATCH", () => {
    const snippet = toCurl(draft({ method: "POST", body: '{"name":"Ann"}' }), bases);
    expect(snippet).toBe(
      [
        `curl -X POST 'https://api.jobnimbus.com/example/v1/contacts' \\`,
        `  -H "Authorization: Bearer $JOBNIMBUS_API_KEY" \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  --data-raw '{"name":"Ann"}'`,
      ].join("\n"),
    );
  });

  it("leaves the body out of a GET, and keeps a Content-Type the person set", () => {
    expect(toCurl(draft({ body: "{}" }), bases)).not.toContain("--data-raw");
    const snippet = toCurl(draft({ method: "PUT", body: "a=1", headers: [newRow("content-type", "text/plain")] }), bases);
    expect(snippet).toContain(`-H 'content-type: text/plain'`);
    expect(snippet).not.toContain("application/json");
  });

  it("sends one value per header name, the last row winning, as the console does", () => {
    const snippet = toCurl(draft({ headers: [newRow("Accept", "text/csv"), newRow("accept", "application/json")] }), bases);
    expect(snippet.match(/-H '/g)).toHaveLength(1);
    expect(snippet).toContain(`-H 'accept: application/json'`);
  });

  it("turns off curl's URL globbing when a path parameter is still unfilled", () => {
    expect(toCurl(draft({ path: "example/v1/contacts/{id}" }), bases)).toContain("curl --globoff -X GET 'https://api.jobnimbus.com/example/v1/contacts/{id}'");
  });

  it("runs in bash as exactly the intended curl arguments, tricky body included", () => {
    const args = curlArguments(toCurl(draft({ method: "PATCH", body: TRICKY, query: [newRow("q", "it's $x")], headers: [newRow("Accept", "it's \"x\"")] }), bases));
    expect(args).toEqual([
      "-X",
      "PATCH",
      "https://api.jobnimbus.com/example/v1/contacts?q=it's%20%24x",
      "-H",
      `Authorization: Bearer ${KEY}`,
      "-H",
      `Accept: it's "x"`,
      "-H",
      "Content-Type: application/json",
      "--data-raw",
      TRICKY,
    ]);
  });
});

describe("toFetch", () => {
  it("writes the exact fetch call", () => {
    expect(toFetch(draft({ method: "POST", body: 'it\'s "x"\n' }), bases)).toBe(
      [
        'const response = await fetch("https://api.jobnimbus.com/example/v1/contacts", {',
        '  method: "POST",',
        "  headers: {",
        "    Authorization: `Bearer ${process.env.JOBNIMBUS_API_KEY}`,",
        '    "Content-Type": "application/json",',
        "  },",
        '  body: "it\'s \\"x\\"\\n",',
        "});",
        "console.log(response.status, await response.text());",
      ].join("\n"),
    );
  });

  it("runs as JavaScript and calls fetch with exactly the intended values", async () => {
    const { url, init } = await fetchCall(
      toFetch(draft({ method: "PUT", path: "example/v1/contacts/{id}", pathParams: { id: "7" }, body: TRICKY, headers: [newRow("Accept", "${x}`")] }), bases),
    );
    expect(url).toBe("https://api.jobnimbus.com/example/v1/contacts/7");
    expect(init).toEqual({
      method: "PUT",
      headers: { Authorization: `Bearer ${KEY}`, Accept: "${x}`", "Content-Type": "application/json" },
      body: TRICKY,
    });
  });

  it("has no body for GET and never an Authorization header from the rows", async () => {
    const { init } = await fetchCall(toFetch(draft({ body: "x", headers: [newRow("Authorization", "Bearer stolen")] }), bases));
    expect(init).toEqual({ method: "GET", headers: { Authorization: `Bearer ${KEY}` } });
  });
});

describe("toPythonRequests", () => {
  it("writes the exact requests call, reading the key from os.environ", () => {
    expect(toPythonRequests(draft({ method: "POST", body: '{"a":"b\\n"}' }), bases)).toBe(
      [
        "import os",
        "",
        "import requests",
        "",
        "response = requests.request(",
        '    "POST",',
        '    "https://api.jobnimbus.com/example/v1/contacts",',
        "    headers={",
        '        "Authorization": "Bearer " + os.environ["JOBNIMBUS_API_KEY"],',
        '        "Content-Type": "application/json",',
        "    },",
        '    data="{\\"a\\":\\"b\\\\n\\"}".encode("utf-8"),',
        "    timeout=30,",
        ")",
        "print(response.status_code, response.text)",
      ].join("\n"),
    );
  });

  it.skipIf(!hasPython)("runs in Python and calls requests with exactly the intended values", () => {
    const call = pythonCall(toPythonRequests(draft({ upstream: "legacy", method: "POST", path: "contacts", body: TRICKY, query: [newRow("q", "Zoë")] }), bases));
    expect(call).toEqual({
      method: "POST",
      url: "https://app.jobnimbus.com/api1/contacts?q=Zo%C3%AB",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      data: TRICKY,
    });
  });

  it.skipIf(!hasPython)("sends no data for a GET", () => {
    expect(pythonCall(toPythonRequests(draft(), bases)).data).toBeNull();
  });
});
