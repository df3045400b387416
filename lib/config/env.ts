// Every setting the server reads, parsed and checked once with zod.
// A bad setting becomes one line naming the variable (see `describeEnvError`).
import "server-only";
import { z } from "@/lib/zod";

const MIN_SECRET = 32;

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:\/\//i.test(value) && Boolean(new URL(value).host);
  } catch {
    return false;
  }
}

// One check, so a bad value gives one line. The scheme is lower-cased so that
// "HTTPS://..." still counts as https for Secure / __Host- cookies (see isHttps).
const httpUrl = z
  .string("is missing; set it to an absolute URL such as https://console.example.com")
  .refine(isHttpUrl, "must be an absolute URL starting with http:// or https://, such as https://console.example.com")
  .transform((value) => value.replace(/^https?:/i, (scheme) => scheme.toLowerCase()).replace(/\/+$/, ""));

/** viewer reads; editor reads and writes; admin is an editor who also sees /admin. */
export const roleSchema = z.enum(["viewer", "editor", "admin"], 'must be "viewer", "editor" or "admin"');
export type Role = z.infer<typeof roleSchema>;

const consoleUserSchema = z.object({
  email: z.email("must be an email address").transform((email) => email.toLowerCase()),
  role: roleSchema,
  passwordHash: z.string("is missing").startsWith("scrypt:", "must come from `npm run hash-password`"),
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

const consoleUsers = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw || !raw.trim()) return [];
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array of {email, role, passwordHash}" });
      return z.NEVER;
    }
  })
  .pipe(z.array(consoleUserSchema, "must be a JSON array of {email, role, passwordHash}"));

// "alice@acme.com=editor,*@acme.com=viewer": first match wins.
const consoleRoles = commaList.transform((items, ctx) =>
  items.map((item) => {
    const [pattern, role] = item.split("=").map((part) => part.trim().toLowerCase());
    const parsed = roleSchema.safeParse(role);
    if (!pattern || !pattern.includes("@") || !parsed.success) {
      ctx.addIssue({ code: "custom", message: `entry "${item}" must look like email=editor or *@domain=viewer (roles: viewer, editor, admin)` });
      return { pattern: "", role: "viewer" as Role };
    }
    return { pattern, role: parsed.data };
  }),
);

/** How to make a good secret, at the end of every line about a weak one. */
const MAKE_ONE = "make a random one with: openssl rand -base64 32";

/** Placeholder words people leave in (lower-case, letters and digits only). */
const PLACEHOLDERS = ["changeme", "replaceme", "yoursecret", "placeholder", "example", "opensslrand", "nextauthsecret", "vaultsecret", "password"];

/**
 * Why a secret of the right length is still guessable, or null. Random output (openssl rand -base64 32,
 * or -hex 32) never trips these: it has more than ten different characters, its three-character runs
 * rarely repeat, and neighbours do not count up or down.
 */
export function secretWeakness(secret: string): string | null {
  const plain = secret.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (PLACEHOLDERS.some((word) => plain.includes(word))) return "it is a placeholder, not a secret";
  if (new Set(secret).size < 10) return "it uses fewer than 10 different characters";
  const triples = secret.length - 2;
  const distinct = new Set(Array.from({ length: triples }, (_, at) => secret.slice(at, at + 3))).size;
  if (distinct < triples * 0.75) return "it repeats a pattern";
  let steady = 0;
  for (let at = 2; at < secret.length; at += 1) {
    const step = secret.charCodeAt(at) - secret.charCodeAt(at - 1);
    if (Math.abs(step) <= 1 && step === secret.charCodeAt(at - 1) - secret.charCodeAt(at - 2)) steady += 1;
  }
  if (steady > triples / 2) return "it counts up or down, like abcdef or 123456";
  return null;
}

const secret = () =>
  z
    .string(`is missing; set it to a random string of at least ${MIN_SECRET} characters`)
    .min(MIN_SECRET, `is too short; use at least ${MIN_SECRET} random characters (try: openssl rand -base64 32)`)
    .superRefine((value, ctx) => {
      const weakness = value.length >= MIN_SECRET ? secretWeakness(value) : null;
      if (weakness) ctx.addIssue({ code: "custom", message: `is too easy to guess: ${weakness}; ${MAKE_ONE}` });
    });

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];

