// ANY /api/proxy/{path...}: forwards to JobNimbus with the caller's key (lib/proxy, read in file order).
import { handleProxy } from "@/lib/proxy/1-handle";
import { problemResponse } from "@/lib/problems/problem";
import { METHODS } from "@/lib/request/request-model";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
/** Seconds Vercel lets this function run; above UPSTREAM_TIMEOUT_MS so our 504 problem comes first. */
export const maxDuration = 60;

// The proxied methods are exactly METHODS: the only names this route exports to handleProxy.
export const GET = handleProxy;
export const POST = handleProxy;
export const PUT = handleProxy;
export const PATCH = handleProxy;
export const DELETE = handleProxy;

const notProxied = (request: Request) =>
  problemResponse("method-not-allowed", {
    detail: `${request.method} is not proxied; use ${METHODS.join(", ")}.`,
    instance: new URL(request.url).pathname,
    headers: { allow: METHODS.join(", ") },
  });
export const HEAD = notProxied;
export const OPTIONS = notProxied;
