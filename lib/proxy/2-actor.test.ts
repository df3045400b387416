// Whom a call acts as: a team key that acts as the signed-in person replaces every `actor` the browser
// could have sent, however it is spelt; one that acts as nobody removes them; a person's own key keeps them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyActor } from "./2-actor";

const JANE = "jane@roofco.com";
const actorsIn = (query: string) => new URLSearchParams(query).getAll("actor");

describe("a team key that acts as the signed-in person", () => {
  it("adds actor=<email> to a legacy call, URL-encoded, after the other parameters", () => {
    expect(applyActor("", "as-signed-in", "legacy", JANE)).toEqual({ query: "?actor=jane%40roofco.com", actor: JANE });
    expect(applyActor("?size=1&from=0", "as-signed-in", "legacy", JANE)).toEqual({ query: "?size=1&from=0&actor=jane%40roofco.com", actor: JANE });
  });

  it("replaces every actor the browser sent, in each spelling a server might read as actor", () => {
    const tricks = [
      "actor=boss@roofco.com",
      "actor=boss%40roofco.com",
      "ACTOR=boss@roofco.com",
      "Actor=boss@roofco.com",
      "%61ctor=boss@roofco.com",
      "%41%43%54%4F%52=boss@roofco.com",
      "actor[]=boss@roofco.com",
      "actor%5B%5D=boss@roofco.com",
      "actor[0]=boss@roofco.com",
      "+actor=boss@roofco.com",
      "actor+=boss@roofco.com",
      "%20actor%00=boss@roofco.com",
      "actor",
      "actor=",
    ];
    for (const trick of tricks) {
      const { query } = applyActor(`?size=1&${trick}&from=0`, "as-signed-in", "legacy", JANE);
      expect(query, trick).toBe("?size=1&from=0&actor=jane%40roofco.com");
    }
  });

  it("treats ; as a separator too: x=1;actor=… loses its actor part and keeps x", () => {
    expect(applyActor("?x=1;actor=boss@roofco.com&y=2", "as-signed-in", "legacy", JANE).query).toBe("?x=1&y=2&actor=jane%40roofco.com");
  });

  it("leaves parameters that only look alike (actors, reactor, actor_id) alone", () => {
    const { query } = applyActor("?actors=1&reactor=2&actor_id=3", "as-signed-in", "legacy", JANE);
    expect(query).toBe("?actors=1&reactor=2&actor_id=3&actor=jane%40roofco.com");
  });

  it("on the Platform API adds nothing, but still removes what the browser sent", () => {
    expect(applyActor("?actor=boss@roofco.com&q=1", "as-signed-in", "platform", JANE)).toEqual({ query: "?q=1", actor: null });
    expect(applyActor("?actor=x", "as-signed-in", "platform", JANE)).toEqual({ query: "", actor: null });
  });

  it("whatever the query, exactly one actor reaches a legacy call, and it is the signed-in person", () => {
    const part = fc.oneof(
      fc.constantFrom("actor=boss@x.com", "ACTOR=a", "%61ctor=b", "actor[]=c", "size=1", "from=2", "filter=%7B%7D", "x=1;actor=d", "", "&"),
      fc.string({ unit: fc.constantFrom("a", "c", "t", "o", "r", "=", "%", "[", "]", ";", "+", "A", "1") }),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const { query } = applyActor(`?${parts.join("&")}`, "as-signed-in", "legacy", JANE);
        const names = query
          .replace(/^\?/, "")
          .split(/[&;]/)
          .map((piece) => {
            const name = piece.split("=")[0]!.replace(/\+/g, " ");
            try {
              return decodeURIComponent(name);
            } catch {
              return name;
            }
          })
          .filter((name) => /^actor(\[.*\])?$/i.test(name.replace(/[\s\u0000-\u001f\u007f]/g, "")));
        expect(names).toEqual(["actor"]);
        expect(actorsIn(query)).toEqual([JANE]);
      }),
    );
  });
});

describe("a team key that acts as nobody", () => {
  it("removes every actor and adds none", () => {
    expect(applyActor("?actor=boss@roofco.com&size=1&%61ctor=x", "none", "legacy", JANE)).toEqual({ query: "?size=1", actor: null });
  });
});

describe("a person's own key", () => {
  it("keeps the query exactly as sent, actor included: the person may act as whom their key allows", () => {
    for (const query of ["", "?actor=boss%40roofco.com", "?size=1&&actor=a;b"]) {
      expect(applyActor(query, "as-sent", "legacy", JANE)).toEqual({ query, actor: null });
    }
  });
});
