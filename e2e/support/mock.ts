// The mock JobNimbus API behind the browser suite's console: where it listens, a key it accepts,
// and a read straight from it (not through the console), to know what the console should show.
import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { PORTS } from "./users.mjs";

/** The mock's Platform base; its Legacy API is under /api1. */
export const MOCK_ORIGIN = `http://127.0.0.1:${PORTS.mock}`;

/**
 * A key the mock accepts with full access ("test-…"), new for each call: the mock limits each key to
 * 50 requests a second, so one key per test keeps tests from slowing each other down.
 */
export function freshTestKey(tag = "e2e"): string {
  return `test-${tag}-${randomBytes(8).toString("hex")}`;
}

/** GET `path` (e.g. "/api1/contacts?size=1") from the mock itself, with a key of its own; it must answer 200. */
export async function readMock<T>(path: string): Promise<T> {
  const res = await fetch(`${MOCK_ORIGIN}${path}`, { headers: { authorization: `Bearer ${freshTestKey("direct")}` } });
  const text = await res.text();
  expect(res.status, `${path}: ${text}`).toBe(200);
  return JSON.parse(text) as T;
}
