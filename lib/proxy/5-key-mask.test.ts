// Masking the key in what JobNimbus sends back: every form (plain, URL-encoded, JSON-escaped, base64 at
// each alignment), the same length, nothing else changed, and in a stream split anywhere.
import { TransformStream } from "node:stream/web";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyForms, keyMask } from "./5-key-mask";

const KEY = 'jnk-Kq7/Wz+9=Yx"Jb\\Lm&Np%Rs~~~??<>';
const PLAIN_KEY = "jnk_live_8f3a9c2d7e1b4a6f5c0d9e8b7a6f5c4d";
const b64 = (text: string) => Buffer.from(text).toString("base64");
const b64url = (text: string) => Buffer.from(text).toString("base64url");

/** Texts a careless API could quote the key in; each must come back without it. */
function quotes(key: string): string[] {
  const header = `Bearer ${key}`;
  return [
    header,
    encodeURIComponent(header),
    encodeURIComponent(header).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    JSON.stringify({ authorization: header }),
    JSON.stringify(header).replaceAll("/", "\\/"),
    b64(key),
    b64(header),
    b64url(header),
    b64(`user:${key}`),
    b64(`{"authorization":"${header}"}`),
    b64url(`x${key}`),
    b64url(`xy${key}`),
  ];
}

/** No 8-character piece of any form of the key is left: what an attacker could still read is a few bits at the edges. */
function holdsKey(text: string, key: string): boolean {
  return keyForms(key).some((form) => text.includes(form));
}

describe("keyForms", () => {
  it("lists the key as is, URL-encoded in both hex cases, JSON-escaped and base64 at three alignments", () => {
    const forms = keyForms(KEY);
    expect(forms).toContain(KEY);
    expect(forms).toContain(encodeURIComponent(KEY));
    expect(forms).toContain(encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
    expect(forms).toContain(JSON.stringify(KEY).slice(1, -1));
    // Base64 of the key inside any longer text holds one of the six base64 / base64url forms.
    for (let prefix = 0; prefix < 6; prefix += 1) {
      const text = `${"p".repeat(prefix)}${KEY}s`;
      expect(forms.some((form) => b64(text).includes(form)), `base64, ${prefix} bytes before`).toBe(true);
      expect(forms.some((form) => b64url(text).includes(form)), `base64url, ${prefix} bytes before`).toBe(true);
    }
  });

  it("has no form shorter than the key, so masking never hits ordinary text by chance", () => {
    for (const key of [KEY, PLAIN_KEY, "12345678"]) {
      for (const form of keyForms(key)) expect(form.length, form).toBeGreaterThanOrEqual(key.length);
    }
  });
});

describe("keyMask.text", () => {
  const mask = keyMask(KEY);

  it.each(quotes(KEY).map((quote, index) => [index, quote]))("masks quote %i with asterisks of the same length", (_index, quote) => {
    expect(holdsKey(quote, KEY)).toBe(true);
    const masked = mask.text(`before ${quote} after`);
    expect(holdsKey(masked, KEY)).toBe(false);
    expect(masked).toHaveLength(`before ${quote} after`.length);
    expect(masked.startsWith("before ")).toBe(true);
    expect(masked.endsWith(" after")).toBe(true);
    expect(masked).toMatch(/\*{8}/);
  });

  it("masks the key as is exactly, and leaves text without it alone", () => {
    expect(mask.text(`Bearer ${KEY}`)).toBe(`Bearer ${"*".repeat(KEY.length)}`);
    expect(mask.text(`${KEY}${KEY}`)).toBe("*".repeat(KEY.length * 2));
    for (const text of ["", "W/\"abc\"", 'attachment; filename="report.pdf"', "12", PLAIN_KEY]) expect(mask.text(text)).toBe(text);
  });

  it("finds forms at the very start and end, side by side, overlapping, and in text shorter than a form", () => {
    const forms = keyForms(KEY);
    const all = forms.join("");
    expect(holdsKey(mask.text(all), KEY)).toBe(false);
    expect(mask.text(all)).toBe("*".repeat(all.length));
    for (const form of forms) expect(mask.text(form)).toBe("*".repeat(form.length));
    const short = KEY.slice(0, 12);
    expect(mask.text(short)).toBe(short);
    // A key that repeats itself: occurrences overlap, and every one is masked.
    const echo = keyMask("abcabcabcabc-9");
    expect(echo.text("abcabcabcabcabcabcabc-9")).toBe(`abcabcabc${"*".repeat(14)}`);
  });

  it("reads header values as Node gives them (latin1), so other bytes survive", () => {
    const latin1 = Buffer.from([0xe9, 0x20, ...Buffer.from(KEY), 0xff]).toString("latin1");
    expect(Buffer.from(mask.text(latin1), "latin1")).toEqual(Buffer.from([0xe9, 0x20, ...Buffer.alloc(KEY.length, "*"), 0xff]));
  });
});

/** Pushes `chunks` through the masking stream and collects what comes out, chunk by chunk. */
async function streamed(key: string, chunks: Buffer[]): Promise<{ out: Buffer; pieces: Buffer[] }> {
  const stream = keyMask(key).body();
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const pieces: Buffer[] = [];
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      pieces.push(Buffer.from(value));
    }
  })();
  for (const chunk of chunks) await writer.write(chunk);
  await writer.close();
  await reading;
  return { out: Buffer.concat(pieces), pieces };
}

