import { describe, expect, it } from "vitest";
import { deprecationOf, deprecationText, linkWithRel, parseDeprecationHeader, parseHttpDate } from "./deprecation";

const headers = (values: Record<string, string>) => (name: string) => values[name];
const NOW = new Date(Date.UTC(2026, 0, 15));

describe("the Deprecation header", () => {
  it("reads RFC 9745's @unix-seconds, with or without parameters, and the drafts' true or HTTP-date", () => {
    expect(parseDeprecationHeader("@1738367999")).toEqual({ since: new Date(1738367999 * 1000) });
    expect(parseDeprecationHeader(" @1738367999;reason=x ")).toEqual({ since: new Date(1738367999 * 1000) });
    expect(parseDeprecationHeader("true")).toEqual({ since: null });
    expect(parseDeprecationHeader("?1")).toEqual({ since: null });
    expect(parseDeprecationHeader("Fri, 31 Jan 2025 23:59:59 GMT")).toEqual({ since: new Date(Date.UTC(2025, 0, 31, 23, 59, 59)) });
    expect(parseDeprecationHeader("soon")).toBeUndefined();
    expect(parseDeprecationHeader("")).toBeUndefined();
    expect(parseDeprecationHeader(undefined)).toBeUndefined();
  });
});

describe("the Sunset header", () => {
  it("reads an HTTP-date ending GMT, and the documentation's UTC", () => {
    expect(parseHttpDate("Mon, 30 Jun 2025 23:59:59 UTC")).toEqual(new Date(Date.UTC(2025, 5, 30, 23, 59, 59)));
    expect(parseHttpDate("Wed, 30 Jun 2027 23:59:59 GMT")).toEqual(new Date(Date.UTC(2027, 5, 30, 23, 59, 59)));
    expect(parseHttpDate("Wed, 31 Jun 2027 23:59:59 GMT"), "no 31 June").toBeNull();
    expect(parseHttpDate("30 June 2027")).toBeNull();
    expect(parseHttpDate("Wed, 30 Jun 2027 23:59:59 PST")).toBeNull();
  });
});

describe("the Link header", () => {
  it("finds the deprecation link among others, quoted or not, http(s) only", () => {
    const link = '<https://example.com/a>; rel="next", <https://api.jobnimbus.com/deprecation>; rel="deprecation"; type="text/html"';
    expect(linkWithRel(link, "deprecation")).toBe("https://api.jobnimbus.com/deprecation");
    expect(linkWithRel("<https://x.test/s>; rel=sunset", "sunset")).toBe("https://x.test/s");
    expect(linkWithRel('<https://x.test/d>; rel="alternate deprecation"', "deprecation")).toBe("https://x.test/d");
    expect(linkWithRel('<javascript:alert(1)>; rel="deprecation"', "deprecation")).toBeNull();
    expect(linkWithRel('<https://x.test/a>; rel="next"', "deprecation")).toBeNull();
    expect(linkWithRel(undefined, "deprecation")).toBeNull();
  });
});

describe("a deprecated endpoint in words", () => {
  const documented = headers({
    deprecation: "@1767225599",
    sunset: "Wed, 30 Jun 2027 23:59:59 UTC",
    link: '<https://api.jobnimbus.com/deprecation>; rel="deprecation"; type="text/html"',
  });

  it("says it is deprecated and when it stops working, with the link", () => {
    const deprecation = deprecationOf(documented)!;
    expect(deprecation).toEqual({ since: new Date(1767225599 * 1000), sunset: new Date(Date.UTC(2027, 5, 30, 23, 59, 59)), link: "https://api.jobnimbus.com/deprecation" });
    expect(deprecationText(deprecation, NOW)).toBe("This endpoint is deprecated and stops working on 30 June 2027.");
  });

  it("uses the tense the dates call for, and says when no sunset is known", () => {
    const text = (values: Record<string, string>, now = NOW) => deprecationText(deprecationOf(headers(values))!, now);
    expect(text({ deprecation: "@1767225599", sunset: "Wed, 30 Jun 2027 23:59:59 UTC" }, new Date(Date.UTC(2025, 0, 1)))).toBe("This endpoint will be deprecated on 31 December 2025 and stops working on 30 June 2027.");
    expect(text({ deprecation: "@1767225599", sunset: "Mon, 30 Jun 2025 23:59:59 UTC" })).toBe("This endpoint is deprecated and was due to stop working on 30 June 2025.");
    expect(text({ deprecation: "@1767225599" })).toBe("This endpoint is deprecated (since 31 December 2025); JobNimbus has not said when it stops working.");
    expect(text({ sunset: "Wed, 30 Jun 2027 23:59:59 GMT" })).toBe("This endpoint is going away and stops working on 30 June 2027.");
    expect(deprecationOf(headers({ link: '<https://x.test>; rel="deprecation"' }))).toBeNull();
    expect(deprecationOf(headers({ deprecation: "maybe" }))).toBeNull();
  });
});
