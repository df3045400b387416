import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { proxyUrl } from "@/lib/request/request-model";
import { initialValues, validateForm } from "@/lib/forms/fields";
import { buildCatalog, catalogFromText } from "./build";
import { draftFor, type Catalog, type CatalogOperation } from "./catalog";

const shippedText = readFileSync(new URL("../../openapi/jobnimbus.json", import.meta.url), "utf8");
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

/** Every operation jobnimbus-api.md §1a and §3 show, as method and path: the shipped document must be exactly these. */
const DOCUMENTED = [
  "GET /api1/contacts", "POST /api1/contacts", "GET /api1/contacts/{jnid}", "PUT /api1/contacts/{jnid}",
  "GET /api1/jobs", "POST /api1/jobs", "GET /api1/jobs/{jnid}", "PUT /api1/jobs/{jnid}",
  "GET /api1/tasks", "POST /api1/tasks", "GET /api1/tasks/{jnid}", "PUT /api1/tasks/{jnid}",
  "GET /api1/activities", "POST /api1/activities", "GET /api1/activities/{jnid}",
  "GET /api1/files", "POST /api1/files", "GET /api1/files/{jnid}", "POST /api1/files/fromUrl",
  "GET /api1/account/settings", "GET /api1/account/users", "GET /api1/utility/uoms",
  "POST /api1/account/workflow", "POST /api1/account/workflow/{workflowid}/status", "POST /api1/account/leadsource", "POST /api1/account/customfield",
  "POST /api1/account/filetype", "POST /api1/account/tasktype", "POST /api1/account/activitytype", "POST /api1/account/location",
  ...["products", "materialorders", "workorders", "estimates", "invoices"].flatMap((name) => [`GET /api1/v2/${name}`, `POST /api1/v2/${name}`, `GET /api1/v2/${name}/{jnid}`, `PUT /api1/v2/${name}/{jnid}`]),
  "GET /api1/payments", "GET /api1/budgets",
  "POST /files/v1/uploads/url", "POST /files/v1/uploads/{jnid}/complete", "POST /files/v1/uploads/multi-urls", "POST /files/v1/uploads/multi-complete", "POST /files/v1/uploads/multi-abort",
];

/** The source keys of jobnimbus-api.md §0. */
const SOURCE_KEYS = ["PM", "SDK", "BC", "W1", "IA", "AB", "PD", "OC", "W6W", "PY", "DEV-AUTH", "DEV-DEP"];

