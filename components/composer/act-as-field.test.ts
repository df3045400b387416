import { describe, expect, it } from "vitest";
import { newRow } from "@/lib/request/request-model";
import { actorOf, withActor } from "./act-as-field";

describe("the Act as field is the actor query row", () => {
  it("reads the enabled actor row", () => {
    expect(actorOf([newRow("size", "5"), newRow("actor", "off@x.test", false), newRow("actor", "dana@x.test")])).toBe("dana@x.test");
    expect(actorOf([newRow("size", "5")])).toBe("");
  });

  it("adds the row, changes it in place, and removes every actor row when emptied", () => {
    const added = withActor([newRow("size", "5")], "dana@x.test");
    expect(added.map((r) => [r.name, r.value])).toEqual([["size", "5"], ["actor", "dana@x.test"]]);
    const twice = [newRow("actor", "a@x.test", false), newRow("size", "5"), newRow("actor", "b@x.test")];
    const changed = withActor(twice, "c@x.test");
    expect(changed.map((r) => [r.name, r.value, r.enabled])).toEqual([["actor", "c@x.test", true], ["size", "5", true]]);
    expect(changed[0]!.id, "the same row, edited").toBe(twice[0]!.id);
    expect(withActor(twice, " ").map((r) => r.name)).toEqual(["size"]);
  });
});
