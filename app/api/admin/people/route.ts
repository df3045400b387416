// GET /api/admin/people: everyone configured, their role, how they sign in and when they were last seen (admins only).
import { listPeople } from "@/lib/admin/admin-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = listPeople;
