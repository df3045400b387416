// GET /api/keys lists a person's keys (never the keys themselves); POST saves one.
import { createKey, listKeys } from "@/lib/vault/1-keys-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = listKeys;
export const POST = createKey;
