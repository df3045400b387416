// POST /api/admin/people/sign-out {"email"}: ends every current sign-in of that person, on every instance (admins only).
import { signOutEverywhere } from "@/lib/admin/admin-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = signOutEverywhere;
