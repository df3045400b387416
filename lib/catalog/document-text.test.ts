import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { catalogFromText } from "./build";
import { parseDocumentText } from "./document-text";

const shippedText = readFileSync(new URL("../../openapi/jobnimbus.json", import.meta.url), "utf8");

const errorOf = (text: string, source = "api.yaml") => {
  const parsed = parseDocumentText(text, source);
  if (parsed.ok) throw new Error("expected an error");
  return parsed.error;
};

describe("YAML documents", () => {
  it("build the same catalogue as their JSON twin", () => {
    const fromJson = catalogFromText(shippedText, "jobnimbus");
    const fromYaml = catalogFromText(stringify(JSON.parse(shippedText)), "jobnimbus");
    expect(fromJson.ok).toBe(true);
    expect(fromYaml).toEqual(fromJson);
  });

  it("read as people write them: comments, anchors, numeric response codes, a version YAML would take for a number", () => {
    const text = [
      "# The scheduling API",
      "openapi: 3.0",
      "info: {title: Scheduling, version: 2}",
      "paths:",
      "  /example/v1/tasks:",
      "    get:",
      "      summary: Tasks",
      "      parameters:",
      "        - &limit {name: limit, in: query, schema: {type: integer, default: 10}}",
      "        - {name: page, in: query, schema: {type: integer, minimum: 1}}",
      "      responses:",
      "        200:",
      "          description: OK",
      "  /example/v1/jobs:",
      "    get:",
      "      summary: Jobs",
      "      parameters: [*limit]",
    ].join("\n");
    const parsed = parseDocumentText(text, "s.yaml");
    expect(parsed).toMatchObject({ ok: true, format: "YAML", value: { openapi: "3.0", info: { version: 2 } } });
    const doc = (parsed as { value: { paths: Record<string, { get: { parameters: unknown[]; responses?: Record<string, unknown> } }> } }).value;
    expect(doc.paths["/example/v1/jobs"]!.get.parameters[0]).toEqual({ name: "limit", in: "query", schema: { type: "integer", default: 10 } });
    expect(Object.keys(doc.paths["/example/v1/tasks"]!.get.responses!)).toEqual(["200"]);
    // A number where OpenAPI wants text is still named clearly.
    expect(catalogFromText(text, "s.yaml")).toEqual({ ok: false, error: "s.yaml: info.version is missing (every OpenAPI document gives its version)" });
    const fixed = catalogFromText(text.replace("version: 2", "version: '2'"), "s.yaml");
    expect(fixed).toMatchObject({ ok: true, catalog: { version: "2", operations: [{ summary: "Tasks", paging: { style: "page", page: "page", limit: "limit", size: 10 } }, { summary: "Jobs", paging: null }] } });
  });

  it("that are broken are refused with the line and column of the first problem", () => {
    expect(errorOf("openapi: 3.0.3\ninfo:\n  title: x\n   version: 1\n")).toBe("api.yaml is not valid YAML: Nested mappings are not allowed in compact mappings at line 3, column 10 (and 1 more problem)");
    expect(errorOf("openapi: 3.0.3\ninfo:\n  title: x\n  title: y\n")).toBe("api.yaml is not valid YAML: the same key appears twice in one mapping at line 4, column 3");
    expect(errorOf("openapi: 3.0.3\n---\nopenapi: 3.1.0\n")).toBe("api.yaml is not valid YAML: it holds more than one YAML document (a second ---); give the OpenAPI document alone at line 2, column 1");
    expect(errorOf("paths:\n  /x: [1, 2\n")).toBe("api.yaml is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1");
    expect(errorOf("openapi: 3.0.3\ninfo:\n\ttitle: x\n")).toBe("api.yaml is not valid YAML: a tab is used for indentation; YAML indents with spaces at line 3, column 1");
  });

  it("that expand aliases without end are refused, not expanded", () => {
    const rows = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 12; i += 1) rows.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`);
    expect(errorOf(rows.join("\n"))).toMatch(/^api\.yaml cannot be read as YAML: .*alias/i);
  });
});

describe("JSON documents", () => {
  it("start with { and their errors name the line and column", () => {
    expect(parseDocumentText('\uFEFF{"openapi": "3.0.0"}', "a.json")).toEqual({ ok: true, format: "JSON", value: { openapi: "3.0.0" } });
    expect(errorOf('{\n  "openapi": "3.0.0"\n  "info": {}\n}', "a.json")).toMatch(/^a\.json is not valid JSON: .+ at line 3, column 3$/);
    expect(errorOf("   \n", "a.json")).toBe("a.json is empty");
  });
});
