// Cancel (or a closed tab) stops the upstream call too: when the browser hangs up, the console
// hangs up on JobNimbus, before the answer's headers and in the middle of its body.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { API_URL } from "../support/users.mjs";
import { consoleLogEntries, resetRecords, signedIn, upstream, type ConsoleClient, type Recorded } from "../support/api-client";

/** Starts a proxied GET and hands back the request (to destroy) and a promise of the first body bytes. */
function startCall(client: ConsoleClient, path: string) {
  const url = new URL(API_URL);
  let firstBytes: (bytes: number) => void = () => {};
  const gotBytes = new Promise<number>((resolve) => (firstBytes = resolve));
  const req = http.request({
    host: url.hostname,
    port: url.port,
    method: "GET",
    path: `/api/proxy/${path}`,
    headers: { cookie: client.cookieHeader(), "x-csrf": "1" },
    agent: false,
  });
  req.on("response", (res) => res.once("data", (chunk: Buffer) => firstBytes(chunk.length)));
  req.on("error", () => {}); // destroyed on purpose
  req.end();
  return { req, gotBytes };
}

async function upstreamEntry(path: string): Promise<Recorded | undefined> {
  return (await upstream.requests()).find((entry) => entry.path === path);
}

test("a caller hanging up before JobNimbus answers ends the upstream call, and the audit line says aborted", async () => {
  const editor = await signedIn("editor");
  await resetRecords();
  const { req } = startCall(editor, "fault/hang-head");
  await expect.poll(async () => (await upstreamEntry("/fault/hang-head"))?.path, { timeout: 10_000 }).toBe("/fault/hang-head");
  expect((await upstreamEntry("/fault/hang-head"))?.ended).toBeUndefined();

  req.destroy();
  await expect.poll(async () => (await upstreamEntry("/fault/hang-head"))?.ended, { timeout: 10_000 }).toBe("cut");
  await expect
    .poll(() => consoleLogEntries().filter((line) => line.event === "proxy" && line.path === "/fault/hang-head").map((line) => line.outcome), { timeout: 10_000 })
    .toContain("aborted");
});

test("a caller hanging up in the middle of a 200 MB answer ends the upstream transfer", async () => {
  const editor = await signedIn("editor");
  await resetRecords();
  const { req, gotBytes } = startCall(editor, "big?mb=200");
  expect(await gotBytes).toBeGreaterThan(0);
  expect((await upstreamEntry("/big"))?.ended).toBeUndefined();

  req.destroy();
  // Had the console kept reading, the upstream would send all 200 MB and record "finished".
  await expect.poll(async () => (await upstreamEntry("/big"))?.ended, { timeout: 10_000 }).toBe("cut");
});