const wholeNumber = (min: number, max: number, unit: string) => {
  const message = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.coerce.number(message).int(message).min(min, message).max(max, message);
};

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXTAUTH_SECRET: secret(),
    NEXTAUTH_URL: httpUrl,
    VAULT_SECRET: z
      .string(`is missing; set it to a random string of at least ${MIN_SECRET} characters`)
      .transform((value) => value.split(",").map((part) => part.trim()))
      .refine(
        (parts) => parts.every((part) => part.length >= MIN_SECRET),
        `needs every comma-separated secret to be at least ${MIN_SECRET} characters`,
      )
      .superRefine((parts, ctx) => {
        const weak = parts.map((part) => (part.length >= MIN_SECRET ? secretWeakness(part) : null));
        const at = weak.findIndex(Boolean);
        if (at === -1) return;
        const which = parts.length > 1 ? `its ${ORDINALS[at] ?? `number ${at + 1}`} secret` : "it";
        ctx.addIssue({ code: "custom", message: `is too easy to guess (${which}): ${weak[at]}; ${MAKE_ONE}` });
      }),
    VAULT_TTL_SECONDS: wholeNumber(300, 30 * 24 * 3600, "seconds").default(12 * 3600),
    JOBNIMBUS_BASE_URL: httpUrl.default("https://api.jobnimbus.com"),
    JOBNIMBUS_LEGACY_BASE_URL: httpUrl.default("https://app.jobnimbus.com/api1"),
    UPSTREAM_TIMEOUT_MS: wholeNumber(100, 300_000, "milliseconds").default(30_000),
    CONSOLE_USERS: consoleUsers,
    CONSOLE_ROLES: consoleRoles,
    ALLOWED_EMAIL_DOMAINS: commaList.transform((domains) => domains.map((d) => d.toLowerCase().replace(/^@/, ""))),
    CONSOLE_DEMO: z
      .enum(["0", "1", "true", "false", ""])
      .optional()
      .transform((value) => value === "1" || value === "true"),
    GOOGLE_CLIENT_ID: z.string().optional(),
    GOOGLE_CLIENT_SECRET: z.string().optional(),
    AZURE_AD_CLIENT_ID: z.string().optional(),
    AZURE_AD_CLIENT_SECRET: z.string().optional(),
    AZURE_AD_TENANT_ID: z.string().optional(),
    OIDC_ISSUER: httpUrl.optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_NAME: z.string().default("Single sign-on"),
    /** recipes.json to use instead of the one beside the app (a path, relative to where the console starts). */
    RECIPES_FILE: z.string().optional(),
    /** The OpenAPI 3 document behind the endpoint catalogue: a file path or an http(s) URL; default the shipped mock document. */
    OPENAPI_SPEC: z.string().optional(),
    /** Shared state across instances (lib/store): sign-in counts, revoked sign-ins, the activity trail. Unset: in memory. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/i, "must start with redis:// or rediss://, such as redis://localhost:6379")
      .optional(),
    /** Failed sign-ins per email and client address within 15 minutes before attempts are refused unchecked. */
    LOGIN_MAX_FAILURES: wholeNumber(1, 1000, "attempts").default(10),
    /**
     * How many proxies of the console's own stand in front of it and append to X-Forwarded-For (nginx, a load
     * balancer). 0, the default, believes no forwarded address: a client can write that header itself.
     */
    TRUSTED_PROXY_HOPS: wholeNumber(0, 10, "proxies").default(0),
    /**
     * Team keys older than this many days are flagged on /admin: JobNimbus advises rotating keys. TEAM_KEYS
     * itself is read by the vault alone (lib/vault/5-team-keys.ts), so no other module holds those keys.
     */
    TEAM_KEY_MAX_AGE_DAYS: wholeNumber(1, 3650, "days").default(90),
    /** Set to 1 by Vercel itself; the client address is then Vercel's own x-vercel-forwarded-for. */
    VERCEL: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    const pairs: [string, string | undefined, string, string | undefined][] = [
      ["GOOGLE_CLIENT_ID", env.GOOGLE_CLIENT_ID, "GOOGLE_CLIENT_SECRET", env.GOOGLE_CLIENT_SECRET],
      ["AZURE_AD_CLIENT_ID", env.AZURE_AD_CLIENT_ID, "AZURE_AD_CLIENT_SECRET", env.AZURE_AD_CLIENT_SECRET],
      ["AZURE_AD_CLIENT_ID", env.AZURE_AD_CLIENT_ID, "AZURE_AD_TENANT_ID", env.AZURE_AD_TENANT_ID],
      ["OIDC_CLIENT_ID", env.OIDC_CLIENT_ID, "OIDC_ISSUER", env.OIDC_ISSUER],
      ["OIDC_CLIENT_ID", env.OIDC_CLIENT_ID, "OIDC_CLIENT_SECRET", env.OIDC_CLIENT_SECRET],
    ];
    // One secret in two places: whoever learns one (a leaked session key, say) holds the other.
    const reused = env.VAULT_SECRET.findIndex((part) => part === env.NEXTAUTH_SECRET && !secretWeakness(part));
    if (reused !== -1) {
      const which = env.VAULT_SECRET.length > 1 ? `its ${ORDINALS[reused] ?? `number ${reused + 1}`} secret` : "it";
      ctx.addIssue({
        code: "custom",
        path: ["VAULT_SECRET"],
        message: `reuses NEXTAUTH_SECRET (${which}); each needs its own random value: ${MAKE_ONE}`,
      });
    }
    for (const [name, value, partner, partnerValue] of pairs) {
      if (value && !partnerValue) {
        ctx.addIssue({ code: "custom", path: [partner], message: `is missing; it is needed because ${name} is set` });
      }
    }
    const anySignIn = env.CONSOLE_USERS.length > 0 || env.GOOGLE_CLIENT_ID || env.AZURE_AD_CLIENT_ID || env.OIDC_CLIENT_ID;
    if (!anySignIn) {
      ctx.addIssue({
        code: "custom",
        path: ["CONSOLE_USERS"],
        message: "is empty and no single sign-on is configured; set CONSOLE_USERS or GOOGLE_/AZURE_AD_/OIDC_ variables so someone can sign in",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** "CONSOLE_USERS[1].role": the variable first, then where inside its JSON the problem is. */
function issueName(path: readonly PropertyKey[]): string {
  const [variable, ...inside] = path;
  const where = inside.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
  return `${String(variable ?? "environment")}${where}`;
}

/** One line per problem, each naming the variable: what start-up prints. */
export function describeEnvError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issueName(issue.path)} ${issue.message}`).join("\n");
}

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** `NAME=` with nothing after it (as .env.example leaves them) means "not set", so defaults apply. */
function withoutBlanks(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value === undefined || value.trim() !== ""));
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withoutBlanks(source));
  if (!result.success) throw new EnvError(describeEnvError(result.error));
  return result.data;
}

let cached: Env | undefined;

/** The checked environment; parsed on first use, then reused. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True when the console is served over https: cookies get Secure and `__Host-`. */
export function isHttps(env: Env = getEnv()): boolean {
  return env.NEXTAUTH_URL.startsWith("https://");
}
