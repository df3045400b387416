// Who is calling: decodes the next-auth session JWT straight from the request's cookie.
// Route handlers call this themselves; nothing relies on proxy.ts for identity.
import "server-only";
import { decode } from "next-auth/jwt";
import { z } from "@/lib/zod";
import { sessionCookieName } from "./auth-cookies";
import { readCookie } from "./cookies";
import { getEnv, type Env } from "./env";

const sessionSchema = z.object({
  email: z.string(),
  role: z.enum(["viewer", "editor"]),
  /** Random per sign-in: binds the key vault to this sign-in, so keys die with it. */
  sid: z.string().min(16),
  name: z.string().nullish(),
});
export type ConsoleSession = z.infer<typeof sessionSchema>;


export async function readSession(request: Request, env: Env = getEnv()): Promise<ConsoleSession | null> {
  const token = readCookie(request.headers.get("cookie"), sessionCookieName(env));
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: env.NEXTAUTH_SECRET });
    const parsed = sessionSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The identity a vault is sealed for: this person in this sign-in. */
export function vaultOwner(session: ConsoleSession): string {
  return `${session.email}#${session.sid}`;
}
