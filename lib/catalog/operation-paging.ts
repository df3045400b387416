// How one GET operation of an OpenAPI document pages its list, in this order:
//  1. its own x-console-paging (false: it does not page);
//  2. the document's x-console-paging, for operations that have the query parameter it moves
//     (offset, page or cursor); false there turns the guessing below off for the whole document;
//  3. the common conventions, read from the query parameters and the 2xx answer's members:
//     a cursor parameter with a next-cursor member in the answer, offset + limit, page (+ per_page).
// Nothing recognisable: null, and the console offers no "More results".
import { z } from "@/lib/zod";
import { completePaging, type Paging, type PagingDeclaration } from "./paging";
import { CatalogError, flatSchema, pickContent, resolve, typeOf } from "./resolve";
import { schemaObjectSchema, type Parameter, type SchemaObject } from "./schema";

type Names = readonly string[];
/** Compared without case, "_" or "-": per_page, perPage and per-page are one name. */
const plain = (name: string) => name.toLowerCase().replace(/[_-]/g, "");

const SIZE: Names = ["limit", "perpage", "pagesize", "size", "maxresults", "take", "rows"];
const OFFSET: Names = ["offset", "from", "skip", "start", "startindex"];
const PAGE: Names = ["page", "pagenumber", "pageno"];
const CURSOR: Names = ["cursor", "pagetoken", "nexttoken", "startingafter", "after", "continuationtoken", "continuation"];
const NEXT: Names = ["nextcursor", "nextpagetoken", "nexttoken", "endcursor", "continuationtoken", "continuation", "cursor"];
const TOTAL: Names = ["count", "total", "totalcount", "totalresults", "totalitems", "totalrecords", "totalsize"];

export type OperationPagingInput = {
  doc: unknown;
  /** The operation's x-console-paging, checked. */
  declared: PagingDeclaration | false | undefined;
  /** The document's x-console-paging, checked. */
  documentDefault: PagingDeclaration | false | undefined;
  /** The operation's query parameters, references followed (path-level ones included). */
  query: Parameter[];
  /** The operation's responses as written (read leniently: paging is a convenience). */
  responses: unknown;
  where: (string | number)[];
};

function findParameter(query: Parameter[], names: Names): Parameter | undefined {
  for (const name of names) {
    const found = query.find((p) => p.name !== undefined && plain(p.name) === name);
    if (found) return found;
  }
  return undefined;
}

/** The page size the API suggests: its size parameter's default, else 25 kept within its limits. */
function sizeHint(doc: unknown, parameter: Parameter | undefined, where: (string | number)[]): number | undefined {
  if (!parameter?.schema) return undefined;
  let schema: SchemaObject;
  try {
    schema = flatSchema(doc, parameter.schema, where);
  } catch {
    return undefined;
  }
  const fallback = Number(schema.default);
  if (Number.isInteger(fallback) && fallback >= 1 && fallback <= 1000) return fallback;
  if (schema.maximum !== undefined && schema.maximum >= 1 && schema.maximum < 25) return Math.floor(schema.maximum);
  if (schema.minimum !== undefined && schema.minimum > 25 && schema.minimum <= 1000) return Math.ceil(schema.minimum);
  return undefined;
}

function firstPageNumber(doc: unknown, parameter: Parameter, where: (string | number)[]): 0 | 1 {
  try {
    const schema = parameter.schema ? flatSchema(doc, parameter.schema, where) : {};
    return schema.minimum === 0 || (schema.minimum === undefined && Number(schema.default) === 0) ? 0 : 1;
  } catch {
    return 1;
  }
}

const responseSchema = z.looseObject({
  $ref: z.string().optional(),
  content: z.record(z.string(), z.looseObject({ schema: schemaObjectSchema.optional() })).optional(),
});
const responsesSchema = z.record(z.string(), responseSchema);
const asResponse = (found: unknown) => responseSchema.safeParse(found).data ?? null;

