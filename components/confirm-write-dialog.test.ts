import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyDraft, newRow, type RequestDraft } from "@/lib/request/request-model";
import { confirmationForDraft } from "./confirm-write-dialog";

type Call = { url: string; init: RequestInit; headers: Headers };

function answerWith(response: () => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ url, init, headers: new Headers(init.headers) });
      return Promise.resolve(response());
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const deleteContact: RequestDraft = {
  ...emptyDraft(),
  upstream: "legacy",
  method: "DELETE",
  path: "contacts/{jnid}",
  pathParams: { jnid: "c1" },
  headers: [newRow("If-Match", "abc")],
};

describe("confirmationForDraft", () => {
  it("reads the record with a plain GET through the proxy and asks for its name to be typed", async () => {
    const calls = answerWith(() => new Response('{"jnid":"c1","first_name":"Ada","last_name":"Lovelace"}', { headers: { "content-type": "application/json" } }));
    const confirmation = await confirmationForDraft(deleteContact);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("/api/proxy/contacts/c1");
    expect(calls[0]!.init.method).toBe("GET");
    expect(calls[0]!.init.body).toBeUndefined();
    expect([...calls[0]!.headers.keys()].sort()).toEqual(["x-console-upstream", "x-csrf"]);
    expect(calls[0]!.headers.get("x-console-upstream")).toBe("legacy");
    expect(confirmation.typed).toBe("Ada Lovelace");
    expect(confirmation.warning).toBeNull();
  });

  it("says the record could not be read when the GET fails, and asks for its id instead", async () => {
    answerWith(() => new Response('{"status":404}', { status: 404, headers: { "content-type": "application/problem+json" } }));
    const confirmation = await confirmationForDraft(deleteContact);
    expect(confirmation.typed).toBe("c1");
    expect(confirmation.warning).toMatch(/could not read this contact/);
  });

  it("does not read anything for a create", async () => {
    const calls = answerWith(() => new Response("{}"));
    await confirmationForDraft({ ...emptyDraft(), upstream: "legacy", method: "POST", path: "contacts", body: '{"first_name":"Ada"}' });
    expect(calls).toHaveLength(0);
  });
});