describe("the shipped document of JobNimbus's publicly documented APIs", () => {
  const catalog = catalogOf(shipped);

  it("lists every documented operation and nothing else: no DELETE, no PATCH, no invented service", () => {
    expect(catalog.title).toBe("JobNimbus APIs (public sources)");
    expect(catalog.operations.map((o) => `${o.method} ${o.docPath}`).sort()).toEqual([...DOCUMENTED].sort());
    expect(catalog.operations.filter((o) => o.method === "DELETE" || o.method === "PATCH")).toEqual([]);
    expect(catalog.tags.map((t) => t.name)).toEqual(["Contacts", "Jobs", "Tasks", "Activities", "Files", "Account", "Products and orders", "Uploads (Platform API)"]);
    expect(catalog.notes).toEqual([]);
  });

  it("says where each operation's description comes from, in the fact sheet's source keys, with what each key is", () => {
    for (const operation of catalog.operations) {
      expect(operation.sources.length, operation.id).toBeGreaterThan(0);
      for (const source of operation.sources) expect(SOURCE_KEYS, `${operation.id}: ${source}`).toContain(/^([A-Z0-9-]+)/.exec(source)![1]);
    }
    expect(op(catalog, "listContacts").sources).toEqual([
      "SDK:37046663773: JobNimbus's collection text, copied word for word into a generated SDK",
      "W1:contacts-list: withone.ai pages, each one request of the collection, rewritten",
      "IA: integration.app's mirror of the collection",
    ]);
  });

  it("sends /api1 paths to the legacy API without the prefix, and files/v1 uploads to the Platform API", () => {
    expect(op(catalog, "getJob")).toMatchObject({ method: "GET", upstream: "legacy", path: "jobs/{jnid}", docPath: "/api1/jobs/{jnid}" });
    expect(op(catalog, "uploadUrl")).toMatchObject({ method: "POST", upstream: "platform", path: "files/v1/uploads/url" });
    expect(catalog.operations.filter((o) => o.upstream === "platform").map((o) => o.id)).toEqual(["uploadUrl", "uploadComplete", "uploadMultiUrls", "uploadMultiComplete", "uploadMultiAbort"]);
    expect(op(catalog, "createFileBase64").deprecated).toBe(true);
  });

  it("turns the documented list parameters into fields, actor included", () => {
    const list = op(catalog, "listJobs");
    expect(list.fields.map((f) => f.key)).toEqual(["size", "from", "sort_field", "sort_direction", "fields", "filter", "actor"]);
    expect(field(list, "query.size")).toMatchObject({ kind: "integer", min: 1, defaultValue: "1000" });
    expect(field(list, "query.sort_direction")).toMatchObject({ kind: "select", defaultValue: "desc" });
    expect(field(list, "query.actor")).toMatchObject({ kind: "email", required: false });
    expect(field(op(catalog, "getJob"), "path.jnid")).toMatchObject({ in: "path", required: true });
    expect(list.paging).toEqual({ style: "offset", limit: "size", offset: "from", size: 1000, total: "count" });
  });

  it("marks what a create needs, as the collection documents it", () => {
    const required = (id: string) => op(catalog, id).fields.filter((f) => f.required).map((f) => f.key);
    expect(required("createContact")).toEqual(["record_type_name", "status_name"]);
    expect(required("createJob")).toEqual(["name", "record_type_name", "status_name"]);
    expect(required("createTask")).toEqual(["title", "date_start", "record_type_name"]);
    expect(required("createActivity")).toEqual(["note", "record_type_name", "primary.id"]);
    expect(field(op(catalog, "createTask"), "body.date_start")).toMatchObject({ kind: "unix-date", help: expect.stringContaining("unix time") });
    expect(op(catalog, "updateContact").fields.map((f) => f.key)).toContain("is_active");
  });

  it("fills a composer draft from a form, and validates it first", () => {
    const create = op(catalog, "createTask");
    const values = { ...initialValues(create.fields), "body.title": "Inspect roof", "body.date_start": "2025-06-12", "body.record_type_name": "Inspection" };
    expect(validateForm(create.fields, values)).toEqual({});
    const draft = draftFor(create, values);
    expect(draft).toMatchObject({ upstream: "legacy", method: "POST", path: "tasks" });
    expect(JSON.parse(draft.body)).toEqual({ title: "Inspect roof", record_type_name: "Inspection", date_start: new Date(2025, 5, 12).getTime() / 1000 });
    expect(validateForm(create.fields, { ...values, "body.title": "" })).toEqual({ "body.title": "title is required" });

    const listDraft = draftFor(op(catalog, "listJobs"), { "query.size": "10", "query.filter": '{"must":[]}', "query.from": "" });
    expect(proxyUrl(listDraft)).toEqual({ ok: true, path: `/api/proxy/jobs?size=10&filter=${encodeURIComponent('{"must":[]}')}` });
    expect(listDraft.upstream).toBe("legacy");
    const one = draftFor(op(catalog, "updateJob"), { "path.jnid": " abc12345 ", "body.status_name": "Sold" });
    expect(proxyUrl(one)).toEqual({ ok: true, path: "/api/proxy/jobs/abc12345" });
    expect(JSON.parse(one.body)).toEqual({ status_name: "Sold" });
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

  it("x-console-source names an operation's sources, one or several, with their meaning when the document gives one", () => {
    const catalog = catalogOf({
      ...doc({ "/a": { get: { operationId: "a", "x-console-source": "SDK:1" } }, "/b": { get: { operationId: "b", "x-console-source": ["ours", "SDK:2"] } }, "/c": { get: { operationId: "c" } } }),
      "x-console-sources": { SDK: "the vendor's collection" },
    });
    expect(catalog.operations.map((o) => o.sources)).toEqual([["SDK:1: the vendor's collection"], ["ours", "SDK:2: the vendor's collection"], []]);
    expect(buildCatalog(doc({ "/a": { get: { "x-console-source": 7 } } }), "u.json")).toEqual({ ok: false, error: 'u.json: paths["/a"].get["x-console-source"] must be a source key, or a list of them' });
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
