// GET /api/admin/activity/csv?person=&status=: the whole matching trail as a CSV download, streamed (admins only).
import { downloadActivity } from "@/lib/admin/admin-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = downloadActivity;
