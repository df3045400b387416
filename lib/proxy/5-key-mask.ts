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

/** A pattern and, for each byte, where in it that byte stands (for what a chunk's end could begin). */
type Form = { bytes: Buffer; positions: Map<number, number[]> };

/**
 * Finds every occurrence of every form in one pass (Wu-Manber: a window as long as the shortest form,
 * moved on by how far its last two bytes are from the end of any form), instead of one search per form:
 * forms are long, so the window mostly jumps most of its length.
 */
function scanner(forms: readonly Form[]) {
  const shortest = Math.min(...forms.map((form) => form.bytes.length));
  const shift = new Uint16Array(65536).fill(Math.max(1, shortest - 1));
  const ends = new Map<number, Buffer[]>();
  for (const { bytes } of forms) {
    for (let at = 1; at < shortest; at += 1) {
      const block = (bytes[at - 1]! << 8) | bytes[at]!;
      shift[block] = Math.min(shift[block]!, shortest - 1 - at);
    }
    const last = (bytes[shortest - 2]! << 8) | bytes[shortest - 1]!;
    ends.set(last, [...(ends.get(last) ?? []), bytes]);
  }
  return (buffer: Buffer): [start: number, end: number][] => {
    const found: [number, number][] = [];
    if (shortest < 2) {
      for (const { bytes } of forms) for (let at = buffer.indexOf(bytes); at !== -1; at = buffer.indexOf(bytes, at + 1)) found.push([at, at + bytes.length]);
      return found;
    }
    for (let end = shortest - 1; end < buffer.length; ) {
      const block = (buffer[end - 1]! << 8) | buffer[end]!;
      const jump = shift[block]!;
      if (jump > 0) {
        end += jump;
        continue;
      }
      const start = end - shortest + 1;
      for (const bytes of ends.get(block) ?? []) {
        if (start + bytes.length <= buffer.length && buffer.compare(bytes, 0, bytes.length, start, start + bytes.length) === 0) found.push([start, start + bytes.length]);
      }
      end += 1;
    }
    return found;
  };
}

/** How many bytes at the end of `buffer` could be the start of a form that the next chunk completes. */
function heldBack(buffer: Buffer, forms: readonly Form[]): number {
  const last = buffer[buffer.length - 1];
  if (last === undefined) return 0;
  let keep = 0;
  for (const { bytes, positions } of forms) {
    for (const at of positions.get(last) ?? []) {
      const size = at + 1;
      if (size > keep && size <= buffer.length && buffer.compare(bytes, 0, size, buffer.length - size) === 0) keep = size;
    }
  }
  return keep;
}

export type KeyMask = {
  /** A header value or redirect target with every form of the key masked. */
  text(value: string): string;
  /** A body stream with every form of the key masked, also across chunk boundaries. */
  body(): TransformStream<Uint8Array, Uint8Array>;
};

export function keyMask(key: string): KeyMask {
  // Node reads header values as latin1, one byte a character; forms are ASCII, so bytes and text agree.
  const forms: Form[] = keyForms(key).map((form) => {
    const bytes = Buffer.from(form, "latin1");
    const positions = new Map<number, number[]>();
    // The last byte is left out: a whole form at the end is found and masked, not held back.
    for (let at = 0; at < bytes.length - 1; at += 1) positions.set(bytes[at]!, [...(positions.get(bytes[at]!) ?? []), at]);
    return { bytes, positions };
  });
  const find = scanner(forms);
  /** `buffer` with every form masked: itself when there is none, else a masked copy (it may share memory with the socket's). */
  const masked = (buffer: Buffer): Buffer => {
    const found = find(buffer);
    if (found.length === 0) return buffer;
    const copy = Buffer.from(buffer);
    for (const [start, end] of found) copy.fill(MASK, start, end);
    return copy;
  };
  return {
    text(value) {
      if (!value) return value;
      const buffer = Buffer.from(value, "latin1");
      const out = masked(buffer);
      return out === buffer ? value : out.toString("latin1");
    },
    body() {
      let tail: Buffer = Buffer.alloc(0);
      return new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          const joined = tail.length > 0 ? Buffer.concat([tail, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          const buffer = masked(joined);
          const keep = heldBack(buffer, forms);
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
