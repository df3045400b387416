// next-auth's own routes (/api/auth/*). A sign-out that really happens (next-auth checked its CSRF
// token, revoked the sign-in in lib/auth/1-sign-in.ts and cleared the session cookie) clears the key
// vault cookie too; a refused one (a cross-site form) leaves both cookies alone.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/1-sign-in";
import { sessionCookieName } from "@/lib/auth/5-cookies";
import { clearVaultCookie } from "@/lib/vault/3-vault";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth clears the session cookie only when it signs out: Max-Age=0 or an expiry in the past. */
function clearsSession(response: Response): boolean {
  const name = `${sessionCookieName()}=`;
  return response.headers
    .getSetCookie()
    .some((cookie) => cookie.startsWith(name) && /;\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(cookie));
}

async function handler(request: Request, context: Context) {
  const response: Response = await NextAuth(authOptions())(request, context);
  const action = (await context.params).nextauth?.[0];
  if (request.method === "POST" && action === "signout" && clearsSession(response)) {
    const headers = new Headers(response.headers);
    headers.append("set-cookie", clearVaultCookie());
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  return response;
}

export { handler as GET, handler as POST };
