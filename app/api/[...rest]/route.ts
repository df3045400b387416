// Any /api/* address without a route of its own: a problem document, not Next's HTML 404.
import { problemResponse } from "@/lib/problems/problem";

export const runtime = "nodejs";

const notFound = (request: Request) =>
  problemResponse("not-found", { detail: `There is no console API at ${new URL(request.url).pathname.slice(0, 200)}.`, instance: new URL(request.url).pathname });

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
