// @vitest-environment node
// The mock against what public sources say JobNimbus does (../shared/jobnimbus-api.md): one test per
// documented behaviour, titled with its section, then one per guess mock/README.md lists where the
// facts are silent. Real HTTP against a mock on a loopback port.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_READONLY_KEY, startMockUpstream } from "./server.mjs";
import { COUNTS, FIXED_JOB } from "./seed/index.mjs";

// Answers are checked field by field, so a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Server = Awaited<ReturnType<typeof startMockUpstream>>;

const PLATFORM_401 = { type: "https://tools.ietf.org/html/rfc7235#section-3.1", title: "Unauthorized", status: 401 };
const PLATFORM_403 = { type: "https://tools.ietf.org/html/rfc7231#section-6.5.3", title: "Forbidden", status: 403 };
const DEPRECATION_LINK = '<https://api.jobnimbus.com/deprecation>; rel="deprecation"; type="text/html"';
const PNG_1PX = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

let server: Server;
/** Added to the mock's clock, to step past the 15 minutes a presigned URL lasts. */
let clockOffsetMs = 0;
// A fresh test- key per test, so the mock's 50-a-second limit per key never trips an unrelated test.
let key = "";
let keys = 0;
beforeEach(() => {
  keys += 1;
  key = `test-contract-${keys}`;
});
beforeAll(async () => {
  server = await startMockUpstream({ port: 0, clock: () => Date.now() + clockOffsetMs });
});
afterAll(async () => {
  await server?.close();
});

type Init = { method?: string; body?: unknown; key?: string | null; headers?: Record<string, string>; raw?: string };

