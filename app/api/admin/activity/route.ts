// GET /api/admin/activity?person=&status=&before=: the activity trail, newest first, one page (admins only).
import { listActivity } from "@/lib/admin/admin-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = listActivity;
