// next-auth's own routes (/api/auth/*). Signing out also clears the key vault cookie.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/1-sign-in";
import { clearVaultCookie } from "@/lib/vault/3-vault";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  const response: Response = await NextAuth(authOptions())(request, context);
  const action = (await context.params).nextauth?.[0];
  if (request.method === "POST" && action === "signout") {
    const headers = new Headers(response.headers);
    headers.append("set-cookie", clearVaultCookie());
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  return response;
}

export { handler as GET, handler as POST };
