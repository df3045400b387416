// GET /api/catalog: the endpoint catalogue built from OPENAPI_SPEC (or the shipped mock document).
// Guarded like every /api route; an unusable document is a problem naming what is wrong.
import { guard } from "@/lib/auth/7-guards";
import { loadCatalog } from "@/lib/catalog/source";
import { problemResponse } from "@/lib/problems/problem";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const guarded = await guard(request);
  if (!guarded.ok) return guarded.response;
  const { label, result } = await loadCatalog();
  if (!result.ok) {
    return problemResponse("catalog-unavailable", { detail: result.error, instance: new URL(request.url).pathname });
  }
  return Response.json({ source: label, catalog: result.catalog }, { headers: { "cache-control": "no-store" } });
}
