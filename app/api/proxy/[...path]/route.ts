// ANY /api/proxy/{path...}: forwards to JobNimbus with the caller's sealed key (see lib/proxy.ts).
import { handleProxy } from "@/lib/proxy";
import { problemResponse } from "@/lib/problem";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
/** Seconds Vercel lets this function run; above UPSTREAM_TIMEOUT_MS so our 504 problem comes first. */
export const maxDuration = 60;

export const GET = handleProxy;
export const POST = handleProxy;
export const PUT = handleProxy;
export const PATCH = handleProxy;
export const DELETE = handleProxy;

const notProxied = (request: Request) =>
  problemResponse("method-not-allowed", {
    detail: `${request.method} is not proxied; use GET, POST, PUT, PATCH or DELETE.`,
    instance: new URL(request.url).pathname,
    headers: { allow: "GET, POST, PUT, PATCH, DELETE" },
  });
export const HEAD = notProxied;
export const OPTIONS = notProxied;
