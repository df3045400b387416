import { describe, expect, it } from "vitest";
import { columnsOf, recordsToCsv } from "./csv";

describe("columnsOf", () => {
  it("is the union of keys in first-seen order", () => {
    expect(columnsOf([{ b: 1, a: 2 }, { c: 3, a: 4 }, { d: 5, b: 6 }])).toEqual(["b", "a", "c", "d"]);
  });

  it("is empty for no records", () => {
    expect(columnsOf([])).toEqual([]);
  });
});

describe("recordsToCsv", () => {
  it("writes a header row and one CRLF-terminated line per record", () => {
    expect(recordsToCsv([{ name: "Ann", age: 41 }, { name: "Bo", age: 7 }])).toBe("name,age\r\nAnn,41\r\nBo,7\r\n");
  });

  it("uses the union of keys when columns are not given, leaving missing cells empty", () => {
    expect(recordsToCsv([{ a: 1 }, { b: 2 }])).toBe("a,b\r\n1,\r\n,2\r\n");
  });

  it("follows the columns it is given, in that order, and only those", () => {
    expect(recordsToCsv([{ a: 1, b: 2, c: 3 }], ["c", "a", "zz"])).toBe("c,a,zz\r\n3,1,\r\n");
  });

  it("quotes fields holding commas, quotes, CR or LF, doubling the quotes", () => {
    const csv = recordsToCsv([{ v: 'say "hi", then go' }, { v: "line1\nline2" }, { v: "a\rb" }, { v: "plain" }]);
    expect(csv).toBe('v\r\n"say ""hi"", then go"\r\n"line1\nline2"\r\n"a\rb"\r\nplain\r\n');
  });

  it("writes null and undefined as empty cells, booleans and numbers as themselves", () => {
    expect(recordsToCsv([{ a: null, b: undefined, c: false, d: 0, e: 1.5 }])).toBe("a,b,c,d,e\r\n,,false,0,1.5\r\n");
  });

  it("writes nested objects and arrays as compact JSON, quoted as needed", () => {
    expect(recordsToCsv([{ tags: ["x", "y"], address: { city: "Provo" } }])).toBe(
      'tags,address\r\n"[""x"",""y""]","{""city"":""Provo""}"\r\n',
    );
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    const csv = recordsToCsv([{ v: "=HYPERLINK(\"http://evil\")" }, { v: "+1" }, { v: "-2+3" }, { v: "@SUM(A1)" }, { v: "\tx" }, { v: "\rx" }]);
    expect(csv.split("\r\n").slice(1, 6)).toEqual(['"\'=HYPERLINK(""http://evil"")"', "'+1", "'-2+3", "'@SUM(A1)", "'\tx"]);
    expect(csv.endsWith('"\'\rx"\r\n')).toBe(true);
  });

  it("leaves real numbers alone, even negative ones", () => {
    expect(recordsToCsv([{ balance: -5 }])).toBe("balance\r\n-5\r\n");
  });

  it("defuses formula-like column names too", () => {
    expect(recordsToCsv([{ "=cmd": 1 }])).toBe("'=cmd\r\n1\r\n");
  });

  it("keeps unicode as it is", () => {
    expect(recordsToCsv([{ name: "Zoë 🏠" }])).toBe("name\r\nZoë 🏠\r\n");
  });

  it("is just the header row for no records with columns", () => {
    expect(recordsToCsv([], ["a", "b"])).toBe("a,b\r\n");
    expect(recordsToCsv([])).toBe("\r\n");
  });

  it("reads only a record's own keys, not inherited ones", () => {
    expect(recordsToCsv([{}], ["toString"])).toBe("toString\r\n\r\n");
  });
});