describe("keyMask.body", () => {
  it("masks forms split over chunks anywhere, with the same bytes and length otherwise", async () => {
    const texts = fc.tuple(fc.constantFrom(KEY, PLAIN_KEY), fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.nat(11)), { minLength: 1, maxLength: 4 }));
    const cuts = fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 1, maxLength: 200 });
    await fc.assert(
      fc.asyncProperty(texts, cuts, async ([key, parts], sizes) => {
        const all = quotes(key);
        const text = Buffer.from(`${parts.map(([filler, which]) => `${filler}${all[which]}`).join(" | ")} end`);
        const chunks: Buffer[] = [];
        for (let at = 0, i = 0; at < text.length; i += 1) {
          const size = sizes[i % sizes.length]!;
          chunks.push(text.subarray(at, at + size));
          at += size;
        }
        const { out } = await streamed(key, chunks);
        expect(out.length).toBe(text.length);
        expect(holdsKey(out.toString("latin1"), key)).toBe(false);
        expect(out.toString("latin1")).toBe(keyMask(key).text(text.toString("latin1")));
      }),
      { numRuns: 300, seed: 20260301 },
    );
  });

  it("passes a body without the key through byte for byte, holding back only bytes that could start a form", async () => {
    const body = Buffer.alloc(256 * 1024);
    for (let i = 0; i < body.length; i += 1) body[i] = (i * 7919) % 251;
    const chunks = Array.from({ length: 4 }, (_, i) => body.subarray(i * 64 * 1024, (i + 1) * 64 * 1024));
    const { out, pieces } = await streamed(PLAIN_KEY, chunks);
    expect(out.equals(body)).toBe(true);
    // Streamed, not gathered: a piece comes out for each chunk that went in.
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    const longest = Math.max(...keyForms(PLAIN_KEY).map((form) => form.length));
    for (const piece of pieces.slice(0, 3)) expect(piece.length).toBeGreaterThan(64 * 1024 - longest);
  });

  it("lets a chunk that ends in ordinary text go out whole, at once", async () => {
    const stream = keyMask(PLAIN_KEY).body();
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    void writer.write(Buffer.from('{"records":['));
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('{"records":[');
    void writer.close();
  });

  it("is a web TransformStream the proxy can pipe a response through", () => {
    expect(keyMask(KEY).body()).toBeInstanceOf(TransformStream);
  });
});
