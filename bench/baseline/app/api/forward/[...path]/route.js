// GET /api/forward/{path...}: the bare forwarding baseline. It sends the request on to
// BENCH_UPSTREAM with a keep-alive node:http agent and streams the answer back. Nothing else:
// no session, no vault, no CSRF or role checks, no path checks, no audit line.
import http from "node:http";
import { Readable } from "node:stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const upstream = new URL(process.env.BENCH_UPSTREAM || "http://127.0.0.1:5103");

export function GET(request) {
  const url = new URL(request.url);
  const path = url.pathname.slice("/api/forward".length) + url.search;
  return new Promise((resolve) => {
    const outgoing = http.request(
      { host: upstream.hostname, port: upstream.port, path, method: "GET", agent, headers: { accept: request.headers.get("accept") ?? "*/*" } },
      (incoming) => {
        const headers = new Headers();
        if (incoming.headers["content-type"]) headers.set("content-type", incoming.headers["content-type"]);
        if (incoming.headers["content-length"]) headers.set("content-length", incoming.headers["content-length"]);
        resolve(new Response(Readable.toWeb(incoming), { status: incoming.statusCode ?? 502, headers }));
      },
    );
    outgoing.on("error", () => resolve(new Response(null, { status: 502 })));
    outgoing.end();
  });
}
