// GET /api/admin/team-keys: the shared keys by label and last four, their age and who uses them (admins only).
import { listTeamKeys } from "@/lib/admin/admin-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = listTeamKeys;
