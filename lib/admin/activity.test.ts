// /admin's activity: filters read from the address, every matching event exactly once across batches (also
// when many share a millisecond), pages whose "older events" link loses nothing, and the CSV of it all.
import { describe, expect, it } from "vitest";
import { memoryStore } from "@/lib/store/memory-store";
import type { ActivityEvent } from "@/lib/store/store";
import { activityCsv, activityPage, matchingEvents, PAGE_SIZE, readFilter } from "./activity";

const BASE = Date.now() - 60_000;
let counter = 0;
function event(msAfterBase: number, over: Partial<ActivityEvent> = {}): ActivityEvent {
  counter += 1;
  return { event: "proxy", time: new Date(BASE + msAfterBase).toISOString(), user: "jill@roofco.com", method: "GET", path: "/contacts", status: 200, outcome: "response", requestId: `r-${counter}`, ...over };
}

function storeWith(events: ActivityEvent[]) {
  const store = memoryStore(10);
  for (const one of events) store.recordActivity(one);
  return store;
}

async function all(generator: AsyncGenerator<ActivityEvent>): Promise<ActivityEvent[]> {
  const out: ActivityEvent[] = [];
  for await (const one of generator) out.push(one);
  return out;
}

describe("readFilter", () => {
  it("reads person (lower-cased), status and before; leaves out what it cannot read", () => {
    expect(readFilter(new URLSearchParams("person= Jill@RoofCo.com &status=403&before=2026-03-01T09:00:00.000Z"))).toEqual({
      person: "jill@roofco.com",
      status: 403,
      before: "2026-03-01T09:00:00.000Z",
    });
    expect(readFilter(new URLSearchParams("person=&status=abc&before=yesterday"))).toEqual({});
    expect(readFilter(new URLSearchParams("status=42"))).toEqual({});
  });
});

describe("matchingEvents", () => {
  it("gives every match once, newest first, across batches whose seams fall inside one millisecond", async () => {
    // 7 events in each of 5 milliseconds, read 3 at a time: every seam splits a millisecond.
    const events = Array.from({ length: 35 }, (_, i) => event(Math.floor(i / 7)));
    const got = await all(matchingEvents(storeWith(events), {}, 3));
    expect(got.map((one) => one.requestId).sort()).toEqual(events.map((one) => one.requestId).sort());
    expect(new Set(got.map((one) => one.requestId)).size).toBe(35);
    expect(got.map((one) => one.time)).toEqual([...got.map((one) => one.time)].sort().reverse());
  });

  it("filters by person and status", async () => {
    const store = storeWith([event(1), event(2, { user: "marcus@roofco.com" }), event(3, { status: 403, outcome: "refused" }), event(4, { user: "marcus@roofco.com", status: 403 })]);
    expect((await all(matchingEvents(store, { person: "marcus@roofco.com" }))).map((one) => one.status)).toEqual([403, 200]);
    expect((await all(matchingEvents(store, { status: 403 }))).map((one) => one.user)).toEqual(["marcus@roofco.com", "jill@roofco.com"]);
    expect(await all(matchingEvents(store, { person: "nobody@roofco.com" }))).toEqual([]);
  });
});

describe("activityPage", () => {
  it("gives a page and a link to older events that, followed, shows the rest and nothing twice", async () => {
    const events = Array.from({ length: PAGE_SIZE + 30 }, (_, i) => event(i));
    const store = storeWith(events);
    const first = await activityPage(store, {});
    expect(first.events).toHaveLength(PAGE_SIZE);
    expect(first.older).toBe(first.events.at(-1)!.time);
    const second = await activityPage(store, { before: first.older! });
    expect(second.events).toHaveLength(30);
    expect(second.older).toBeNull();
    expect(new Set([...first.events, ...second.events].map((one) => one.requestId)).size).toBe(PAGE_SIZE + 30);
  });

  it("never ends a page inside a millisecond: the events that share the last one's time come along", async () => {
    // Recorded in time order, as the trail is.
    const events = [...Array.from({ length: 5 }, () => event(1)), ...Array.from({ length: PAGE_SIZE + 5 }, () => event(10))];
    const first = await activityPage(storeWith(events), {});
    expect(first.events).toHaveLength(PAGE_SIZE + 5);
    expect(first.older).toBe(new Date(BASE + 10).toISOString());
  });
});

describe("activityCsv", () => {
  it("writes a header and one line per event, newest first, formula-like text defused", async () => {
    const store = storeWith([
      event(1, { key: "Office (shared)", shared: true, actor: "jill@roofco.com", upstream: "legacy", durationMs: 12 }),
      event(2, { event: "refused", user: "=cmd@evil.com", method: "POST", path: "/api/auth/callback/credentials", status: 401, outcome: "refused", reason: "wrong-password" }),
    ]);
    const text = await new Response(activityCsv(store, {})).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time,person,what,key,shared_key,acted_as,method,path,upstream,status,outcome,reason,duration_ms,request_id");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^[^,]+,'=cmd@evil\.com,refused,,,,POST,\/api\/auth\/callback\/credentials,,401,refused,wrong-password,,r-\d+$/);
    expect(lines[2]).toMatch(/^[^,]+,jill@roofco\.com,proxy,Office \(shared\),yes,jill@roofco\.com,GET,\/contacts,legacy,200,response,,12,r-\d+$/);
  });

  it("writes thousands of events in batches, each once, with one header", async () => {
    const store = storeWith(Array.from({ length: 2500 }, (_, i) => event(Math.floor(i / 3))));
    const lines = (await new Response(activityCsv(store, {})).text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2501);
    expect(lines.filter((line) => line.startsWith("time,"))).toHaveLength(1);
    expect(new Set(lines.slice(1).map((line) => line.split(",").at(-1))).size).toBe(2500);
  });
});
