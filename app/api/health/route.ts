// GET /api/health: 200 while the process can serve; no session, no upstream call. Says which shared
// store is in use and whether it answers (Redis down: sign-ins are refused, signed-in people go on).
import { getStore } from "@/lib/store/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  const store = await getStore().health();
  return Response.json({ ok: true, store }, { headers: { "cache-control": "no-store" } });
}
