// The parts of an OpenAPI 3 document the catalogue reads, checked with zod so a malformed
// document is refused with one message naming where it is wrong (paths["/x"].get.parameters[0].in).
import { z } from "@/lib/zod";
import { pagingOptionSchema } from "./paging";

export const SCHEMA_TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"] as const;
export const PARAMETER_LOCATIONS = ["path", "query", "header", "cookie"] as const;

export type SchemaObject = {
  $ref?: string;
  type?: (typeof SCHEMA_TYPES)[number] | (typeof SCHEMA_TYPES)[number][];
  format?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  readOnly?: boolean;
  nullable?: boolean;
};

const typeName = z.enum(SCHEMA_TYPES, `must be one of ${SCHEMA_TYPES.map((t) => `"${t}"`).join(", ")}`);

// $ref sits beside the other members (not in a union) so an error points at the member itself.
export const schemaObjectSchema: z.ZodType<SchemaObject> = z.lazy(() =>
  z.looseObject({
    $ref: z.string().optional(),
    type: z.union([typeName, z.array(typeName)], `must be one of ${SCHEMA_TYPES.map((t) => `"${t}"`).join(", ")}, or a list of them`).optional(),
    format: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    enum: z.array(z.unknown(), "must be a list of the allowed values").optional(),
    default: z.unknown().optional(),
    example: z.unknown().optional(),
    properties: z.record(z.string(), schemaObjectSchema, "must be an object of property schemas").optional(),
    required: z.array(z.string(), "must be a list of property names").optional(),
    items: schemaObjectSchema.optional(),
    allOf: z.array(schemaObjectSchema).optional(),
    oneOf: z.array(schemaObjectSchema).optional(),
    anyOf: z.array(schemaObjectSchema).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(0).optional(),
    pattern: z.string().optional(),
    readOnly: z.boolean().optional(),
    nullable: z.boolean().optional(),
  }),
);

export const parameterSchema = z
  .looseObject({
    $ref: z.string().optional(),
    name: z.string().min(1, "must not be empty").optional(),
    in: z.enum(PARAMETER_LOCATIONS, `must be one of ${PARAMETER_LOCATIONS.map((l) => `"${l}"`).join(", ")}`).optional(),
    required: z.boolean().optional(),
    description: z.string().optional(),
    deprecated: z.boolean().optional(),
    schema: schemaObjectSchema.optional(),
    example: z.unknown().optional(),
  })
  .superRefine((parameter, ctx) => {
    if (parameter.$ref !== undefined) return;
    if (parameter.name === undefined) ctx.addIssue({ code: "custom", path: ["name"], message: "is missing: every parameter needs a name" });
    if (parameter.in === undefined) ctx.addIssue({ code: "custom", path: ["in"], message: 'is missing: say where the parameter goes ("path", "query", "header" or "cookie")' });
  });
export type Parameter = z.infer<typeof parameterSchema>;

export const requestBodySchema = z.looseObject({
  $ref: z.string().optional(),
  description: z.string().optional(),
  required: z.boolean().optional(),
  content: z.record(z.string(), z.looseObject({ schema: schemaObjectSchema.optional(), example: z.unknown().optional() }), "must map media types to {schema}").optional(),
});
export type RequestBody = z.infer<typeof requestBodySchema>;

const operationSchema = z.looseObject({
  operationId: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string(), "must be a list of tag names").optional(),
  deprecated: z.boolean().optional(),
  parameters: z.array(parameterSchema, "must be a list of parameters").optional(),
  requestBody: requestBodySchema.optional(),
  "x-console-upstream": z.enum(["platform", "legacy"], 'must be "platform" or "legacy"').optional(),
  /** How this list pages (docs/recipes.md); false: it does not. */
  "x-console-paging": pagingOptionSchema.optional(),
  /** Where this operation's description comes from: source keys such as "SDK:37046663773" (docs/jobnimbus.md). */
  "x-console-source": z.union([z.string(), z.array(z.string())], "must be a source key, or a list of them").optional(),
});
export type Operation = z.infer<typeof operationSchema>;

export const OPERATION_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

const pathItemSchema = z.looseObject({
  $ref: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  parameters: z.array(parameterSchema, "must be a list of parameters").optional(),
  "x-console-upstream": z.enum(["platform", "legacy"], 'must be "platform" or "legacy"').optional(),
  get: operationSchema.optional(),
  put: operationSchema.optional(),
  post: operationSchema.optional(),
  delete: operationSchema.optional(),
  options: operationSchema.optional(),
  head: operationSchema.optional(),
  patch: operationSchema.optional(),
  trace: operationSchema.optional(),
});
export type PathItem = z.infer<typeof pathItemSchema>;

export const openApiSchema = z.looseObject({
  openapi: z
    .string('is missing: this is not an OpenAPI 3 document (it needs "openapi": "3.0.x" or "3.1.x")')
    .regex(/^3\.\d+(\.\d+)?$/, 'must be "3.0.x" or "3.1.x": the console reads OpenAPI 3 documents'),
  info: z.looseObject({
    title: z.string("is missing (every OpenAPI document names its API)"),
    version: z.string("is missing (every OpenAPI document gives its version)"),
    description: z.string().optional(),
  }, "is missing: an OpenAPI document starts with info {title, version}"),
  paths: z
    .record(z.string(), pathItemSchema, "is missing: the operations live under paths")
    .superRefine((paths, ctx) => {
      for (const key of Object.keys(paths)) {
        if (!key.startsWith("/")) ctx.addIssue({ code: "custom", path: [key], message: "must start with /" });
      }
    }),
  tags: z.array(z.looseObject({ name: z.string(), description: z.string().optional() })).optional(),
  /** The paging of every GET operation that has the parameter it moves; false: no guessing from names. */
  "x-console-paging": pagingOptionSchema.optional(),
  /** What each source key of x-console-source stands for: {"SDK": "JobNimbus's collection text, …"}. */
  "x-console-sources": z.record(z.string(), z.string(), "must map source keys to what they are").optional(),
  components: z
    .looseObject({
      schemas: z.record(z.string(), schemaObjectSchema).optional(),
      parameters: z.record(z.string(), parameterSchema).optional(),
      requestBodies: z.record(z.string(), requestBodySchema).optional(),
    })
    .optional(),
});
export type OpenApiDocument = z.infer<typeof openApiSchema>;

/** paths["/api1/contacts"].get.parameters[0].in */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      const key = String(part);
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join("");
}
