import { createServer, type Server } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadCatalog } from "./source";

const good = { openapi: "3.0.3", info: { title: "Served", version: "9" }, paths: { "/contacts": { get: { summary: "List" } } } };
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/good.json") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(good));
    if (req.url === "/good.yaml") return void res.writeHead(200, { "content-type": "application/yaml" }).end(stringify(good));
    if (req.url === "/moved") return void res.writeHead(302, { location: "/good.json" }).end();
    if (req.url?.startsWith("/private.json?")) {
      const token = new URL(req.url, "http://x").searchParams.get("access_token");
      const basic = req.headers.authorization === `Basic ${Buffer.from("reader:p@ss word").toString("base64")}`;
      return void (basic && token === "tok-123456" ? res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(good)) : res.writeHead(401).end());
    }
    res.writeHead(404).end("nope");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("loadCatalog", () => {
  it("defaults to the shipped document of JobNimbus's publicly documented APIs", async () => {
    const { label, result } = await loadCatalog({ OPENAPI_SPEC: undefined });
    expect(label).toBe("the shipped document of JobNimbus's publicly documented APIs");
    expect(result).toMatchObject({ ok: true, catalog: { title: "JobNimbus APIs (public sources)" } });
  });

  it("fetches a URL (loopback included)", async () => {
    const { result } = await loadCatalog({ OPENAPI_SPEC: `${base}/good.json` });
    expect(result).toMatchObject({ ok: true, catalog: { title: "Served", operations: [{ path: "contacts" }] } });
  });

  it("says why a URL could not be used, and never follows a redirect", async () => {
    expect((await loadCatalog({ OPENAPI_SPEC: `${base}/missing.json` })).result).toEqual({ ok: false, error: `OPENAPI_SPEC (${base}/missing.json) could not be fetched: it answered 404` });
    const moved = await loadCatalog({ OPENAPI_SPEC: `${base}/moved` });
    expect(moved.result).toMatchObject({ ok: false, error: expect.stringMatching(/^OPENAPI_SPEC \(.+\/moved\) could not be fetched: /) });
  });

  it("fetches a URL with credentials (user:password@ as Basic, the query as is) and names it by scheme, host and path only", async () => {
    const host = base.replace("http://", "");
    const ok = await loadCatalog({ OPENAPI_SPEC: `http://reader:p%40ss%20word@${host}/private.json?access_token=tok-123456` });
    expect(ok.label).toBe(`OPENAPI_SPEC (${base}/private.json)`);
    expect(ok.result).toMatchObject({ ok: true, catalog: { title: "Served" } });

    for (const spec of [
      `http://reader:wrong-pass@${host}/private.json?access_token=tok-123456`,
      `http://reader:p%40ss%20word@${host}/private.json?access_token=tok-999999`,
      `http://reader:p%40ss%20word@127.0.0.1:1/private.json?access_token=tok-123456`,
    ]) {
      const failed = await loadCatalog({ OPENAPI_SPEC: spec });
      expect(failed.result.ok).toBe(false);
      const shown = JSON.stringify(failed);
      for (const secret of ["reader", "wrong-pass", "p@ss", "p%40ss", "tok-", "access_token"]) expect(shown, spec).not.toContain(secret);
      expect(failed.label).toMatch(/^OPENAPI_SPEC \(http:\/\/127\.0\.0\.1:\d+\/private\.json\)$/);
    }
  });

  it("reads a file, and names what is wrong with it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "openapi-"));
    writeFileSync(join(dir, "ok.json"), JSON.stringify(good));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...good, openapi: "2.0" }));
    expect((await loadCatalog({ OPENAPI_SPEC: join(dir, "ok.json") })).result.ok).toBe(true);
    expect((await loadCatalog({ OPENAPI_SPEC: join(dir, "bad.json") })).result).toEqual({
      ok: false,
      error: `OPENAPI_SPEC (${join(dir, "bad.json")}): openapi must be "3.0.x" or "3.1.x": the console reads OpenAPI 3 documents`,
    });
    expect((await loadCatalog({ OPENAPI_SPEC: join(dir, "none.json") })).result).toEqual({ ok: false, error: `OPENAPI_SPEC (${join(dir, "none.json")}) cannot be read: there is no such file` });
  });

  it("reads YAML from a file or a URL, and names the line of a YAML mistake", async () => {
    const dir = mkdtempSync(join(tmpdir(), "openapi-"));
    writeFileSync(join(dir, "ok.yaml"), stringify(good));
    writeFileSync(join(dir, "bad.yml"), "openapi: 3.0.3\ninfo:\n  title: Served\n  title: Again\n");
    expect((await loadCatalog({ OPENAPI_SPEC: join(dir, "ok.yaml") })).result).toMatchObject({ ok: true, catalog: { title: "Served", operations: [{ path: "contacts" }] } });
    expect((await loadCatalog({ OPENAPI_SPEC: `${base}/good.yaml` })).result).toMatchObject({ ok: true, catalog: { title: "Served" } });
    expect((await loadCatalog({ OPENAPI_SPEC: join(dir, "bad.yml") })).result).toEqual({
      ok: false,
      error: `OPENAPI_SPEC (${join(dir, "bad.yml")}) is not valid YAML: the same key appears twice in one mapping at line 4, column 3`,
    });
  });
});
