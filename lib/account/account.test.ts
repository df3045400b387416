import { describe, expect, it } from "vitest";
import { choicesFrom, peopleById, readAccount, type Account } from "./account";
import { ACCOUNT_CACHE_KEY, forgetAccount, keep, ownerOf, readKept } from "./cache";
import { legacyCellText, personText } from "./display";

// Shapes as jobnimbus-api.md §5f gives them, with an inactive entry of each kind.
const settings = {
  workflows: [
    { id: 1, object_type: "contact", name: "Customer", is_active: true, status: [{ id: 2, name: "Inspection", is_active: true }, { id: 3, name: "Old", is_active: false }] },
    { id: 5, object_type: "job", name: "Residential", is_active: true, status: [{ id: 19, name: "Lead" }, { id: 20, name: "Sold" }] },
    { id: 6, object_type: "job", name: "Insurance", is_active: true, status: [{ id: 21, name: "Claim filed" }, { id: 22, name: "Sold" }] },
    { id: 7, object_type: "job", name: "Retired", is_active: false, status: [{ id: 23, name: "Gone" }] },
    { id: 8, object_type: "workorder", name: "Work Order", status: [{ id: 30, name: "Scheduled" }] },
  ],
  fileTypes: [{ FileTypeId: 1, TypeName: "Document", IsActive: true }],
  taskTypes: [{ TaskTypeId: 1, TypeName: "Inspection", IsActive: true }, { TaskTypeId: 2, TypeName: "Old task", IsActive: false }],
  activityTypes: [{ ActivityTypeId: 1, TypeName: "Note", ShowInJobShare: true, IsActive: true }],
  sources: [{ JobSourceId: 1, SourceName: "Referral", IsActive: true }, { JobSourceId: 2, SourceName: "Flyer", IsActive: false }],
};
const users = {
  users: [
    { id: "u1", first_name: "Dana", last_name: "Reyes", email: "dana@example.com", is_active: true, image_url: "", calendar_color: "#fff" },
    { id: "u2", first_name: "Sam", last_name: "Old", email: "sam@example.com", is_active: false },
    { id: "u3", first_name: "", last_name: null, email: "nameless@example.com", is_active: true },
  ],
  date_updated: 1700000000,
};

function account(): Account {
  const read = readAccount(settings, users, 1);
  if (!read.ok) throw new Error(read.message);
  return read.account;
}

describe("choices from the account", () => {
  it("workflows and statuses of one kind, active only; statuses of one workflow when it is named", () => {
    const a = account();
    expect(choicesFrom(a, "job-workflows").map((c) => c.value)).toEqual(["Residential", "Insurance"]);
    expect(choicesFrom(a, "contact-workflows").map((c) => c.value)).toEqual(["Customer"]);
    expect(choicesFrom(a, "job-statuses", "insurance").map((c) => c.value)).toEqual(["Claim filed", "Sold"]);
    expect(choicesFrom(a, "job-statuses").map((c) => c.value), "every job status once").toEqual(["Lead", "Sold", "Claim filed"]);
    expect(choicesFrom(a, "job-statuses", "Nope")).toEqual([]);
    expect(choicesFrom(a, "contact-statuses", "Customer").map((c) => c.value)).toEqual(["Inspection"]);
  });

  it("task and activity types and lead sources by name; team members by id or email, named", () => {
    const a = account();
    expect(choicesFrom(a, "task-types")).toEqual([{ value: "Inspection", label: "Inspection" }]);
    expect(choicesFrom(a, "activity-types")).toEqual([{ value: "Note", label: "Note" }]);
    expect(choicesFrom(a, "lead-sources")).toEqual([{ value: "Referral", label: "Referral" }]);
    expect(choicesFrom(a, "team-members")).toEqual([{ value: "u1", label: "Dana Reyes" }, { value: "u3", label: "nameless@example.com" }]);
    expect(choicesFrom(a, "team-emails")).toEqual([{ value: "dana@example.com", label: "Dana Reyes (dana@example.com)" }, { value: "nameless@example.com", label: "nameless@example.com (nameless@example.com)" }]);
    expect(peopleById(a).get("u2"), "an inactive member still names old records").toBe("Sam Old");
  });

  it("refuses answers of another shape, in words", () => {
    expect(readAccount({ workflows: "no" }, users)).toEqual({ ok: false, message: expect.stringContaining("account settings did not have the expected shape") });
    expect(readAccount(settings, [{ id: "u1" }])).toEqual({ ok: false, message: expect.stringContaining("team list") });
    expect(readAccount({}, { users: [] })).toMatchObject({ ok: true, account: { settings: { workflows: [] }, users: [] } });
  });
});

describe("kept for one sign-in and key", () => {
  const storage = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
  };

  it("comes back for the same person and key only; another key drops it; sign-out forgets it", () => {
    const s = storage();
    const mine = ownerOf("Editor@Test.local", "k1");
    keep(s, mine, account());
    expect(readKept(s, ownerOf("editor@test.local", "k1"))?.users).toHaveLength(3);
    expect(readKept(s, ownerOf("editor@test.local", "k2"))).toBeNull();
    expect(s.map.has(ACCOUNT_CACHE_KEY), "another key's choices are dropped").toBe(false);
    keep(s, mine, account());
    forgetAccount(s);
    expect(readKept(s, mine)).toBeNull();
  });

  it("reads what is kept like any answer: damaged text is dropped", () => {
    const s = storage();
    s.setItem(ACCOUNT_CACHE_KEY, "{not json");
    expect(readKept(s, "x")).toBeNull();
    s.setItem(ACCOUNT_CACHE_KEY, JSON.stringify({ owner: "x", account: { settings: { workflows: 3 }, users: [] } }));
    expect(readKept(s, "x")).toBeNull();
    expect(s.map.size).toBe(0);
  });
});

describe("records as people read them", () => {
  const people = new Map([["u1", "Dana Reyes"]]);

  it("names team members wherever an id stands for one, and keeps an unknown id", () => {
    expect(personText([{ id: "u1" }, { id: "zz" }], people)).toBe("Dana Reyes, zz");
    expect(personText("u1", people)).toBe("Dana Reyes");
    expect(personText(null, people)).toBeNull();
    expect(legacyCellText("owners", [{ id: "u1" }], people)).toBe("Dana Reyes");
    expect(legacyCellText("sales_rep", "u1", people)).toBe("Dana Reyes");
    expect(legacyCellText("created_by", "u9", people)).toBe("u9");
    expect(legacyCellText("owners", [], people)).toBe("");
    expect(legacyCellText("sales_rep", null, people)).toBe("");
    expect(legacyCellText("owners", 7, people), "not an id: shown as it is").toBeNull();
  });

  it("shows date_* unix seconds as dates, 0 as nothing, and leaves other members alone", () => {
    const shown = legacyCellText("date_created", 1_700_000_000, people);
    expect(shown).toBe(new Date(1_700_000_000_000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }));
    expect(shown).not.toMatch(/1700000000/);
    expect(legacyCellText("date_end", 0, people)).toBe("");
    expect(legacyCellText("status", 19, people)).toBeNull();
    expect(legacyCellText("display_name", "Ann", people)).toBeNull();
  });
});
