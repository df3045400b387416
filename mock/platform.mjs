// Platform API routes at the root (jobnimbus-api.md §1a, §3g): the only publicly known service,
// files/v1/uploads/*, for single and multipart uploads. Any other path answers 404 with the
// `{"message":"Not Found"}` body a third party saw on api.jobnimbus.com.

import { HttpError, readJsonObject, sendJson } from "./http.mjs";
import { fileProblems } from "./legacy-files.mjs";
import { allowMethods } from "./methods.mjs";

const MAX_PARTS = 10000;

/** The origin presigned URLs point at: the one this request reached the mock by. */
function originOf(ctx) {
  const host = String(ctx.req.headers.host ?? "");
  return /^([\w.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(host) ? `http://${host}` : ctx.serverUrl;
}

/** The file an upload request describes, checked like a legacy file write; 400 naming each problem. */
function describedFile(ctx, body) {
  const filename = typeof body.filename === "string" ? body.filename : body.fileName;
  const problems = fileProblems(ctx.store, { filename, type: body.type, related: body.related });
  if (body.isPrivate !== undefined && typeof body.isPrivate !== "boolean") problems.push("isPrivate must be true or false.");
  if (problems.length) throw new HttpError(400, problems.join(" "));
  return {
    filename: filename.trim(),
    contentType: typeof body.contentType === "string" ? body.contentType : "",
    type: body.type,
    related: body.related,
    description: typeof body.description === "string" ? body.description : "",
    isPrivate: body.isPrivate === true,
  };
}

/** The upload a multipart call names by `key` and `uploadId`, or a 404 problem. */
function namedUpload(ctx, body) {
  const jnid = typeof body.key === "string" ? body.key.split("/")[1] : undefined;
  const upload = jnid ? ctx.uploads.get(jnid) : undefined;
  if (!upload || upload.key !== body.key || !upload.uploadId || upload.uploadId !== body.uploadId) {
    throw new HttpError(404, "No multipart upload has that key and uploadId; start one with POST /files/v1/uploads/multi-urls.");
  }
  return upload;
}

const ROUTES = {
  /** One presigned URL for a file under 100 MB. */
  async url(ctx) {
    const file = describedFile(ctx, await readJsonObject(ctx.req));
    const upload = ctx.uploads.start(file, ctx.store.owner());
    sendJson(ctx.res, 200, { data: { url: ctx.uploads.presignedUrl(originOf(ctx), upload), jnid: upload.jnid } });
  },
  /** One presigned URL per part, in order. */
  async "multi-urls"(ctx) {
    const body = await readJsonObject(ctx.req);
    const partCount = body.partCount;
    if (!Number.isInteger(partCount) || partCount < 1 || partCount > MAX_PARTS) throw new HttpError(400, `partCount must be a whole number from 1 to ${MAX_PARTS}.`);
    if (body.fileSize !== undefined && (!Number.isInteger(body.fileSize) || body.fileSize < 1)) throw new HttpError(400, "fileSize must be the file's size in bytes.");
    const upload = ctx.uploads.start(describedFile(ctx, body), ctx.store.owner(), { partCount });
    const origin = originOf(ctx);
    const presignedUrls = Array.from({ length: partCount }, (_, i) => ctx.uploads.presignedUrl(origin, upload, i + 1));
    sendJson(ctx.res, 200, { data: { jnid: upload.jnid, key: upload.key, uploadId: upload.uploadId, presignedUrls } });
  },
  async "multi-complete"(ctx) {
    const upload = namedUpload(ctx, await readJsonObject(ctx.req));
    if (!ctx.uploads.completeParts(upload)) throw new HttpError(409, `Not every part of ${upload.key} has been uploaded yet.`);
    sendJson(ctx.res, 200, { data: { jnid: upload.jnid } });
  },
  async "multi-abort"(ctx) {
    const upload = namedUpload(ctx, await readJsonObject(ctx.req));
    ctx.uploads.abort(upload);
    sendJson(ctx.res, 200, { data: { key: upload.key, uploadId: upload.uploadId } });
  },
};

/** POST /files/v1/uploads/{jnid}/complete: optional; a thumbnail URL when asked for. */
function complete(ctx, jnid) {
  const upload = ctx.uploads.get(jnid);
  if (!upload) throw new HttpError(404, `No upload has the jnid ${JSON.stringify(jnid.slice(0, 60))}.`);
  if (!upload.body) throw new HttpError(409, `Nothing has been uploaded for ${jnid} yet: PUT the file's bytes to the presigned URL first.`);
  const thumbnail = ctx.params.get("generateThumbnail") === "true";
  sendJson(ctx.res, 200, { data: { jnid, thumbnailUrl: thumbnail ? ctx.uploads.thumbnailUrl(originOf(ctx), upload) : null } });
}

/** @param {string[]} segments decoded path segments, e.g. ["files", "v1", "uploads", "url"] */
export async function handlePlatform(ctx, segments) {
  const [service, version, area, name, action, ...rest] = segments;
  if (service === "files" && version === "v1" && area === "uploads" && rest.length === 0) {
    if (action === undefined && name && Object.hasOwn(ROUTES, name)) {
      allowMethods(ctx, ["POST"]);
      return ROUTES[name](ctx);
    }
    if (action === "complete" && name) {
      allowMethods(ctx, ["POST"]);
      return complete(ctx, name);
    }
  }
  sendJson(ctx.res, 404, { message: "Not Found" });
}
