// The storage side of the Platform upload flow (jobnimbus-api.md §3g): presigned URLs that point at
// the mock itself, valid 15 minutes, and the PUTs of raw bytes they take without JobNimbus auth.
// Errors here imitate the object store behind such URLs (XML like S3's), not JobNimbus.

import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readBody, send } from "./http.mjs";
import { fileFields } from "./legacy-files.mjs";
import { makePng } from "./seed/binary.mjs";

/** How long a presigned URL works (§3g). */
export const PRESIGNED_SECONDS = 15 * 60;
/** The documented upper size for one upload (§3g); also the mock's limit for one PUT. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const PRESIGNED_PREFIX = "/presigned/";
export const THUMBNAIL_PREFIX = "/thumbnails/";

const xmlError = (res, status, code, message) =>
  send(res, status, "application/xml", `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`);

/**
 * Pending and finished uploads of one mock server.
 * @param {{ store: any }} deps
 */
export function createUploads({ store }) {
  const secret = randomBytes(32);
  /** jnid → { jnid, key, fields, user, expires, body?, parts?, uploadId?, partCount? } */
  const uploads = new Map();
  const sign = (text) => createHmac("sha256", secret).update(text).digest("hex");
  /** A signed query string; `purpose` keeps a thumbnail's signature from also allowing a PUT. */
  const query = (purpose, entries) => new URLSearchParams({ ...entries, signature: sign([purpose, ...Object.values(entries)].join(":")) }).toString();

  /** A URL valid for PRESIGNED_SECONDS that takes a PUT of the upload's bytes, or of one part. */
  function presignedUrl(origin, upload, partNumber) {
    const expires = store.unix() + PRESIGNED_SECONDS;
    const entries = partNumber === undefined ? { key: upload.key, expires: String(expires) } : { key: upload.key, expires: String(expires), uploadId: upload.uploadId, partNumber: String(partNumber) };
    return `${origin}${PRESIGNED_PREFIX}${upload.key}?${query("put", entries)}`;
  }

  /** Records the file once its bytes are all there; it then lists under GET /api1/files (§3g). */
  function finish(upload, body) {
    upload.body = body;
    const fields = fileFields(store, { ...upload.fields, body });
    if (store.get("files", upload.jnid)) store.update("files", upload.jnid, fields, upload.user, { body });
    else store.insert("files", fields, upload.user, { body, jnid: upload.jnid });
  }

  return {
    reset: () => uploads.clear(),
    get: (jnid) => uploads.get(jnid),
    /** Starts an upload of one file for `user`; `fields` describe it (fileFields). */
    start(fields, user, multipart) {
      const jnid = store.newId();
      const upload = { jnid, key: `${store.account.customer}/${jnid}`, fields, user, body: null };
      if (multipart) Object.assign(upload, { uploadId: randomBytes(16).toString("base64url"), partCount: multipart.partCount, parts: new Map() });
      uploads.set(jnid, upload);
      return upload;
    },
    presignedUrl,
    thumbnailUrl(origin, upload) {
      const expires = String(store.unix() + PRESIGNED_SECONDS);
      return `${origin}${THUMBNAIL_PREFIX}${upload.key}.png?${query("thumbnail", { key: upload.key, expires })}`;
    },
    finish,
    /** Joins a multipart upload's parts in order; false when some are missing. */
    completeParts(upload) {
      const parts = Array.from({ length: upload.partCount }, (_, i) => upload.parts.get(i + 1));
      if (parts.some((p) => !p)) return false;
      finish(upload, Buffer.concat(parts));
      uploads.set(upload.jnid, { ...upload, parts: new Map() });
      return true;
    },
    abort: (upload) => uploads.delete(upload.jnid),

    /**
     * Answers a request to a presigned or thumbnail URL (no JobNimbus key needed).
     * @returns {Promise<boolean>} false when the path is neither
     */
    async serve(ctx) {
      const thumbnail = ctx.path.startsWith(THUMBNAIL_PREFIX);
      if (!thumbnail && !ctx.path.startsWith(PRESIGNED_PREFIX)) return false;
      const key = ctx.path.slice((thumbnail ? THUMBNAIL_PREFIX : PRESIGNED_PREFIX).length).replace(/\.png$/, "");
      const upload = uploads.get(key.split("/")[1] ?? "");
      const p = ctx.params;
      const entries = [thumbnail ? "thumbnail" : "put", key, p.get("expires"), ...(p.has("partNumber") ? [p.get("uploadId"), p.get("partNumber")] : [])];
      const given = Buffer.from(String(p.get("signature") ?? ""), "utf8");
      const wanted = Buffer.from(sign(entries.join(":")), "utf8");
      if (!upload || upload.key !== key || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        xmlError(ctx.res, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        return true;
      }
      if (Number(p.get("expires")) < store.unix()) {
        xmlError(ctx.res, 403, "AccessDenied", "Request has expired");
        return true;
      }
      if (thumbnail) {
        if (ctx.method !== "GET" && ctx.method !== "HEAD") xmlError(ctx.res, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        else send(ctx.res, 200, "image/png", makePng({ width: 24, height: 16 }));
        return true;
      }
      if (ctx.method !== "PUT") {
        xmlError(ctx.res, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        return true;
      }
      let body;
      try {
        body = await readBody(ctx.req, MAX_UPLOAD_BYTES);
      } catch {
        xmlError(ctx.res, 413, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
        return true;
      }
      const partNumber = p.has("partNumber") ? Number(p.get("partNumber")) : null;
      if (partNumber !== null) {
        if (!upload.parts || p.get("uploadId") !== upload.uploadId || !Number.isInteger(partNumber) || partNumber < 1 || partNumber > upload.partCount) {
          xmlError(ctx.res, 404, "NoSuchUpload", "The specified multipart upload does not exist.");
          return true;
        }
        upload.parts.set(partNumber, body);
      } else {
        const contentType = String(ctx.req.headers["content-type"] ?? "").split(";")[0].trim();
        if (contentType && !upload.fields.contentType) upload.fields = { ...upload.fields, contentType };
        finish(upload, body);
      }
      ctx.res.setHeader("ETag", `"${createHash("md5").update(body).digest("hex")}"`);
      send(ctx.res, 200, null, Buffer.alloc(0));
      return true;
    },
  };
}
