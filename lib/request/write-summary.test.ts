import { describe, expect, it } from "vitest";
import { describeWrite, recordLabel, recordTarget, typedMatches, wantsRecord } from "./write-summary";

describe("recordTarget", () => {
  it("reads Platform and Legacy paths", () => {
    expect(recordTarget("platform", "example/v1/jobs/abc123")).toEqual({ noun: "job", id: "abc123" });
    expect(recordTarget("platform", "example/v1/contacts?limit=2")).toEqual({ noun: "contact", id: null });
    expect(recordTarget("legacy", "activities/x%20y")).toEqual({ noun: "activity", id: "x y" });
    expect(recordTarget("platform", "health")).toBeNull();
    expect(recordTarget("legacy", "a/b/c")).toBeNull();
  });
});

describe("describeWrite names what will change in words", () => {
  it("a create names the new record", () => {
    const c = describeWrite({ method: "POST", upstream: "platform", path: "example/v1/contacts", body: '{"first_name":"Jane","last_name":"Doe"}' });
    expect(c).toMatchObject({ summary: "Create contact Jane Doe", typed: null });
    expect(c.details).toEqual(["first_name: Jane", "last_name: Doe"]);
    expect(c.request).toEqual(["API: Platform API", "Method: POST", "Path: example/v1/contacts", "Body: JSON with 2 fields (first_name, last_name)", "Sent as: POST example/v1/contacts"]);
    expect(describeWrite({ method: "POST", upstream: "legacy", path: "activities", body: '{"note":"Roof looks fine"}' }).summary).toBe("Create activity “Roof looks fine”");
    expect(describeWrite({ method: "POST", upstream: "platform", path: "example/v1/jobs", body: "not json" }).summary).toBe("Create job");
  });

  it("a delete names the job by number and asks for it to be typed", () => {
    const c = describeWrite({ method: "DELETE", upstream: "platform", path: "example/v1/jobs/j1", body: "" }, { jnid: "j1", number: "1043", name: "Roof" });
    expect(c).toMatchObject({ summary: "Delete job #1043", typed: "1043", warning: null });
    expect(c.details[0]).toMatch(/cannot be undone/);
    const contact = describeWrite({ method: "DELETE", upstream: "platform", path: "example/v1/contacts/c1", body: "" }, { display_name: "Ann Lee" });
    expect(contact).toMatchObject({ summary: "Delete contact Ann Lee", typed: "Ann Lee" });
  });

  it("a delete of a record that could not be read asks for its id and warns", () => {
    const c = describeWrite({ method: "DELETE", upstream: "legacy", path: "tasks/t9", body: "" }, null);
    expect(c).toMatchObject({ summary: "Delete task t9", typed: "t9", warning: expect.stringMatching(/could not read this task/) });
  });

  it("an update lists the fields it changes", () => {
    const c = describeWrite({ method: "PATCH", upstream: "platform", path: "example/v1/contacts/c1", body: '{"email":"a@b.co"}' }, { display_name: "Ann Lee" });
    expect(c.summary).toBe("Update contact Ann Lee: email");
    expect(c.details).toContain("email → a@b.co");
    expect(describeWrite({ method: "PUT", upstream: "platform", path: "example/v1/jobs/j1", body: "{}" }, { number: "7" }).details).toContain("PUT replaces the record: fields left out may be cleared.");
  });

  it("anything else is still said plainly", () => {
    expect(describeWrite({ method: "POST", upstream: "platform", path: "example/v1/jobs/j1/close", body: "" }).summary).toBe("Send data to example/v1/jobs/j1/close");
    expect(describeWrite({ method: "DELETE", upstream: "platform", path: "x", body: "" }).typed).toBe("x");
  });
});

describe("describeWrite names every part that will be sent", () => {
  // The example: a title that named one contact hid a query that widened the delete.
  const shared = describeWrite(
    {
      method: "DELETE",
      upstream: "platform",
      path: "example/v1/contacts/123",
      body: "",
      query: [["ids", "1,2,3,4,5"], ["force", "true"]],
      headers: [["If-Match", "*"]],
      fromLink: true,
    },
    null,
  );

  it("says in the title that a query goes with it, and lists each parameter, header and the exact address", () => {
    expect(shared.summary).toBe("Delete contact 123 (with the query parameters ids, force)");
    expect(shared.request).toEqual([
      "API: Platform API",
      "Method: DELETE",
      "Path: example/v1/contacts/123",
      "Query parameter ids = 1,2,3,4,5",
      "Query parameter force = true",
      "Header If-Match: *",
      "Sent as: DELETE example/v1/contacts/123?ids=1%2C2%2C3%2C4%2C5&force=true",
    ]);
    expect(shared.typed).toBe("123");
  });

  it("marks a request that came from a share link, and only that one", () => {
    expect(shared.fromLink).toBe(true);
    expect(describeWrite({ method: "DELETE", upstream: "platform", path: "example/v1/contacts/123", body: "" }).fromLink).toBe(false);
  });

  it("writes out what could hide: invisible characters, empty values, edge spaces; says what the body is", () => {
    const c = describeWrite({
      method: "PUT",
      upstream: "legacy",
      path: "jobs/j1",
      body: "not json",
      query: [["note", "a\u200bb\nc"], ["empty", ""], ["pad", " x "]],
    });
    expect(c.request).toEqual([
      "API: Legacy API",
      "Method: PUT",
      "Path: jobs/j1",
      "Query parameter note = a\\u200bb\\u000ac",
      "Query parameter empty = (empty)",
      'Query parameter pad = " x "',
      "Body: 8 characters of text that is not a JSON object",
      "Sent as: PUT jobs/j1?note=a%E2%80%8Bb%0Ac&empty=&pad=%20x%20",
    ]);
    expect(c.summary).toBe("Update job j1 (with the query parameters note, empty, pad)");
    expect(describeWrite({ method: "POST", upstream: "platform", path: "example/v1/contacts", body: "" }).request).toContain("Body: none");
  });
});

describe("helpers", () => {
  it("reads the record first only for updates and deletes of one record", () => {
    expect(wantsRecord({ method: "DELETE", upstream: "platform", path: "example/v1/jobs/j1" })).toBe(true);
    expect(wantsRecord({ method: "PATCH", upstream: "legacy", path: "jobs/j1" })).toBe(true);
    expect(wantsRecord({ method: "POST", upstream: "platform", path: "example/v1/jobs" })).toBe(false);
    expect(wantsRecord({ method: "DELETE", upstream: "platform", path: "example/v1/jobs" })).toBe(false);
  });

  it("a typed number matches with or without #, names without caring about case or spaces", () => {
    expect(typedMatches("#1043", "1043")).toBe(true);
    expect(typedMatches(" 1043 ", "1043")).toBe(true);
    expect(typedMatches("104", "1043")).toBe(false);
    expect(typedMatches("ann  lee", "Ann Lee")).toBe(true);
    expect(typedMatches("", "")).toBe(false);
  });

  it("labels a record by number, name or title", () => {
    expect(recordLabel({ number: 1043 })).toEqual({ label: "#1043", typed: "1043" });
    expect(recordLabel({ first_name: "Jo", last_name: "Ng" })).toEqual({ label: "Jo Ng", typed: "Jo Ng" });
    expect(recordLabel({ title: "Inspect" })).toEqual({ label: "Inspect", typed: "Inspect" });
    expect(recordLabel({ note: "x" })).toBeNull();
  });
});
