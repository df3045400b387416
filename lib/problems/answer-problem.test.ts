import { describe, expect, it } from "vitest";
import { fieldErrorsOf, problemFromAnswer, referenceOf } from "./answer-problem";

const JSON_TYPE = "application/json; charset=utf-8";

describe("problemFromAnswer: every shape of error answer as one problem", () => {
  it("RFC 9457 Problem Details, as problem+json or as plain JSON (ASP.NET sends both)", () => {
    const documented = { type: "https://tools.ietf.org/html/rfc7235#section-3.1", title: "Unauthorized", status: 401 };
    expect(problemFromAnswer("application/problem+json", documented, null, 401)).toEqual({ problem: documented, shape: "problem-details" });
    expect(problemFromAnswer(JSON_TYPE, { title: "Not Found" }, null, 404)).toEqual({ problem: { type: "about:blank", title: "Not Found", status: 404 }, shape: "problem-details" });
  });

  it("the legacy API's {status, body}: the body is the detail", () => {
    expect(problemFromAnswer(JSON_TYPE, { status: 401, body: "Authentication required" }, null, 401)).toEqual({
      problem: { type: "about:blank", status: 401, detail: "Authentication required" },
      shape: "status-body",
    });
  });

  it("{message}, {error} and the like, with their other members kept", () => {
    expect(problemFromAnswer(JSON_TYPE, { message: "Not Found" }, null, 404)).toEqual({ problem: { type: "about:blank", status: 404, detail: "Not Found" }, shape: "message" });
    expect(problemFromAnswer(JSON_TYPE, { error: { message: "bad key" }, code: 7 }, null, 400)).toEqual({ problem: { type: "about:blank", status: 400, detail: "bad key", code: 7 }, shape: "message" });
    expect(problemFromAnswer(JSON_TYPE, { errors: { email: ["is taken"] } }, null, 422)?.problem).toEqual({ type: "about:blank", status: 422, errors: { email: ["is taken"] } });
  });

  it("plain text, short enough to be a message", () => {
    expect(problemFromAnswer("text/plain", undefined, "Authentication required\n", 401)).toEqual({ problem: { type: "about:blank", status: 401, detail: "Authentication required" }, shape: "text" });
    expect(problemFromAnswer("text/plain", undefined, "x".repeat(5000), 500)).toBeNull();
  });

  it("none for a success, an HTML page, an empty body or JSON without words", () => {
    expect(problemFromAnswer(JSON_TYPE, { status: 200, body: "ok" }, null, 200)).toBeNull();
    expect(problemFromAnswer("text/html", undefined, "<h1>502 Bad Gateway</h1>", 502)).toBeNull();
    expect(problemFromAnswer("text/plain", undefined, "", 500)).toBeNull();
    expect(problemFromAnswer(JSON_TYPE, { count: 0 }, null, 500)).toBeNull();
    expect(problemFromAnswer("application/problem+json", "nope", null, 500)).toBeNull();
  });
});

describe("fieldErrorsOf", () => {
  it("reads an object of field → messages (ASP.NET validation problems) as a list of field and message", () => {
    const problem = { type: "about:blank", errors: { Email: ["The Email field is required.", "It must be an address."], "": ["The body is not valid."] } };
    expect(fieldErrorsOf(problem)).toEqual([
      { field: "Email", message: "The Email field is required." },
      { field: "Email", message: "It must be an address." },
      { field: null, message: "The body is not valid." },
    ]);
    expect(fieldErrorsOf({ type: "about:blank", errors: { name: "is required" } })).toEqual([{ field: "name", message: "is required" }]);
  });

  it("reads lists of {field, message} and of plain messages; anything else is no list", () => {
    expect(fieldErrorsOf({ type: "about:blank", errors: [{ field: "size", message: "must be at most 10000." }, "Something else", 7] })).toEqual([
      { field: "size", message: "must be at most 10000." },
      { field: null, message: "Something else" },
    ]);
    expect(fieldErrorsOf({ type: "about:blank", errors: "nope" })).toEqual([]);
    expect(fieldErrorsOf({ type: "about:blank" })).toEqual([]);
  });
});

describe("referenceOf", () => {
  it("finds the id a support desk can look the request up by", () => {
    expect(referenceOf({ type: "about:blank", traceId: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00" })).toBe("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    expect(referenceOf({ type: "about:blank", request_id: "r-1" })).toBe("r-1");
    expect(referenceOf({ type: "about:blank", traceId: " " })).toBeNull();
    expect(referenceOf({ type: "about:blank" })).toBeNull();
  });
});
