// DELETE /api/keys/{id} forgets a key; PATCH {"active": true} makes it the active one.
import { deleteKey, updateKey } from "@/lib/vault/1-keys-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function DELETE(request: Request, { params }: Context) {
  return deleteKey(request, (await params).id);
}

export async function PATCH(request: Request, { params }: Context) {
  return updateKey(request, (await params).id);
}
