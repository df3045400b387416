// Builds the environment for a local console run against a loopback upstream: used by
// `npm run demo` and by the test servers, so both start the console the same way.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/auth/3-password-hash.mjs";

/**
 * @param {{ port: number, host?: string, upstream: string, users: {email: string, password: string, role: string}[], extra?: Record<string,string> }} options
 */
export async function consoleEnv({ port, host = "localhost", upstream, users, extra = {} }) {
  const consoleUsers = await Promise.all(
    users.map(async ({ email, password, role }) => ({ email, role, passwordHash: await hashPassword(password) })),
  );
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXTAUTH_URL: `http://${host}:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    VAULT_SECRET: randomBytes(32).toString("base64url"),
    JOBNIMBUS_BASE_URL: upstream,
    JOBNIMBUS_LEGACY_BASE_URL: `${upstream}/api1`,
    CONSOLE_USERS: JSON.stringify(consoleUsers),
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}
