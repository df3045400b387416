// README.md and docs/*.md prove their promises by citing files and test titles; this fails when a
// cited e2e/ or lib/ path is gone, or a quoted title no longer starts a test in its file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const docs = ["README.md", ...readdirSync(`${root}docs`).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];

type Citation = { line: number; path: string; title?: string };

/** An e2e/ or lib/ path (not part of a longer path or URL), and a test title quoted after "›", which may wrap. */
const CITATION = /(?<![\w/.-])((?:e2e|lib)\/[\w./-]*[\w-])`?(?:\s*›\s*"([^"]+)")?/g;

function citations(text: string): Citation[] {
  return [...text.matchAll(CITATION)].map((match) => ({
    line: text.slice(0, match.index).split("\n").length,
    path: match[1]!,
    title: match[2]?.replace(/\s+/g, " "),
  }));
}

/** A cited module may leave out its extension ("lib/vault/3-vault"), and a folder is cited as itself. */
function exists(path: string): boolean {
  return ["", ".ts", ".tsx", ".mjs", ".js"].some((ext) => existsSync(`${root}${path}${ext}`));
}

/** Titles of test() and test.describe() calls, as written (template parts left as they are). */
function testTitles(source: string): string[] {
  const call = /\btest(?:\.describe)?(?:\.(?:only|skip|fixme|slow))?\(\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1/g;
  return [...source.matchAll(call)].map((match) => match[2]!.replace(/\\(.)/g, "$1"));
}

/**
 * "a saved key is shown only as…" cites a title that starts so; "the vault fills up: … 409 vault-full" one
 * that starts with the first part and has the next further on; a leading "…" lets the first part be anywhere.
 */
function titleMatches(cited: string, title: string): boolean {
  const parts = cited.split("…");
  let at = 0;
  for (const [index, part] of parts.entries()) {
    if (!part) continue;
    const found = title.indexOf(part, at);
    if (found === -1 || (index === 0 && found !== 0)) return false;
    at = found + part.length;
  }
  return true;
}

describe("how citations are read", () => {
  it("finds paths, a title that wraps over lines, and leaves URLs and longer paths alone", () => {
    const text = 'See `e2e/api/keys.spec.ts` › "the vault\ncookie is…" and lib/vault/3-vault; not https://x.test/lib/a or node_modules/lib/b.';
    expect(citations(text)).toEqual([
      { line: 1, path: "e2e/api/keys.spec.ts", title: "the vault cookie is…" },
      { line: 2, path: "lib/vault/3-vault", title: undefined },
    ]);
  });

  it("matches a title by its start, by parts in order around …, and not otherwise", () => {
    const title = "the vault fills up: after enough keys POST /api/keys answers 409 vault-full and the saved keys still work";
    expect(titleMatches("the vault fills up: … 409 vault-full", title)).toBe(true);
    expect(titleMatches("the vault fills up", title)).toBe(true);
    expect(titleMatches("…answers 409 vault-full", title)).toBe(true);
    expect(titleMatches("vault fills up", title)).toBe(false);
    expect(titleMatches("the vault fills up: … 410 vault-full", title)).toBe(false);
    expect(titleMatches("409 vault-full … the vault fills up", title)).toBe(false);
  });

  it("reads titles of tests and describe blocks in every quoting", () => {
    const source = "test(\"one \\\"quoted\\\"\", x);\ntest.describe('two', y);\ntest(`${n} three`, z);\ntest.step(\"not a test\", w);";
    expect(testTitles(source)).toEqual(['one "quoted"', "two", "${n} three"]);
  });
});

describe.each(docs)("%s", (doc) => {
  const text = readFileSync(`${root}${doc}`, "utf8");
  const cited = citations(text);

  it("cites only e2e/ and lib/ files that exist", () => {
    const missing = cited.filter((c) => !exists(c.path)).map((c) => `${doc}:${c.line} ${c.path}`);
    expect(missing).toEqual([]);
  });

  it("quotes only test titles that exist in the cited spec", () => {
    const wrong = cited
      .filter((c) => c.title !== undefined && exists(c.path))
      .filter((c) => !testTitles(readFileSync(`${root}${c.path}`, "utf8")).some((title) => titleMatches(c.title!, title)))
      .map((c) => `${doc}:${c.line} ${c.path} › "${c.title}"`);
    expect(wrong).toEqual([]);
  });
});

it("docs/security.md cites its proofs: dozens of files, many by test title", () => {
  const cited = citations(readFileSync(`${root}docs/security.md`, "utf8"));
  expect(cited.filter((c) => c.path.startsWith("e2e/")).length).toBeGreaterThan(30);
  expect(cited.filter((c) => c.title !== undefined).length).toBeGreaterThan(15);
});