/** The members of the success answer, one level into nested objects: "count", "meta.next_cursor". */
export function answerMembers(doc: unknown, responses: unknown, where: (string | number)[]): Map<string, SchemaObject> {
  const members = new Map<string, SchemaObject>();
  const parsed = responsesSchema.safeParse(responses ?? {});
  if (!parsed.success) return members;
  const status = Object.keys(parsed.data).sort().find((code) => /^2(\d\d|XX)$/i.test(code)) ?? (parsed.data.default ? "default" : undefined);
  if (!status) return members;
  try {
    const response = resolve(doc, parsed.data[status]!, asResponse, [...where, "responses", status]);
    const content = pickContent(response);
    if (!content?.[1].schema) return members;
    const body = flatSchema(doc, content[1].schema, [...where, "responses", status, "content", content[0], "schema"]);
    for (const [name, raw] of Object.entries(body.properties ?? {})) {
      const member = flatSchema(doc, raw, [...where, "responses", status, "properties", name]);
      members.set(name, member);
      if (typeOf(member) !== "object" && !member.properties) continue;
      for (const [inner, innerRaw] of Object.entries(member.properties ?? {})) {
        members.set(`${name}.${inner}`, flatSchema(doc, innerRaw, [...where, "responses", status, "properties", name, "properties", inner]));
      }
    }
  } catch (error) {
    // A broken reference in an answer's schema does not stop the catalogue; it only means no guess.
    if (!(error instanceof CatalogError)) throw error;
  }
  return members;
}

/** The first member, top level before nested, whose name is one of `names` and whose type fits. */
function findMember(members: Map<string, SchemaObject>, names: Names, fits: (type: string | undefined) => boolean): string | undefined {
  const entries = [...members.entries()];
  const byDepth = [...entries.filter(([path]) => !path.includes(".")), ...entries.filter(([path]) => path.includes("."))];
  for (const name of names) {
    const found = byDepth.find(([path, schema]) => plain(path.split(".").pop()!) === name && fits(typeOf(schema)));
    if (found) return found[0];
  }
  return undefined;
}

const isCount = (type: string | undefined) => type === undefined || type === "integer" || type === "number";
const isToken = (type: string | undefined) => type === undefined || type === "string" || type === "integer";

/** The paging the conventions suggest, or null. */
export function conventionalPaging(doc: unknown, query: Parameter[], responses: unknown, where: (string | number)[]): Paging | null {
  const size = findParameter(query, SIZE);
  const hint = sizeHint(doc, size, where);
  const withSize = size?.name ? { limit: size.name } : {};
  const cursor = findParameter(query, CURSOR);
  const members = answerMembers(doc, responses, where);
  const total = findMember(members, TOTAL, isCount);
  if (cursor?.name) {
    const next = findMember(members, NEXT, isToken);
    if (next) return completePaging({ style: "cursor", cursor: cursor.name, next, ...withSize }, hint);
  }
  const offset = findParameter(query, OFFSET);
  if (offset?.name && size?.name) return completePaging({ style: "offset", offset: offset.name, limit: size.name, ...(total ? { total } : {}) }, hint);
  const page = findParameter(query, PAGE);
  if (page?.name) {
    return completePaging({ style: "page", page: page.name, first: firstPageNumber(doc, page, where), ...withSize, ...(total ? { total } : {}) }, hint);
  }
  return null;
}

/** The parameter a declaration moves from page to page. */
function movingParameter(declared: PagingDeclaration): string {
  return declared.style === "offset" ? declared.offset : declared.style === "page" ? declared.page : declared.cursor;
}

export function operationPaging({ doc, declared, documentDefault, query, responses, where }: OperationPagingInput): Paging | null {
  const hintFor = (limit: string | undefined) => sizeHint(doc, limit === undefined ? undefined : query.find((p) => p.name === limit), where);
  if (declared === false) return null;
  if (declared) return completePaging(declared, hintFor(declared.limit));
  if (documentDefault === false) return null;
  if (documentDefault && query.some((p) => p.name === movingParameter(documentDefault))) return completePaging(documentDefault, hintFor(documentDefault.limit));
  return conventionalPaging(doc, query, responses, where);
}
