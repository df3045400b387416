import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { proxyUrl } from "@/lib/request/request-model";
import { initialValues, validateForm } from "@/lib/forms/fields";
import { buildCatalog, catalogFromText } from "./build";
import { draftFor, type Catalog, type CatalogOperation } from "./catalog";

const shippedText = readFileSync(new URL("../../openapi/jobnimbus-mock.json", import.meta.url), "utf8");
const shipped = JSON.parse(shippedText) as Record<string, unknown>;

function catalogOf(doc: unknown): Catalog {
  const result = buildCatalog(doc, "test.json");
  if (!result.ok) throw new Error(result.error);
  return result.catalog;
}

const op = (catalog: Catalog, id: string): CatalogOperation => {
  const found = catalog.operations.find((o) => o.id === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
};
const field = (operation: CatalogOperation, name: string) => operation.fields.find((f) => f.name === name);

function doc(paths: Record<string, unknown>, components: Record<string, unknown> = {}) {
  return { openapi: "3.1.0", info: { title: "T", version: "1" }, paths, components };
}

describe("the shipped document for the mock API", () => {
  const catalog = catalogOf(shipped);

  it("describes both APIs, every operation the mock serves, grouped by tag", () => {
    expect(catalog.title).toBe("JobNimbus API (mock)");
    expect(catalog.operations).toHaveLength(48);
    expect(catalog.tags.map((t) => t.name)).toEqual(["Contacts", "Jobs", "Tasks", "Activities", "Legacy: contacts", "Legacy: jobs", "Legacy: tasks", "Legacy: activities", "Legacy: files"]);
    expect(catalog.notes).toEqual([]);
  });

  it("maps legacy paths onto the legacy upstream without their /api1 prefix", () => {
    expect(op(catalog, "legacyGetJob")).toMatchObject({ method: "GET", upstream: "legacy", path: "jobs/{jnid}", docPath: "/api1/jobs/{jnid}" });
    expect(op(catalog, "getContact")).toMatchObject({ upstream: "platform", path: "crm/v1/contacts/{id}" });
  });

  it("turns parameters into fields: required marks, enums as selects, numbers with their limits, help from descriptions", () => {
    const list = op(catalog, "listJobs");
    expect(field(list, "query.limit")).toMatchObject({ kind: "integer", required: false, min: 0, max: 200, defaultValue: "25", help: "How many records per page." });
    expect(field(list, "query.status")).toMatchObject({ kind: "select", options: expect.arrayContaining([{ value: "Completed", label: "Completed" }]) });
    expect(field(list, "query.q")).toMatchObject({ kind: "text", placeholder: "Smith" });
    expect(field(op(catalog, "getJob"), "path.id")).toMatchObject({ in: "path", required: true });
    expect(field(op(catalog, "legacyListJobs"), "query.sort_direction")).toMatchObject({ kind: "select", defaultValue: "desc" });
  });

  it("turns a request body into fields, nested objects as dotted names, read-only members left out", () => {
    const create = op(catalog, "createActivity");
    expect(create.body).toMatchObject({ required: true, mode: "fields", mediaType: "application/json" });
    expect(create.fields.map((f) => f.name)).toEqual(["body.note", "body.record_type_name", "body.primary.id"]);
    expect(field(create, "body.note")).toMatchObject({ required: true, kind: "text" });
    expect(field(create, "body.primary.id")).toMatchObject({ required: true, help: "The jnid of the record." });
    const task = op(catalog, "createTask");
    expect(field(task, "body.date_end")).toMatchObject({ kind: "unix-date", help: expect.stringContaining("unix time") });
    expect(field(task, "body.is_completed")).toMatchObject({ kind: "boolean", defaultValue: "false" });
    expect(field(task, "body.related")).toMatchObject({ kind: "json" });
    expect(field(op(catalog, "createContact"), "body.email")).toMatchObject({ kind: "email" });
    expect(field(op(catalog, "createContact"), "body.tags")).toMatchObject({ kind: "list" });
    expect(op(catalog, "updateJob").fields.map((f) => f.name)).toContain("path.id");
  });

  it("fills a composer draft from a form, and validates it first", () => {
    const create = op(catalog, "createTask");
    const values = { ...initialValues(create.fields), "body.title": "Inspect roof", "body.date_end": "2025-06-12", "body.priority": "2" };
    expect(validateForm(create.fields, values)).toEqual({});
    const draft = draftFor(create, values);
    expect(draft).toMatchObject({ upstream: "platform", method: "POST", path: "crm/v1/tasks" });
    const body = JSON.parse(draft.body) as Record<string, unknown>;
    expect(body).toMatchObject({ title: "Inspect roof", priority: 2, is_completed: false, record_type_name: "Follow-up", date_end: new Date(2025, 5, 12).getTime() / 1000 });

    expect(validateForm(create.fields, { ...values, "body.title": "", "body.priority": "7" })).toEqual({
      "body.title": "title is required",
      "body.priority": "priority must be from 0 to 3",
    });

    const get = op(catalog, "legacyListJobs");
    const listDraft = draftFor(get, { "query.size": "10", "query.filter": '{"must":[]}', "query.from": "" });
    expect(proxyUrl(listDraft)).toEqual({ ok: true, path: `/api/proxy/jobs?size=10&filter=${encodeURIComponent('{"must":[]}')}` });
    expect(listDraft.upstream).toBe("legacy");
    const one = draftFor(op(catalog, "deleteJob"), { "path.id": " abc12345 " });
    expect(proxyUrl(one)).toEqual({ ok: true, path: "/api/proxy/crm/v1/jobs/abc12345" });
    expect(one.body).toBe("");
  });
});

describe("mapping rules", () => {
  it("dates as date pickers, date-times, lists as repeated query parameters, oneOf takes the first shape", () => {
    const catalog = catalogOf(
      doc({
        "/reports": {
          get: {
            operationId: "report",
            tags: ["Reports"],
            parameters: [
              { name: "day", in: "query", required: true, schema: { type: "string", format: "date" } },
              { name: "at", in: "query", schema: { type: "string", format: "date-time" } },
              { name: "ids", in: "query", schema: { type: "array", items: { type: "string" } } },
              { name: "mode", in: "query", schema: { oneOf: [{ type: "integer" }, { type: "string" }] } },
              { name: "session", in: "cookie", schema: { type: "string" } },
              { name: "If-None-Match", in: "header", schema: { type: "string" } },
              { name: "X-Secret", in: "header", schema: { type: "string" } },
            ],
          },
          head: { operationId: "reportHead" },
        },
      }),
    );
    const report = op(catalog, "report");
    expect(report.fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["query.day", "date", true],
      ["query.at", "datetime", false],
      ["query.ids", "list", false],
      ["query.mode", "integer", false],
      ["header.If-None-Match", "text", false],
    ]);
    expect(catalog.notes).toEqual([
      'GET /reports: cookie parameter "session" is not sent (the console never forwards cookies).',
      "HEAD /reports: the console only sends GET, POST, PUT, PATCH and DELETE.",
    ]);
    const draft = draftFor(report, { "query.day": "2025-01-02", "query.ids": "a, b", "header.If-None-Match": '"v1"' });
    expect(draft.query.map((r) => [r.name, r.value])).toEqual([["day", "2025-01-02"], ["ids", "a"], ["ids", "b"]]);
    expect(draft.headers.map((r) => [r.name, r.value])).toEqual([["If-None-Match", '"v1"']]);
    expect(validateForm(report.fields, { "query.day": "tomorrow" })).toEqual({ "query.day": "day must be a date (YYYY-MM-DD)" });
  });

  it("a body without properties is one JSON field; x-console-upstream overrides the path", () => {
    const catalog = catalogOf(
      doc({
        "/things": {
          "x-console-upstream": "legacy",
          post: { requestBody: { content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } } },
        },
      }),
    );
    const [post] = catalog.operations;
    expect(post).toMatchObject({ id: "POST /things", upstream: "legacy", path: "things", tag: "Other", body: { mode: "json", required: false } });
    expect(post!.fields).toEqual([{ name: "body", label: "Body (JSON)", in: "body", key: "", required: false, kind: "json" }]);
    expect(draftFor(post!, { body: '["a"]' }).body).toBe('["a"]');
    expect(validateForm(post!.fields, { body: "[oops" })).toEqual({ body: "Body (JSON) must be valid JSON" });
  });
});