/** One call to the mock; the body comes back parsed when it is JSON. */
async function call(path: string, { method = "GET", body, key: k = key, headers = {}, raw }: Init = {}) {
  const h = new Headers(headers);
  if (k !== null) h.set("Authorization", `Bearer ${k}`);
  if (body !== undefined) h.set("Content-Type", "application/json");
  const res = await fetch(server.url + path, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  let json: Json = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { res, status: res.status, json, text };
}
const api1 = (path: string, init?: Init) => call(`/api1${path}`, init);
const filter = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** The account's settings and team, read through the API as a client would. */
async function account() {
  const settings = (await api1("/account/settings")).json;
  const users = (await api1("/account/users")).json.users as Json[];
  const workflow = (type: string, name?: string) => settings.workflows.find((w: Json) => w.object_type === type && (!name || w.name === name));
  return { settings, users, workflow };
}

/** A seeded job tests may rely on (job #1043, mock/README.md), not one another test made. */
async function someJob() {
  return (await api1(`/jobs?filter=${filter({ must: [{ term: { number: FIXED_JOB.number } }] })}`)).json.results[0];
}

/** POSTs `body` under /api1, expects a 400, and gives its sentence. */
async function refusal(path: string, body: unknown) {
  const { status, json } = await api1(path, { method: "POST", body });
  expect(status, JSON.stringify(json)).toBe(400);
  return json.body as string;
}

async function newContact(extra: Json = {}, init: Init = {}) {
  const { status, json } = await api1("/contacts", { method: "POST", body: { record_type_name: "Customer", status_name: "Active", first_name: "Test", last_name: "Contact", ...extra }, ...init });
  expect(status, JSON.stringify(json)).toBe(200);
  return json;
}

/** Starts a single-part upload and returns its presigned URL and jnid. */
async function startUpload(related: string[], extra: Json = {}) {
  const { status, json } = await call("/files/v1/uploads/url", { method: "POST", body: { filename: "ridge.png", type: 2, related, isPrivate: false, ...extra } });
  expect(status, JSON.stringify(json)).toBe(200);
  return json.data as { url: string; jnid: string };
}

describe("documented behaviour", () => {
  it("§1a Platform API: a missing key answers 401 with exactly the documented Problem Details", async () => {
    const { status, json } = await call("/files/v1/uploads/url", { method: "POST", key: null, body: {} });
    expect(status).toBe(401);
    expect(json).toEqual(PLATFORM_401);
  });

  it("§1a Platform API: an unknown key answers the same 401 body", async () => {
    const { status, json } = await call("/files/v1/uploads/url", { method: "POST", key: "not-a-key-123", body: {} });
    expect(status).toBe(401);
    expect(json).toEqual(PLATFORM_401);
  });

  it("§1a Platform API: a valid key whose access profile may not write answers 403 Problem Details", async () => {
    const job = await someJob();
    const { status, json } = await call("/files/v1/uploads/url", { method: "POST", key: DEMO_READONLY_KEY, body: { filename: "a.png", type: 2, related: [job.jnid] } });
    expect(status).toBe(403);
    expect(json).toEqual(PLATFORM_403);
  });

  it("§1a deprecated endpoints answer Deprecation @<unix>, a quarter-end Sunset and the deprecation Link (legacy POST /files)", async () => {
    const job = await someJob();
    const { status, res } = await api1("/files", { method: "POST", body: { data: PNG_1PX, filename: "dot.png", type: 2, related: [job.jnid] } });
    expect(status).toBe(200);
    expect(res.headers.get("deprecation")).toMatch(/^@\d{10}$/);
    const sunset = res.headers.get("sunset")!;
    expect(sunset).toMatch(/^\w{3}, \d{2} \w{3} \d{4} 23:59:59 UTC$/);
    const date = new Date(sunset.replace("UTC", "GMT"));
    expect(["2-31", "5-30", "8-30", "11-31"]).toContain(`${date.getUTCMonth()}-${date.getUTCDate()}`);
    const deprecated = Number(res.headers.get("deprecation")!.slice(1));
    expect(date.getTime() / 1000 - deprecated).toBeGreaterThan(182 * 86400);
    expect(res.headers.get("link")).toBe(DEPRECATION_LINK);
  });

  it("§1a deprecated endpoints: POST /files/fromUrl carries the same three headers", async () => {
    const job = await someJob();
    const { status, res, json } = await api1("/files/fromUrl", { method: "POST", body: { url: "https://example.com/photos/roof.png", type: "Photo", related: [job.jnid] } });
    expect(status).toBe(200);
    expect(json.id).toBe(json.jnid);
    expect(res.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect(res.headers.get("sunset")).toBe("Wed, 30 Jun 2027 23:59:59 UTC");
    expect(res.headers.get("link")).toBe(DEPRECATION_LINK);
  });

  it("§1a Platform API: a path that is not a known service answers 404 {\"message\":\"Not Found\"} (W6W's observation)", async () => {
    for (const path of ["/", "/v1", "/contacts", "/crm/v2/contacts", "/files/v1/nothing"]) {
      const { status, json } = await call(path);
      expect(status, path).toBe(404);
      expect(json, path).toEqual({ message: "Not Found" });
    }
  });

  it("§2 the legacy API accepts the scheme as Bearer and as bearer", async () => {
    for (const scheme of ["Bearer", "bearer"]) {
      const { status } = await call("/api1/contacts?size=1", { key: null, headers: { Authorization: `${scheme} ${key}` } });
      expect(status, scheme).toBe(200);
    }
  });

  it("§6 the legacy API answers a missing or wrong key with 401 {\"status\":401,\"body\":\"Authentication required\"}", async () => {
    for (const k of [null, "wrong-key-000"]) {
      const { status, json, text } = await api1("/contacts", { key: k });
      expect(status).toBe(401);
      expect(json).toEqual({ status: 401, body: "Authentication required" });
      expect(text).not.toContain("wrong-key-000");
    }
  });

  it("§2 ?actor=<user email> attributes a create to that user (created_by, created_by_name)", async () => {
    const { users } = await account();
    const tina = users.find((u: Json) => u.first_name === "Tina")!;
    const contact = await newContact({ first_name: "Actor" }, { method: "POST" });
    expect(contact.created_by).not.toBe(tina.id);
    const { status, json } = await api1(`/contacts?actor=${encodeURIComponent(tina.email)}`, { method: "POST", body: { record_type_name: "Lead", status_name: "New Lead", first_name: "Made", last_name: "ByTina" } });
    expect(status).toBe(200);
    expect(json.created_by).toBe(tina.id);
    expect(json.created_by_name).toBe("Tina Okafor");
  });

  it("§2 the legacy API has no DELETE: DELETE is refused and the record stays", async () => {
    const contact = await newContact();
    const { status } = await api1(`/contacts/${contact.jnid}`, { method: "DELETE" });
    expect(status).not.toBe(200);
    expect(status).not.toBe(204);
    expect((await api1(`/contacts/${contact.jnid}`)).status).toBe(200);
  });

  it("§2, §7.4 delete is PUT {\"is_active\": false}: the record is kept with the flag off", async () => {
    const contact = await newContact();
    const { status, json } = await api1(`/contacts/${contact.jnid}`, { method: "PUT", body: { is_active: false } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ jnid: contact.jnid, is_active: false });
    expect((await api1(`/contacts/${contact.jnid}`)).json.is_active).toBe(false);
  });

  it("§3a contacts list as {count, results} with count the total", async () => {
    const { status, json } = await api1("/contacts?size=3");
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(["count", "results"]);
    expect(json.results).toHaveLength(3);
    expect(json.count).toBeGreaterThanOrEqual(COUNTS.contacts);
  });

  it("§3a one contact is the bare record", async () => {
    const first = (await api1("/contacts?size=1")).json.results[0];
    const { status, json } = await api1(`/contacts/${first.jnid}`);
    expect(status).toBe(200);
    expect(json).toEqual(first);
  });

  it("§3a, §6 creating a contact answers 200 with the record", async () => {
    const { status, json } = await api1("/contacts", { method: "POST", body: { record_type_name: "Customer", status_name: "Active", first_name: "Nora", last_name: "Quill", source_name: "Referral" } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ type: "contact", first_name: "Nora", last_name: "Quill", record_type_name: "Customer", status_name: "Active", source_name: "Referral", is_active: true });
    expect((await api1(`/contacts/${json.jnid}`)).json).toEqual(json);
  });

  it("§3a, §5a a contact needs record_type_name: a contact workflow", async () => {
    expect(await refusal("/contacts", { status_name: "Active", first_name: "A" })).toContain("record_type_name is required");
    expect(await refusal("/contacts", { record_type_name: "Residential Roofing", status_name: "Lead", first_name: "A" })).toContain('record_type_name "Residential Roofing" is not a contact workflow');
  });

  it("§3a, §5a a contact needs status_name: a status of its workflow", async () => {
    expect(await refusal("/contacts", { record_type_name: "Lead", first_name: "A" })).toContain("status_name is required");
    const wrong = await refusal("/contacts", { record_type_name: "Lead", status_name: "Sold", first_name: "A" });
    expect(wrong).toContain('status_name "Sold" is not a status of the contact workflow "Lead"');
    expect(wrong).toContain("New Lead");
  });

  it("§3a, §5a a contact needs one of first_name, last_name, display_name or company", async () => {
    expect(await refusal("/contacts", { record_type_name: "Vendor", status_name: "Active" })).toContain("first_name, last_name, display_name or company");
    for (const field of ["first_name", "last_name", "display_name", "company"]) {
      const one = await api1("/contacts", { method: "POST", body: { record_type_name: "Vendor", status_name: "Active", [field]: "Acme Lumber" } });
      expect(one.status, field).toBe(200);
    }
  });

  it("§3a source_name must be one of the account's lead sources", async () => {
    const sentence = await refusal("/contacts", { record_type_name: "Lead", status_name: "New Lead", first_name: "S", source_name: "Billboard" });
    expect(sentence).toContain('source_name "Billboard" is not a lead source');
    expect(sentence).toContain("Door Knocking");
  });

  it("§3a updating a contact with PUT answers the record with the change", async () => {
    const contact = await newContact();
    const { status, json } = await api1(`/contacts/${contact.jnid}`, { method: "PUT", body: { city: "Frisco", status_name: "Warranty" } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ jnid: contact.jnid, city: "Frisco", status_name: "Warranty", first_name: "Test" });
    expect(json.status).not.toBe(contact.status);
  });

  it("§3b creating a job needs name, record_type_name (a job workflow) and status_name; primary links the contact", async () => {
    const contact = await newContact();
    const bad = await refusal("/jobs", { record_type_name: "Customer", status_name: "Lead" });
    expect(bad).toContain("name is required");
    expect(bad).toContain('"Customer" is not a job workflow');
    const { status, json } = await api1("/jobs", { method: "POST", body: { name: "Reroof – 1 Test Ln", record_type_name: "Residential Roofing", status_name: "Lead", primary: { id: contact.jnid } } });
    expect(status).toBe(200);
    expect(json.primary).toEqual({ id: contact.jnid, name: contact.display_name, number: contact.number, type: "contact" });
    expect(json).toMatchObject({ type: "job", record_type_name: "Residential Roofing", status_name: "Lead" });
  });

  it("§3b jobs list as {count, results} and one job is the bare record", async () => {
    const list = (await api1("/jobs?size=2")).json;
    expect(Object.keys(list).sort()).toEqual(["count", "results"]);
    expect((await api1(`/jobs/${list.results[0].jnid}`)).json).toEqual(list.results[0]);
  });

  it("§3c creating a task needs title, date_start and a task type in record_type_name; related links it", async () => {
    const bad = await refusal("/tasks", { record_type_name: "Sauna" });
    for (const part of ["title is required", "date_start is required", 'record_type_name "Sauna" is not a task type']) expect(bad).toContain(part);
    const job = await someJob();
    const start = Math.floor(Date.now() / 1000) + 86400;
    const { status, json } = await api1("/tasks", { method: "POST", body: { title: "Measure the roof", date_start: start, record_type_name: "Inspection", related: [{ id: job.jnid }] } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ type: "task", title: "Measure the roof", date_start: start, record_type_name: "Inspection", is_completed: false });
    expect(json.related).toEqual([{ id: job.jnid, name: job.name, number: job.number, type: "job" }]);
  });

  it("§3c tasks list as {count, results}", async () => {
    const { json } = await api1("/tasks?size=2");
    expect(Object.keys(json).sort()).toEqual(["count", "results"]);
    expect(json.results[0].type).toBe("task");
  });

  it("§3d activities list under 'activity', not 'results'", async () => {
    const { status, json } = await api1("/activities?size=2");
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(["activity", "count"]);
    expect(json.activity).toHaveLength(2);
    expect(json.activity[0].type).toBe("activity");
  });

  it("§3d creating an activity needs note, an activity type in record_type_name and primary.id", async () => {
    const bad = await refusal("/activities", { record_type_name: "Gossip" });
    for (const part of ["note is required", 'record_type_name "Gossip" is not an activity type', "primary.id is required"]) expect(bad).toContain(part);
    const job = await someJob();
    const { status, json } = await api1("/activities", { method: "POST", body: { note: "Ladder left at the side gate.", record_type_name: "Note", primary: { id: job.jnid } } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ type: "activity", note: "Ladder left at the side gate.", record_type_name: "Note", is_editable: true });
    expect(json.primary).toEqual({ id: job.jnid, name: job.name, number: job.number, type: "job" });
  });

  it("§3d system activities (\"Contact Created\", \"Job Modified\" …) are in the log", async () => {
    const contact = await newContact();
    const log = (await api1(`/activities?filter=${filter({ must: [{ term: { "primary.id": contact.jnid } }] })}`)).json.activity;
    expect(log.map((a: Json) => a.record_type_name)).toContain("Contact Created");
    const names = new Set((await api1("/activities?size=10000&fields=record_type_name")).json.activity.map((a: Json) => a.record_type_name));
    for (const name of ["Contact Created", "Job Created", "Job Modified", "Job Deleted"]) expect(names.has(name), name).toBe(true);
    const change = (await api1(`/activities?size=1&filter=${filter({ must: [{ term: { is_status_change: true } }] })}`)).json.activity[0];
    expect(change.is_editable).toBe(false);
    expect(Number.isInteger(change.primary.new_status)).toBe(true);
  });

  it("§3e files list under 'files' with their metadata", async () => {
    const { status, json } = await api1("/files?size=50");
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(["count", "files"]);
    const file = json.files[0];
    expect(file).toMatchObject({ type: "attachment", jnid: expect.any(String), filename: expect.any(String), content_type: expect.any(String), size: expect.any(Number) });
    expect(new Set(json.files.map((f: Json) => f.content_type))).toEqual(new Set(["image/png", "application/pdf"]));
  });

  it("§3e GET /files/{jnid} gives the file's bytes", async () => {
    const files = (await api1("/files?size=100")).json.files as Json[];
    for (const type of ["image/png", "application/pdf"]) {
      const meta = files.find((f) => f.content_type === type)!;
      const res = await fetch(`${server.url}/api1/files/${meta.jnid}`, { headers: { Authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBe(meta.size);
      expect(bytes.subarray(0, 4).toString("latin1")).toBe(type === "image/png" ? "\x89PNG" : "%PDF");
    }
  });

  it("§3e POST /files creates a file from base64 data, listed and downloadable", async () => {
    const job = await someJob();
    const { status, json } = await api1("/files", { method: "POST", body: { data: PNG_1PX, filename: "dot.png", type: 2, related: [job.jnid], description: "one pixel" } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ type: "attachment", filename: "dot.png", content_type: "image/png", record_type: 2, record_type_name: "Photo", description: "one pixel" });
    expect(json.size).toBe(Buffer.from(PNG_1PX, "base64").length);
    const listed = (await api1(`/files?filter=${filter({ must: [{ term: { jnid: json.jnid } }] })}`)).json;
    expect(listed.count).toBe(1);
    const res = await fetch(`${server.url}/api1/files/${json.jnid}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(Buffer.from(await res.arrayBuffer()).toString("base64")).toBe(PNG_1PX);
  });

  it("§3e file type codes 1-8 are Document, Photo, Email Attachment, naturalForms, Invoice, Eagleview, Accurence, Credit Memo", async () => {
    const { settings } = await account();
    const byId = Object.fromEntries(settings.fileTypes.map((t: Json) => [t.FileTypeId, t.TypeName]));
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((id) => byId[id])).toEqual(["Document", "Photo", "Email Attachment", "naturalForms", "Invoice", "Eagleview", "Accurence", "Credit Memo"]);
  });

  it("§3f, §5f account settings: workflows with statuses, fileTypes, taskTypes, activityTypes, sources in their shapes", async () => {
    const { settings } = await account();
    expect(Object.keys(settings).sort()).toEqual(["activityTypes", "fileTypes", "sources", "taskTypes", "workflows"]);
    const workflow = settings.workflows[0];
    for (const field of ["id", "order", "object_type", "name", "is_sub_contractor", "is_supplier", "is_vendor", "is_active", "can_access_by_all", "icon", "status"]) expect(workflow).toHaveProperty(field);
    for (const field of ["id", "name", "is_lead", "is_closed", "is_active", "is_archived", "send_to_quickbooks", "force_mobile_sync", "order", "profile_ids"]) expect(workflow.status[0]).toHaveProperty(field);
    expect(new Set(settings.workflows.map((w: Json) => w.object_type))).toEqual(new Set(["contact", "job", "workorder"]));
    expect(Object.keys(settings.taskTypes[0]).sort()).toEqual(["DefaultName", "HideFromCalendarView", "HideFromTaskList", "Icon", "IsActive", "TaskTypeId", "TypeName"]);
    expect(Object.keys(settings.activityTypes[0]).sort()).toEqual(["ActivityTypeId", "IsActive", "ShowInJobShare", "TypeName"]);
    expect(Object.keys(settings.sources[0]).sort()).toEqual(["IsActive", "JobSourceId", "SourceName"]);
    expect(Object.keys(settings.fileTypes[0]).sort()).toEqual(["FileTypeId", "IsActive", "TypeName"]);
  });

  it("§3f ?field=groups returns the groups: {name, managers, members} of user ids", async () => {
    const { users } = await account();
    const { status, json } = await api1("/account/settings?field=groups");
    expect(status).toBe(200);
    expect(Array.isArray(json)).toBe(true);
    const ids = new Set(users.map((u: Json) => u.id));
    for (const group of json) {
      expect(Object.keys(group).sort()).toEqual(["managers", "members", "name"]);
      for (const id of [...group.managers, ...group.members]) expect(ids.has(id)).toBe(true);
    }
  });

  it("§3f account users: {users: [{first_name, last_name, image_url, id, calendar_color, email, is_active}], date_updated}", async () => {
    const { status, json } = await api1("/account/users");
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(["date_updated", "users"]);
    expect(Number.isInteger(json.date_updated)).toBe(true);
    expect(json.users.length).toBeGreaterThanOrEqual(6);
    for (const user of json.users) expect(Object.keys(user).sort()).toEqual(["calendar_color", "email", "first_name", "id", "image_url", "is_active", "last_name"]);
  });

  it("§3f utility/uoms is a JSON array of unit names", async () => {
    const { json } = await api1("/utility/uoms");
    expect(json).toContain("SQ");
    expect(json.every((u: unknown) => typeof u === "string")).toBe(true);
  });

  it("§3f POST /account/* creates a setting, or returns the one that has that name", async () => {
    const first = await api1("/account/leadsource", { method: "POST", body: { SourceName: "Radio Ad", IsActive: true } });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ SourceName: "Radio Ad", IsActive: true, JobSourceId: expect.any(Number) });
    const again = await api1("/account/leadsource", { method: "POST", body: { SourceName: "radio ad" } });
    expect(again.json).toEqual(first.json);
    const workflow = await api1("/account/workflow", { method: "POST", body: { name: "Solar", object_type: "job" } });
    expect(workflow.json).toMatchObject({ name: "Solar", object_type: "job", status: [] });
    const status = await api1(`/account/workflow/${workflow.json.id}/status`, { method: "POST", body: { name: "Site Survey", is_lead: true } });
    expect(status.json).toMatchObject({ name: "Site Survey", is_lead: true, is_active: true });
    const field = await api1("/account/customfield", { method: "POST", body: { title: "Gate code", object_type: "job", type: "string" } });
    expect(field.json.field).toMatch(/^cf_string_\d+$/);
    // The new names work in writes at once.
    const job = await api1("/jobs", { method: "POST", body: { name: "Panels – 5 Sun St", record_type_name: "Solar", status_name: "Site Survey", source_name: "Radio Ad" } });
    expect(job.status).toBe(200);
    expect(job.json).toMatchObject({ record_type: workflow.json.id, status: status.json.id, source: first.json.JobSourceId });
  });

  it("§3g POST /files/v1/uploads/url answers {data: {url, jnid}}; the bytes PUT there without auth; the file is listed under files", async () => {
    const job = await someJob();
    const { url, jnid } = await startUpload([job.jnid]);
    expect(url.startsWith(server.url)).toBe(true);
    const bytes = Buffer.from(PNG_1PX, "base64");
    const put = await fetch(url, { method: "PUT", body: bytes, headers: { "Content-Type": "image/png" } });
    expect(put.status).toBe(200);
    const listed = (await api1(`/files?filter=${filter({ must: [{ term: { jnid } }] })}`)).json.files;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ jnid, filename: "ridge.png", content_type: "image/png", size: bytes.length, record_type: 2, record_type_name: "Photo" });
    expect(listed[0].primary.id).toBe(job.jnid);
    const download = await fetch(`${server.url}/api1/files/${jnid}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it("§3g POST /files/v1/uploads/{jnid}/complete?generateThumbnail=true answers {data: {jnid, thumbnailUrl}}", async () => {
    const job = await someJob();
    const { url, jnid } = await startUpload([job.jnid]);
    await fetch(url, { method: "PUT", body: Buffer.from(PNG_1PX, "base64") });
    const { status, json } = await call(`/files/v1/uploads/${jnid}/complete?generateThumbnail=true`, { method: "POST" });
    expect(status).toBe(200);
    expect(json).toEqual({ data: { jnid, thumbnailUrl: expect.stringMatching(/^http:\/\//) } });
    const thumbnail = await fetch(json.data.thumbnailUrl);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get("content-type")).toBe("image/png");
  });

  it("§3g a presigned URL works for 15 minutes and not after", async () => {
    const job = await someJob();
    const early = await startUpload([job.jnid]);
    const late = await startUpload([job.jnid]);
    try {
      clockOffsetMs = 14 * 60 * 1000;
      expect((await fetch(early.url, { method: "PUT", body: "ok" })).status).toBe(200);
      clockOffsetMs = 15 * 60 * 1000 + 2000;
      const expired = await fetch(late.url, { method: "PUT", body: "too late" });
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain("Request has expired");
    } finally {
      clockOffsetMs = 0;
    }
  });

  it("§3g multipart: multi-urls gives one presigned URL per part, multi-complete joins them, multi-abort cancels", async () => {
    const job = await someJob();
    const started = await call("/files/v1/uploads/multi-urls", { method: "POST", body: { partCount: 2, fileSize: 10, filename: "notes.txt", type: 1, related: [job.jnid] } });
    expect(started.status).toBe(200);
    const { jnid, key: uploadKey, uploadId, presignedUrls } = started.json.data;
    expect(presignedUrls).toHaveLength(2);
    expect(uploadKey).toMatch(new RegExp(`^[0-9a-z]+/${jnid}$`));
    await fetch(presignedUrls[1], { method: "PUT", body: "world" });
    const early = await call("/files/v1/uploads/multi-complete", { method: "POST", body: { key: uploadKey, uploadId } });
    expect(early.status).toBe(409);
    await fetch(presignedUrls[0], { method: "PUT", body: "hello" });
    const done = await call("/files/v1/uploads/multi-complete", { method: "POST", body: { key: uploadKey, uploadId } });
    expect(done.status).toBe(200);
    const res = await fetch(`${server.url}/api1/files/${jnid}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(await res.text()).toBe("helloworld");

    const other = (await call("/files/v1/uploads/multi-urls", { method: "POST", body: { partCount: 1, filename: "x.txt", type: 1, related: [job.jnid] } })).json.data;
    expect((await call("/files/v1/uploads/multi-abort", { method: "POST", body: { key: other.key, uploadId: other.uploadId } })).status).toBe(200);
    expect((await fetch(other.presignedUrls[0], { method: "PUT", body: "x" })).status).toBe(403);
  });

  it("§3h v2 products: list, create, get and update", async () => {
    const list = (await api1("/v2/products?size=5")).json;
    expect(Object.keys(list).sort()).toEqual(["count", "results"]);
    const body = { name: "Copper valley flashing", item_type: "material", uoms: [{ uom: "LF", material: { cost: 6, price: 14 }, labor: { cost: 0, price: 0 } }] };
    const created = await api1("/v2/products", { method: "POST", body });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ type: "product", name: "Copper valley flashing", location_id: 1, jnid: expect.any(String), created_by: expect.any(String) });
    expect((await api1(`/v2/products/${created.json.jnid}`)).json).toEqual(created.json);
    const updated = await api1(`/v2/products/${created.json.jnid}`, { method: "PUT", body: { description: "16 oz copper" } });
    expect(updated.json.description).toBe("16 oz copper");
  });

  it("§3h v2 work orders: size up to 10,000, and count is every work order in the account", async () => {
    const all = (await api1("/v2/workorders?size=10000")).json;
    expect(all.results.length).toBe(all.count);
    const page = (await api1("/v2/workorders?size=3&from=0")).json;
    expect(page.results).toHaveLength(3);
    expect(page.count).toBe(all.count);
    expect(page.results[0]).toMatchObject({ type: "workorder", record_type_name: "Work Order" });
    expect(Object.keys(page.results[0]).some((k) => /^cf_boolean_\d+$/.test(k))).toBe(true);
  });

  it("§3h v2 estimates: POST needs is_active, items, related (the job), an integer status and type \"estimate\"", async () => {
    const job = await someJob();
    const bad = await refusal("/v2/estimates", { items: [] });
    for (const field of ["is_active", "related", "status", "type"]) expect(bad).toContain(`${field} is required`);
    const body = { is_active: true, items: [{ name: "Ridge vent", quantity: 3, price: 26, amount: 78 }], related: [{ id: job.jnid, type: "job" }], status: 1, type: "estimate" };
    const { status, json } = await api1("/v2/estimates", { method: "POST", body });
    expect(status).toBe(200);
    expect(json).toMatchObject({ type: "estimate", status: 1, is_active: true, related: [{ id: job.jnid, type: "job" }] });
    expect((await api1(`/v2/estimates/${json.jnid}`, { method: "PUT", body: { is_active: false } })).json.is_active).toBe(false);
  });

  it("§3h v2 invoices and material orders list as {count, results}, get and update", async () => {
    for (const path of ["/v2/invoices", "/v2/materialorders"]) {
      const list = (await api1(`${path}?size=1`)).json;
      expect(Object.keys(list).sort(), path).toEqual(["count", "results"]);
      const one = list.results[0];
      expect((await api1(`${path}/${one.jnid}`)).json).toEqual(one);
      expect((await api1(`${path}/${one.jnid}`, { method: "PUT", body: { is_active: false } })).json.is_active).toBe(false);
    }
  });

  it("§4 size defaults to 1000 and from is a zero-based offset", async () => {
    const all = (await api1("/contacts")).json;
    expect(all.results).toHaveLength(1000);
    const tail = (await api1(`/contacts?from=${all.count - 5}`)).json;
    expect(tail.results).toHaveLength(5);
    const second = (await api1("/contacts?size=2&from=1")).json.results;
    expect(second.map((r: Json) => r.jnid)).toEqual(all.results.slice(1, 3).map((r: Json) => r.jnid));
  });

  it("§4 sort_field defaults to date_created and sort_direction to desc", async () => {
    const dates = (await api1("/tasks?size=200")).json.results.map((r: Json) => r.date_created);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const asc = (await api1("/contacts?size=50&sort_field=recid&sort_direction=asc")).json.results.map((r: Json) => r.recid);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc[0]).toBe(1);
  });

  it("§4 fields is a comma-separated list that trims each record", async () => {
    const { json } = await api1("/contacts?size=3&fields=jnid,display_name");
    for (const record of json.results) expect(Object.keys(record)).toEqual(["jnid", "display_name"]);
  });

  it("§4 filter: the documented must + range on date_created", async () => {
    const total = (await api1("/contacts?size=1")).json.count;
    const to = Math.floor(Date.now() / 1000);
    const from = to - 60 * 86400;
    const { json } = await api1(`/contacts?size=10000&filter=${filter({ must: [{ range: { date_created: { gte: from, lte: to } } }] })}`);
    expect(json.count).toBeGreaterThan(0);
    expect(json.count).toBeLessThan(total);
    expect(json.results).toHaveLength(json.count);
    for (const r of json.results) expect(r.date_created >= from && r.date_created <= to).toBe(true);
  });

  it("§4 filter: term on related.id gives exactly the files of one job (observed)", async () => {
    const file = (await api1("/files?size=1")).json.files[0];
    const jobId = file.related.find((r: Json) => r.type === "job").id;
    const { json } = await api1(`/files?filter=${filter({ must: [{ term: { "related.id": jobId } }] })}`);
    expect(json.count).toBeGreaterThan(0);
    expect(json.count).toBe(json.files.length);
    for (const f of json.files) expect(f.related.map((r: Json) => r.id)).toContain(jobId);
  });

  it("§4 count is how many match, not how many came back", async () => {
    const job = (await api1(`/jobs?size=1&filter=${filter({ must: [{ term: { number: FIXED_JOB.number } }] })}`)).json;
    expect(job.count).toBe(1);
    const page = (await api1(`/activities?size=2&filter=${filter({ must: [{ term: { "primary.id": job.results[0].jnid } }] })}`)).json;
    expect(page.activity).toHaveLength(2);
    expect(page.count).toBeGreaterThan(2);
  });

  it("§5 common fields: jnid, recid and number, customer, type, created_by(_name), unix-second dates, owners [{id}]", async () => {
    const { users } = await account();
    const userIds = new Set(users.map((u: Json) => u.id));
    const records = [
      (await api1("/contacts?size=1")).json.results[0],
      (await api1("/jobs?size=1")).json.results[0],
      (await api1("/tasks?size=1")).json.results[0],
      (await api1("/activities?size=1")).json.activity[0],
      (await api1("/files?size=1")).json.files[0],
    ];
    expect(records.map((r) => r.type)).toEqual(["contact", "job", "task", "activity", "attachment"]);
    expect(new Set(records.map((r) => r.customer)).size).toBe(1);
    for (const r of records) {
      expect(r.jnid).toMatch(/^[0-9a-z]+$/);
      expect(userIds.has(r.created_by)).toBe(true);
      expect(typeof r.created_by_name).toBe("string");
      for (const field of ["date_created", "date_updated"]) {
        expect(Number.isInteger(r[field])).toBe(true);
        expect(r[field]).toBeLessThan(4102444800); // seconds, not milliseconds
      }
      for (const owner of r.owners) expect(Object.keys(owner)).toEqual(["id"]);
    }
    for (const r of records.slice(0, 3)) expect(r.number).toBe(String(r.recid));
  });

  it("§5 location is {id, parent_id, name} on contacts, {id, parent_id} on jobs, {id} on tasks and activities", async () => {
    expect(Object.keys((await api1("/contacts?size=1")).json.results[0].location).sort()).toEqual(["id", "name", "parent_id"]);
    expect(Object.keys((await api1("/jobs?size=1")).json.results[0].location).sort()).toEqual(["id", "parent_id"]);
    expect(Object.keys((await api1("/tasks?size=1")).json.results[0].location)).toEqual(["id"]);
    expect(Object.keys((await api1("/activities?size=1")).json.activity[0].location)).toEqual(["id"]);
  });

  it("§5, §7.5 a job's primary is its contact as {id, name, number, type}; files' related leave number out", async () => {
    const job = await someJob();
    expect(Object.keys(job.primary).sort()).toEqual(["id", "name", "number", "type"]);
    const contact = (await api1(`/contacts/${job.primary.id}`)).json;
    expect(job.primary).toEqual({ id: contact.jnid, name: contact.display_name, number: contact.number, type: "contact" });
    const file = (await api1("/files?size=1")).json.files[0];
    for (const ref of file.related) expect(Object.keys(ref).sort()).toEqual(["id", "name", "type"]);
  });

  it("§5, §7.2 reads carry workflow and status ids with their names, matching the account's settings", async () => {
    const { settings } = await account();
    const job = await someJob();
    const workflow = settings.workflows.find((w: Json) => w.id === job.record_type);
    expect(workflow).toMatchObject({ object_type: "job", name: job.record_type_name });
    expect(workflow.status.find((s: Json) => s.id === job.status)?.name).toBe(job.status_name);
    const ids = settings.workflows.flatMap((w: Json) => w.status.map((s: Json) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("§5b the fixed job #1043 is in Residential Roofing, status Estimating, with its notes", async () => {
    const { json } = await api1(`/jobs?filter=${filter({ must: [{ term: { number: "1043" } }] })}`);
    expect(json.results[0]).toMatchObject({ number: "1043", record_type_name: FIXED_JOB.workflow, status_name: FIXED_JOB.status, is_active: true });
    const notes = (await api1(`/activities?filter=${filter({ must: [{ term: { "primary.id": json.results[0].jnid } }, { term: { is_editable: true } }] })}`)).json;
    expect(notes.count).toBeGreaterThanOrEqual(6);
  });

  it("§7.1 dates in filters are unix seconds too", async () => {
    const { json } = await api1(`/tasks?size=5&filter=${filter({ must: [{ range: { date_start: { gte: 1000000000, lt: 4102444800 } } }] })}`);
    expect(json.count).toBeGreaterThan(0);
  });
});

describe("the mock's choices where the facts are silent (mock/README.md)", () => {
  it("guess: DELETE, PATCH and other methods on /api1 answer 405 with Allow and how to delete instead", async () => {
    const list = await api1("/contacts", { method: "DELETE" });
    expect(list.status).toBe(405);
    expect(list.res.headers.get("allow")).toBe("GET, POST");
    const one = await api1("/contacts/abc", { method: "PATCH", body: {} });
    expect(one.status).toBe(405);
    expect(one.res.headers.get("allow")).toBe("GET, PUT");
    expect(one.json.body).toContain('PUT {"is_active": false}');
  });

  it("guess: legacy errors other than 401 are {status, body} with a plain sentence", async () => {
    const missing = await api1("/jobs/nosuchjob");
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ status: 404, body: 'No job has jnid "nosuchjob".' });
    const nowhere = await api1("/widgets");
    expect(nowhere.status).toBe(404);
    expect(nowhere.json.status).toBe(404);
    const broken = await api1("/contacts", { method: "POST", raw: '{"first_name":', headers: { "Content-Type": "application/json" } });
    expect(broken.status).toBe(400);
    expect(broken.json.body).toMatch(/not valid JSON/);
  });

  it("guess: the read-only demo key gets 403 {status, body} on legacy writes", async () => {
    const { status, json } = await api1("/contacts", { method: "POST", key: DEMO_READONLY_KEY, body: { first_name: "No" } });
    expect(status).toBe(403);
    expect(json).toEqual({ status: 403, body: "This API key's access profile does not allow POST on /api1/contacts." });
    expect((await api1("/contacts?size=1", { key: DEMO_READONLY_KEY })).status).toBe(200);
  });

  it("guess: size is at most 10,000 on every list; more, or a size that is no whole number, is a 400 naming size", async () => {
    expect((await api1("/activities?size=10000")).status).toBe(200);
    for (const bad of ["10001", "-1", "ten"]) {
      const { status, json } = await api1(`/activities?size=${bad}`);
      expect(status, bad).toBe(400);
      expect(json.body).toContain('"size"');
    }
  });

  it("guess: inactive (deleted) records stay in lists; filter on is_active to leave them out", async () => {
    const inactive = (await api1(`/jobs?filter=${filter({ must: [{ term: { is_active: false } }] })}`)).json.count;
    const active = (await api1(`/jobs?filter=${filter({ must: [{ term: { is_active: true } }] })}`)).json.count;
    const all = (await api1("/jobs?size=1")).json.count;
    expect(inactive).toBeGreaterThan(0);
    expect(active + inactive).toBe(all);
  });

  it("guess: an actor that is not an active user is refused with 400 naming the email", async () => {
    const { users } = await account();
    const former = users.find((u: Json) => !u.is_active)!;
    for (const email of ["nobody@example.com", former.email]) {
      const { status, json } = await api1(`/contacts?size=1&actor=${encodeURIComponent(email)}`);
      expect(status, email).toBe(400);
      expect(json.body).toContain(email);
    }
  });

  it("guess: without actor, writes are attributed to the account owner", async () => {
    const { users } = await account();
    const contact = await newContact();
    expect(contact.created_by).toBe(users[0].id);
    expect(contact.created_by_name).toBe(`${users[0].first_name} ${users[0].last_name}`);
  });

  it("guess: 50 requests a second per key, then 429 with Retry-After; no rate-limit headers otherwise", async () => {
    const burst = "test-burst-contract";
    const answers = await Promise.all(Array.from({ length: 80 }, () => fetch(`${server.url}/api1/nothing`, { headers: { Authorization: `Bearer ${burst}` } })));
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited[0]!.json()).toMatchObject({ status: 429, body: expect.stringContaining("50 requests per second") });
    await Promise.all(answers.map((r) => (r.bodyUsed ? null : r.arrayBuffer())));
    const ok = await api1("/contacts?size=1");
    expect(ok.res.headers.get("x-ratelimit-limit")).toBeNull();
    expect(ok.res.headers.get("x-ratelimit-remaining")).toBeNull();
  });

  it("guess: Platform errors beyond 401 and 403 are Problem Details of the same family, with a detail", async () => {
    const { status, json, res } = await call("/files/v1/uploads/url", { method: "POST", body: { filename: "x.png", type: 999, related: [] } });
    expect(status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(json).toMatchObject({ type: "https://tools.ietf.org/html/rfc7231#section-6.5.1", title: "Bad Request", status: 400 });
    expect(json.detail).toContain("type 999 is not a file type");
    expect(json.detail).toContain("related is required");
    const method = await call("/files/v1/uploads/url");
    expect(method.status).toBe(405);
    expect(method.res.headers.get("allow")).toBe("POST");
  });

  it("guess: completing an upload before its bytes are there is a 409 problem; an unknown jnid a 404 problem", async () => {
    const job = await someJob();
    const { jnid } = await startUpload([job.jnid]);
    const early = await call(`/files/v1/uploads/${jnid}/complete`, { method: "POST" });
    expect(early.status).toBe(409);
    expect(early.json.title).toBe("Conflict");
    const unknown = await call("/files/v1/uploads/nosuchupload/complete", { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(unknown.json.type).toBe("https://tools.ietf.org/html/rfc7231#section-6.5.4");
  });

  it("guess: a presigned URL with a wrong signature is refused like an object store would (403, XML)", async () => {
    const job = await someJob();
    const { url } = await startUpload([job.jnid]);
    const tampered = url.replace(/signature=([0-9a-f])/, (_, c: string) => `signature=${c === "0" ? "1" : "0"}`);
    const res = await fetch(tampered, { method: "PUT", body: "x" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/xml");
    expect(await res.text()).toContain("SignatureDoesNotMatch");
  });

  it("guess: an unknown sort_field or a sort_direction other than asc/desc is a 400 naming it", async () => {
    const field = await api1("/jobs?sort_field=shoe_size");
    expect(field.status).toBe(400);
    expect(field.json.body).toContain("sort_field");
    const direction = await api1("/jobs?sort_field=number&sort_direction=up");
    expect(direction.status).toBe(400);
    expect(direction.json.body).toContain("sort_direction");
  });

  it("guess: a filter that is not JSON, or has an unknown clause, is a 400 naming the problem", async () => {
    const notJson = await api1(`/contacts?filter=${encodeURIComponent("{must:[")}`);
    expect(notJson.status).toBe(400);
    expect(notJson.json.body).toContain('"filter"');
    expect(notJson.json.body).toContain("not valid JSON");
    const unknown = await api1(`/contacts?filter=${filter({ must: [{ fuzzy: { city: "Denvr" } }] })}`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.body).toContain('unknown clause "fuzzy"');
  });

  it("guess: Elasticsearch-like extras, unconfirmed: should, must_not, terms, match, prefix, exists, nested bool", async () => {
    const count = async (f: unknown) => (await api1(`/jobs?size=1&filter=${filter(f)}`)).json.count as number;
    const sold = await count({ must: [{ term: { status_name: "Sold" } }] });
    const lost = await count({ must: [{ term: { status_name: "Lost" } }] });
    expect(await count({ should: [{ term: { status_name: "Sold" } }, { term: { status_name: "Lost" } }] })).toBe(sold + lost);
    expect(await count({ must: [{ terms: { status_name: ["Sold", "Lost"] } }] })).toBe(sold + lost);
    const all = await count({});
    expect(await count({ must_not: [{ term: { status_name: "Sold" } }] })).toBe(all - sold);
    expect(await count({ bool: { must: [{ bool: { should: [{ term: { status_name: "Sold" } }] } }] } })).toBe(sold);
    const matched = (await api1(`/contacts?size=100&filter=${filter({ must: [{ match: { display_name: "martinez" } }] })}`)).json.results;
    expect(matched.length).toBeGreaterThan(0);
    for (const r of matched) expect(r.display_name.toLowerCase()).toContain("martinez");
    const prefixed = (await api1(`/jobs?size=50&filter=${filter({ must: [{ prefix: { number: "104" } }] })}`)).json.results;
    for (const r of prefixed) expect(r.number.startsWith("104")).toBe(true);
    const linked = await count({ must: [{ exists: { field: "primary.id" } }] });
    expect(linked).toBeGreaterThan(all * 0.9);
    expect(linked + (await count({ must_not: [{ exists: { field: "primary.id" } }] }))).toBe(all);
  });

  it("guess: fields trims a single record too", async () => {
    const job = await someJob();
    expect((await api1(`/jobs/${job.jnid}?fields=number,name`)).json).toEqual({ number: job.number, name: job.name });
  });

  it("guess: system activities are written on the mock's own writes: Modified on a change, Deleted when is_active goes false", async () => {
    const contact = await newContact();
    await api1(`/contacts/${contact.jnid}`, { method: "PUT", body: { city: "Allen" } });
    await api1(`/contacts/${contact.jnid}`, { method: "PUT", body: { is_active: false } });
    const log = (await api1(`/activities?sort_direction=asc&filter=${filter({ must: [{ term: { "primary.id": contact.jnid } }] })}`)).json.activity;
    expect(log.map((a: Json) => a.record_type_name)).toEqual(["Contact Created", "Contact Modified", "Contact Deleted"]);
  });

  it("guess: fields a write does not know are ignored; custom fields (cf_*) are kept", async () => {
    const contact = await newContact({ favourite_colour: "teal", cf_string_1: "Gate 4411" });
    expect(contact).not.toHaveProperty("favourite_colour");
    expect(contact.cf_string_1).toBe("Gate 4411");
  });

  it("guess: without display_name, a contact shows first and last name, or else the company", async () => {
    expect((await newContact({ first_name: "Ada", last_name: "Brook" })).display_name).toBe("Ada Brook");
    expect((await newContact({ first_name: "", last_name: "", company: "Brook Roofing" })).display_name).toBe("Brook Roofing");
  });

  it("guess: work orders take the account's work-order workflow and its first status when none is named", async () => {
    const job = await someJob();
    const { status, json } = await api1("/v2/workorders", { method: "POST", body: { name: "Tear-off crew", related: [{ id: job.jnid }] } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ type: "workorder", record_type_name: "Work Order", status_name: "Scheduled" });
  });

  it("guess: GET /files/{jnid} answers the bytes itself rather than redirecting", async () => {
    const file = (await api1("/files?size=1")).json.files[0];
    const res = await fetch(`${server.url}/api1/files/${file.jnid}`, { headers: { Authorization: `Bearer ${key}` }, redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${file.filename}"`);
    await res.arrayBuffer();
  });

  it("guess: POST /files/fromUrl does not fetch the URL; it stores a stand-in and answers the record with an id", async () => {
    const job = await someJob();
    const { json } = await api1("/files/fromUrl", { method: "POST", body: { url: "https://example.com/report.pdf", type: "Document", related: [job.jnid], name: "report.pdf" } });
    expect(json).toMatchObject({ id: json.jnid, filename: "report.pdf", content_type: "application/pdf", record_type: 1 });
    const res = await fetch(`${server.url}/api1/files/${json.jnid}`, { headers: { Authorization: `Bearer ${key}` } });
    expect((await res.text()).startsWith("%PDF")).toBe(true);
  });

  it("guess: an unknown ?field= of the settings is a 400 listing the fields", async () => {
    const { status, json } = await api1("/account/settings?field=shoes");
    expect(status).toBe(400);
    expect(json.body).toContain("workflows");
  });

  it("guess: HEAD goes wherever GET does", async () => {
    const res = await fetch(`${server.url}/api1/contacts?size=1`, { method: "HEAD", headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("guess: activities and files may be updated with PUT", async () => {
    const note = (await api1(`/activities?size=1&filter=${filter({ must: [{ term: { is_editable: true } }] })}`)).json.activity[0];
    expect((await api1(`/activities/${note.jnid}`, { method: "PUT", body: { is_active: false } })).json.is_active).toBe(false);
    const file = (await api1("/files?size=1")).json.files[0];
    const updated = await api1(`/files/${file.jnid}`, { method: "PUT", body: { description: "Ridge close-up", record_type: 101, size: 1 } });
    expect(updated.json).toMatchObject({ description: "Ridge close-up", record_type: 101, record_type_name: "Insurance Scope", size: file.size });
  });

  it("guess: product item_type is material, labor or labor+material", async () => {
    const bad = await refusal("/v2/products", { name: "Crane hire", item_type: "equipment" });
    expect(bad).toContain('item_type "equipment"');
    const labour = await api1("/v2/products", { method: "POST", body: { name: "Crane hire", item_type: "labor+material" } });
    expect(labour.json.item_type).toBe("labor+material");
  });

  it("guess: estimate and invoice status numbers in the seed are 1 to 4", async () => {
    for (const path of ["/v2/estimates", "/v2/invoices"]) {
      const statuses = new Set((await api1(`${path}?size=10000&fields=status`)).json.results.map((r: Json) => r.status));
      for (const status of statuses) expect([1, 2, 3, 4], path).toContain(status);
    }
  });

  it("guess: team members are not listed among contacts", async () => {
    const { users } = await account();
    const { json } = await api1(`/contacts?filter=${filter({ must: [{ terms: { jnid: users.map((u: Json) => u.id) } }] })}`);
    expect(json.count).toBe(0);
  });

  it("guess: a legacy body over 10 MB is a 413 {status, body}", async () => {
    const { status, json } = await api1("/contacts", { method: "POST", raw: JSON.stringify({ note: "x".repeat(10 * 1024 * 1024 + 1) }), headers: { "Content-Type": "application/json" } });
    expect(status).toBe(413);
    expect(json.status).toBe(413);
  });

  it("guess: every answer has X-Request-Id and Cache-Control: no-store", async () => {
    const { res } = await api1("/contacts?size=1");
    expect(res.headers.get("x-request-id")).toMatch(/\S{8,}/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("mock-only: ?simulate=deprecated adds the deprecation headers to any endpoint, Platform included", async () => {
    for (const path of ["/api1/contacts?size=1&simulate=deprecated", "/nothing?simulate=deprecated"]) {
      const { res } = await call(path);
      expect(res.headers.get("deprecation"), path).toMatch(/^@\d+$/);
      expect(res.headers.get("sunset"), path).toBe("Wed, 30 Jun 2027 23:59:59 UTC");
      expect(res.headers.get("link"), path).toBe(DEPRECATION_LINK);
    }
    expect((await api1("/contacts?size=1")).res.headers.get("deprecation")).toBeNull();
  });

  it("mock-only: ?simulate=rate-limit and server-error answer in each API's own error shape", async () => {
    const legacy = await api1("/contacts?simulate=rate-limit");
    expect(legacy.status).toBe(429);
    expect(legacy.res.headers.get("retry-after")).toBe("5");
    expect(legacy.json.status).toBe(429);
    const platform = await call("/files/v1/uploads/url?simulate=server-error", { method: "POST" });
    expect(platform.status).toBe(500);
    expect(platform.json).toMatchObject({ type: "https://tools.ietf.org/html/rfc7231#section-6.6.1", status: 500 });
  });

  it("mock-only: no invented service is left: an earlier version's crm/v1 answers like any unknown Platform path", async () => {
    for (const path of ["/crm/v1/contacts", "/crm/v1/contacts/nosuchid", "/crm/v1/activities/feed"]) {
      const { status, json } = await call(path);
      expect(status, path).toBe(404);
      expect(json, path).toEqual({ message: "Not Found" });
    }
  });
});
