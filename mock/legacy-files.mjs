// Legacy file routes (jobnimbus-api.md §3e): the list under `files`, downloads of the bytes, and the
// two deprecated ways to add a file (base64 and from a URL), which answer with deprecation headers.

import { createHash } from "node:crypto";
import { markDeprecated } from "./deprecation.mjs";
import { HttpError, readJsonObject, send, sendJson } from "./http.mjs";
import { NO_DELETE, findRecord, listAnswer, refuseProblems, update } from "./legacy-records.mjs";
import { allowMethods } from "./methods.mjs";
import { makePdf, makePng } from "./seed/binary.mjs";
import { fileRefOf } from "./records.mjs";

const MEDIA_TYPES = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", heic: "image/heic",
  pdf: "application/pdf", txt: "text/plain", csv: "text/csv", json: "application/json",
  doc: "application/msword", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The media type a file name suggests; application/octet-stream when nothing does. */
export function mediaTypeOf(filename) {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return (ext && MEDIA_TYPES[ext]) || "application/octet-stream";
}

/**
 * The fields of a new file record, from what the upload said (both the legacy routes and the
 * Platform uploads make files this way).
 * @param {{ find: (id: string) => any }} store
 * @param {{ filename: string, contentType?: string, body: Buffer, type: number, related: string[], description?: string, isPrivate?: boolean, date?: number }} file
 */
export function fileFields(store, { filename, contentType, body, type, related, description = "", isPrivate = false, date }) {
  const targets = related.map((id) => store.find(id)).filter(Boolean);
  const primary = targets.find((t) => t.type === "job") ?? targets[0];
  return {
    filename,
    content_type: contentType || mediaTypeOf(filename),
    size: body.length,
    md5: createHash("md5").update(body).digest("hex"),
    description,
    is_private: isPrivate,
    record_type: type,
    related: targets.map(fileRefOf),
    primary: primary ? { id: primary.jnid, type: primary.type, number: primary.number ?? null, name: fileRefOf(primary).name } : null,
    ...(date ? { date_file_created: date } : {}),
  };
}

/** Problems with the parts every way of adding a file shares: a name, a known type, existing records. */
export function fileProblems(store, { filename, type, related }, { typeField = "type", typeByName = false } = {}) {
  const { ix } = store;
  const problems = [];
  if (typeof filename !== "string" || !filename.trim()) problems.push("filename is required.");
  const known = typeByName ? typeof type === "string" && ix.fileTypesByName.has(ix.norm(type)) : ix.fileTypes.has(type);
  if (!known) {
    const names = [...ix.fileTypes.values()].map((t) => (typeByName ? t.TypeName : `${t.FileTypeId} (${t.TypeName})`)).join(", ");
    problems.push(`${typeField} ${JSON.stringify(type ?? null)} is not a file type of this account. Its file types: ${names}.`);
  }
  if (!Array.isArray(related) || related.length === 0) problems.push('related is required: a list of the jnids the file belongs to, like ["<job jnid>"].');
  else related.forEach((id, i) => {
    if (typeof id !== "string" || !store.find(id)) problems.push(`related[${i}] ${JSON.stringify(id)} is not a record of this account.`);
  });
  return problems;
}

/** POST /files: a file sent as base64 in `data` (deprecated, §3e). */
async function createFromBase64(ctx) {
  const body = await readJsonObject(ctx.req);
  const problems = fileProblems(ctx.store, body);
  const data = typeof body.data === "string" ? body.data.replace(/\s/g, "") : null;
  if (data === null || !/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 === 1) problems.push("data is required: the file's bytes in base64.");
  if (body.date !== undefined && !Number.isInteger(body.date)) problems.push(`date must be a unix time in whole seconds, not ${JSON.stringify(body.date)}.`);
  refuseProblems(problems);
  const bytes = Buffer.from(data, "base64");
  const fields = fileFields(ctx.store, {
    filename: body.filename.trim(), body: bytes, type: body.type, related: body.related,
    description: typeof body.description === "string" ? body.description : "", isPrivate: body.is_private === true, date: body.date,
  });
  sendJson(ctx.res, 200, ctx.store.insert("files", fields, ctx.user, { body: bytes }));
}

/** POST /files/fromUrl: a file copied from a public URL (deprecated, §3e). The mock does not fetch it. */
async function createFromUrl(ctx) {
  const body = await readJsonObject(ctx.req);
  let url = null;
  try {
    url = typeof body.url === "string" ? new URL(body.url) : null;
  } catch {
    url = null;
  }
  const filename = typeof body.name === "string" && body.name.trim() ? body.name.trim() : decodeURIComponent(url?.pathname.split("/").pop() || "") || "file";
  const problems = fileProblems(ctx.store, { filename, type: body.type, related: body.related }, { typeByName: true });
  if (!url || !/^https?:$/.test(url.protocol)) problems.push("url is required: a public http or https address of the file.");
  refuseProblems(problems);
  const contentType = mediaTypeOf(filename);
  // Stands in for the bytes JobNimbus would copy from the URL, which the mock never fetches.
  const bytes = contentType.startsWith("image/") ? makePng() : contentType === "application/pdf" ? makePdf(filename, [`Copied from ${url.href}`]) : Buffer.from(`Copied from ${url.href}\n`);
  const type = ctx.store.ix.fileTypesByName.get(ctx.store.ix.norm(body.type));
  const record = ctx.store.insert("files", fileFields(ctx.store, {
    filename, contentType: contentType.startsWith("image/") ? "image/png" : contentType, body: bytes, type: type.FileTypeId,
    related: body.related, description: typeof body.description === "string" ? body.description : "",
  }), ctx.user, { body: bytes });
  sendJson(ctx.res, 200, { ...record, id: record.jnid });
}

/** GET /files/{jnid}: the file's bytes (JobNimbus is reported to redirect to them; the mock answers them itself). */
function download(ctx, id) {
  const meta = findRecord(ctx, "files", id);
  const body = ctx.store.fileBody(id) ?? Buffer.alloc(0);
  send(ctx.res, 200, meta.content_type, body, {
    "Content-Disposition": `attachment; filename="${meta.filename.replace(/[^\w.-]/g, "_")}"`,
    "X-Content-Type-Options": "nosniff",
  });
}

/** @param {string[]} rest path segments after "files" */
export async function handleFiles(ctx, rest) {
  const [id, ...more] = rest;
  if (more.length) throw new HttpError(404, `There is nothing at ${ctx.path}.`);
  if (id === undefined) {
    if (ctx.method === "POST") markDeprecated(ctx.res);
    allowMethods(ctx, ["GET", "POST"], NO_DELETE);
    return ctx.method === "POST" ? createFromBase64(ctx) : listAnswer(ctx, "files", "files");
  }
  if (id === "fromUrl") {
    markDeprecated(ctx.res);
    allowMethods(ctx, ["POST"]);
    return createFromUrl(ctx);
  }
  allowMethods(ctx, ["GET", "PUT"], NO_DELETE);
  return ctx.method === "PUT" ? update(ctx, "files", id) : download(ctx, id);
}