describe("a malformed document gets one message naming what is wrong", () => {
  const error = (document: unknown) => {
    const result = buildCatalog(document, "upload.json");
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.error;
  };

  it("names the member and says what it must be", () => {
    expect(error(doc({ "/x": { get: { parameters: [{ name: "a", in: "body" }] } } }))).toBe(
      'upload.json: paths["/x"].get.parameters[0].in must be one of "path", "query", "header", "cookie"',
    );
    expect(error(doc({ "/x": { get: { parameters: [{ in: "query" }] } } }))).toBe('upload.json: paths["/x"].get.parameters[0].name is missing: every parameter needs a name');
    expect(error(doc({ x: { get: {} } }))).toBe("upload.json: paths.x must start with /");
    expect(error(doc({ "/x": { get: { parameters: [{ name: "a", in: "query", schema: { type: "text" } }] } } }))).toMatch(/^upload\.json: paths\["\/x"\]\.get\.parameters\[0\]\.schema\.type must be one of "string"/);
  });

  it("knows Swagger 2, a missing version, and documents with nothing to send", () => {
    expect(error({ swagger: "2.0", info: {}, paths: {} })).toMatch(/Swagger 2\.0 document; the console reads OpenAPI 3/);
    expect(error({ info: { title: "t", version: "1" }, paths: {} })).toMatch(/^upload\.json: openapi is missing: this is not an OpenAPI 3 document/);
    expect(error({ openapi: "3.0.0", info: { title: "t" }, paths: {} })).toMatch(/^upload\.json: info\.version is missing/);
    expect(error(doc({}))).toBe("upload.json describes no operation the console can send (GET, POST, PUT, PATCH or DELETE under paths)");
    expect(error([])).toBe("upload.json is not an OpenAPI document: it should be an object (a mapping) with openapi, info and paths");
  });

  it("follows references and names the broken one", () => {
    expect(error(doc({ "/x": { get: { parameters: [{ $ref: "#/components/parameters/nope" }] } } }))).toBe(
      'upload.json: paths["/x"].get.parameters[0].$ref "#/components/parameters/nope" points to nothing in this document',
    );
    expect(error(doc({ "/x": { get: { parameters: [{ $ref: "other.yaml#/p" }] } } }))).toMatch(/points outside this document/);
    expect(error(doc({ "/x/{id}": { get: { parameters: [{ name: "key", in: "path", required: true }] } } }))).toMatch(/"key" is a path parameter, but the path \/x\/\{id\} has no \{key\}/);
    const loop = doc({ "/x": { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } } } } } }, { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } });
    expect(error(loop)).toMatch(/goes round in a loop of references/);
  });

  it("reads text, JSON or YAML, and says where the text is broken", () => {
    expect(catalogFromText(shippedText, "shipped")).toMatchObject({ ok: true });
    expect(catalogFromText('{"openapi": "3.0.0",\n  "info": }', "api.json")).toEqual({ ok: false, error: "api.json is not valid JSON: Unexpected character '}' at line 2, column 11" });
    expect(catalogFromText("openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths:\n  /x:\n    get: {summary: Hi}\n", "api.yaml")).toMatchObject({
      ok: true,
      catalog: { title: "x", operations: [{ method: "GET", path: "x", summary: "Hi" }] },
    });
    expect(catalogFromText("openapi: 3.0.3\ninfo:\n  title: x\n", "api.yaml")).toEqual({ ok: false, error: "api.yaml: info.version is missing (every OpenAPI document gives its version) (and 1 more problem)" });
  });
});
