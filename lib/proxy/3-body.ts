// Reads a request body into memory up to a limit, refusing early on Content-Length
// and counting bytes for chunked bodies, so an oversized upload never gets buffered whole.
import "server-only";

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type BodyResult = { ok: true; body: Buffer | null } | { ok: false; tooLarge: true };

export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, body: null };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  return { ok: true, body: total === 0 ? null : Buffer.concat(chunks) };
}
