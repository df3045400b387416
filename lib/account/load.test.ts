import { afterEach, describe, expect, it, vi } from "vitest";
import { loadAccount } from "./load";

type Call = { url: string; headers: Headers };

function stubFetch(answer: (url: string) => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, headers: new Headers(init.headers) });
      return answer(url);
    }),
  );
  return calls;
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("loadAccount", () => {
  it("reads settings and users from the legacy API with the key in use", async () => {
    const calls = stubFetch((url) => (url.endsWith("settings") ? json({ workflows: [], taskTypes: [{ TypeName: "Call" }] }) : json({ users: [{ id: "u1", first_name: "Ann" }] })));
    const result = await loadAccount("team:office");
    expect(result).toMatchObject({ ok: true, account: { settings: { taskTypes: [{ TypeName: "Call" }] }, users: [{ id: "u1" }] } });
    expect(calls.map((c) => [c.url, c.headers.get("x-console-upstream"), c.headers.get("x-console-key-id"), c.headers.get("x-csrf")])).toEqual([
      ["/api/proxy/account/settings", "legacy", "team:office", "1"],
      ["/api/proxy/account/users", "legacy", "team:office", "1"],
    ]);
  });

  it("says which call failed and what its status means; a shape it cannot read is said too", async () => {
    stubFetch((url) => (url.endsWith("users") ? json({ status: 403, body: "no" }, 403) : json({ workflows: [] })));
    expect(await loadAccount("k")).toEqual({ ok: false, message: expect.stringMatching(/^JobNimbus answered 403 to GET account\/users\. The key works, but its access profile/) });
    stubFetch(() => json({ workflows: 7 }));
    expect(await loadAccount("k")).toEqual({ ok: false, message: expect.stringContaining("did not have the expected shape") });
  });
});
