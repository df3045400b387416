// Takes the key back out of whatever JobNimbus answers, for when it quotes the Authorization header
// it was sent (an error body, a header, a redirect target). Imported by lib/proxy/5-upstream.ts alone.
// Every form of the key is replaced by asterisks of the same length, so Content-Length stays true, and
// bodies are masked as they stream, holding back only the few bytes that could begin a form.
import "server-only";
import { TransformStream } from "node:stream/web";

const MASK = 0x2a; // "*"

/**
 * The forms a quoted key takes: as is, URL-encoded (both hex cases), JSON-escaped (also with "/"
 * escaped), and in base64 and base64url. A key inside a longer base64 text ("Bearer <key>",
 * "user:<key>") starts at one of three byte alignments; for each, the characters whose six bits all
 * come from the key are the same whatever surrounds it, and those are what is looked for.
 */
export function keyForms(key: string): string[] {
  const url = encodeURIComponent(key);
  const json = JSON.stringify(key).slice(1, -1);
  const forms = new Set([key, url, url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), json, json.replaceAll("/", "\\/")]);
  const bytes = Buffer.from(key, "utf8");
  for (const alphabet of ["base64", "base64url"] as const) {
    for (let shift = 0; shift < 3; shift += 1) {
      const text = Buffer.concat([Buffer.alloc(shift), bytes]).toString(alphabet);
      forms.add(text.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6)));
    }
  }
  return [...forms].filter((form) => form.length > 0);
}

/** Masks every occurrence of every pattern in place; overlapping ones too (all are found before any is masked). */
function maskAll(buffer: Buffer, patterns: readonly Buffer[]): boolean {
  const found: [start: number, end: number][] = [];
  for (const pattern of patterns) {
    for (let at = buffer.indexOf(pattern); at !== -1; at = buffer.indexOf(pattern, at + 1)) found.push([at, at + pattern.length]);
  }
  for (const [start, end] of found) buffer.fill(MASK, start, end);
  return found.length > 0;
}

/** How many bytes at the end of `buffer` could be the start of a form that the next chunk completes. */
function heldBack(buffer: Buffer, patterns: readonly Buffer[], longest: number): number {
  for (let size = Math.min(longest - 1, buffer.length); size > 0; size -= 1) {
    const start = buffer.length - size;
    if (patterns.some((pattern) => pattern.length > size && buffer.compare(pattern, 0, size, start) === 0)) return size;
  }
  return 0;
}

export type KeyMask = {
  /** A header value or redirect target with every form of the key masked. */
  text(value: string): string;
  /** A body stream with every form of the key masked, also across chunk boundaries. */
  body(): TransformStream<Uint8Array, Uint8Array>;
};

export function keyMask(key: string): KeyMask {
  // Node reads header values as latin1, one byte a character; forms are ASCII, so bytes and text agree.
  const patterns = keyForms(key).map((form) => Buffer.from(form, "latin1"));
  const longest = Math.max(...patterns.map((pattern) => pattern.length));
  return {
    text(value) {
      if (!value) return value;
      const buffer = Buffer.from(value, "latin1");
      return maskAll(buffer, patterns) ? buffer.toString("latin1") : value;
    },
    body() {
      let tail: Buffer = Buffer.alloc(0);
      return new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          // A copy, masked in place: the chunk may share memory with what the socket read.
          const buffer = Buffer.concat([tail, chunk]);
          maskAll(buffer, patterns);
          const keep = heldBack(buffer, patterns, longest);
          if (buffer.length > keep) controller.enqueue(buffer.subarray(0, buffer.length - keep));
          tail = Buffer.from(buffer.subarray(buffer.length - keep));
        },
        flush(controller) {
          // Whatever is held back is no form's whole (it was masked if it were); the body ends here.
          if (tail.length > 0) controller.enqueue(tail);
        },
      });
    },
  };
}
