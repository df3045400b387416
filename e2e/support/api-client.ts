// HTTP helpers for the "api" suite: a console client with its own cookie jar (so tests can
// swap cookies between users), raw-socket requests that no client library normalises, the
// test upstream's and canary's records, and a check that no API key ever comes back.
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { DEMO_KEY, DEMO_READONLY_KEY } from "../../mock/keys.mjs";
import { API_URL, KEYS, LOG_DIR, PORTS, SHARED_KEYS, USERS } from "./users.mjs";

export type UserName = keyof typeof USERS;

/** Every key a test or the mock knows, team keys included: none of them may appear in anything the console sends back or logs. */
export const ALL_KEYS: string[] = [...Object.values(KEYS), ...Object.values(SHARED_KEYS), DEMO_KEY, DEMO_READONLY_KEY];

export const UPSTREAM_URL = `http://127.0.0.1:${PORTS.testUpstream}`;
export const CANARY_URL = `http://127.0.0.1:${PORTS.canary}`;
export const CANARY_HOST = `127.0.0.1:${PORTS.canary}`;
export const API_HOST = new URL(API_URL).host;
export const API_LOG = `${LOG_DIR.replace(/\/$/, "")}/console-api.log`;

export type Reply = {
  status: number;
  /** Lower-case names; repeated headers joined with ", " except set-cookie (see setCookies). */
  headers: Record<string, string>;
  setCookies: string[];
  text: string;
  /** The raw header block, for leak checks. */
  rawHead: string;
};

export function json<T = Record<string, unknown>>(reply: Reply): T {
  return JSON.parse(reply.text) as T;
}

/**
 * Every form a key takes when something quotes it: as is, URL-encoded (upper- and lower-case hex),
 * JSON-escaped (also with "/" escaped), and the part of base64 and base64url that only the key decides,
 * at each of the three byte alignments, so the key is found inside the base64 of a longer text such as
 * "Bearer <key>" or "user:<key>". Worked out here on its own, not taken from the console's code.
 */
export function keyForms(key: string): string[] {
  const url = encodeURIComponent(key);
  const json = JSON.stringify(key).slice(1, -1);
  const forms = new Set([key, url, url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), json, json.replace(/\//g, "\\/")]);
  for (const alphabet of ["base64", "base64url"] as const) {
    for (let shift = 0; shift < 3; shift += 1) {
      const text = Buffer.concat([Buffer.alloc(shift), Buffer.from(key)]).toString(alphabet);
      // Characters whose 6 bits all come from the key: from the first one after the shift to the last whole one.
      forms.add(text.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + key.length) * 8) / 6)));
    }
  }
  return [...forms];
}

/** Worked out once: the fuzz and load suites check thousands of replies. */
const KNOWN_FORMS = ALL_KEYS.map((key) => [key, keyForms(key)] as const);

/** Where a known key appears in a reply, in any of its forms (keyForms). */
export function keyLeaks(reply: Pick<Reply, "text" | "rawHead">): string[] {
  const leaks: string[] = [];
  for (const [key, forms] of KNOWN_FORMS) {
    for (const form of forms) {
      const name = form === key ? "" : `a form (${form.slice(0, 6)}…) of `;
      if (reply.rawHead.includes(form)) leaks.push(`headers hold ${name}${key.slice(0, 8)}…`);
      if (reply.text.includes(form)) leaks.push(`body holds ${name}${key.slice(0, 8)}…`);
    }
  }
  return leaks;
}

/** Fails the test when any known key appears in a reply's head or body. */
export function expectNoKeyIn(reply: Pick<Reply, "text" | "rawHead">, where = "response"): void {
  expect(keyLeaks(reply), `an API key appeared in a ${where}`).toEqual([]);
}

/**
 * A plain assertion for loops of thousands of calls: Playwright's `expect` records every call as a
 * step with its stack, which costs milliseconds each; these suites check a few per call, by hand.
 */
export function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Asserts an RFC 9457 problem from the console with the given slug and status; returns the document. */
export function expectProblem(reply: Reply, slug: string, status?: number): Record<string, unknown> & { type: string; detail: string } {
  expect(reply.headers["content-type"] ?? "", `content-type of ${reply.status} ${reply.text.slice(0, 300)}`).toMatch(
    /^application\/problem\+json/,
  );
  const problem = json<Record<string, unknown> & { type: string; detail: string }>(reply);
  expect(problem.type, `problem type (body: ${reply.text.slice(0, 300)})`).toMatch(new RegExp(`/problems/${slug}$`));
  if (status !== undefined) expect(reply.status).toBe(status);
  expect(problem.status).toBe(reply.status);
  expect(typeof problem.title).toBe("string");
  expect(typeof problem.detail).toBe("string");
  return problem;
}

function toReply(res: http.IncomingMessage, body: Buffer): Reply {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || name === "set-cookie") continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const rawHead = res.rawHeaders.reduce((out, item, i) => out + item + (i % 2 === 0 ? ": " : "\r\n"), "");
  return { status: res.statusCode ?? 0, headers, setCookies: res.headers["set-cookie"] ?? [], text: body.toString("utf8"), rawHead };
}

export type SendOptions = {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Adds X-CSRF: 1 (default true), as the console's own pages do. */
  csrf?: boolean;
  /** Sends no cookies at all. */
  anonymous?: boolean;
  /** Replaces the jar's Cookie header for this one request. */
  cookie?: string;
};

/** One raw HTTP/1.1 exchange through node:http: the path goes out byte for byte (no normalising). */
export function httpRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string | string[]> = {},
  body?: string | Buffer,
): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers, agent: false, setHost: !Object.keys(headers).some((h) => h.toLowerCase() === "host") },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(toReply(res, Buffer.concat(chunks))));
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** A signed-in (or not) person talking to the api console, with their own cookie jar. */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string = API_URL) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a) || /^\s*expires\s*=\s*thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Sends one request; every reply is checked for key leaks before it is returned. */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (options.csrf !== false) headers["x-csrf"] = "1";
    const cookie = options.cookie ?? (options.anonymous ? "" : this.cookieHeader());
    if (cookie) headers.cookie = cookie;
    Object.assign(headers, options.headers);
    const reply = await httpRequest(this.base, method, path, headers, options.body);
    this.remember(reply.setCookies);
    expectNoKeyIn(reply, `${method} ${path.slice(0, 80)}`);
    return reply;
  }

  get(path: string, options?: SendOptions) {
    return this.send("GET", path, options);
  }

  sendJson(method: string, path: string, body: unknown, options: SendOptions = {}) {
    return this.send(method, path, {
      ...options,
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...options.headers },
    });
  }

  /** Signs in through next-auth's own routes, like the sign-in form does. */
  async signIn(user: UserName): Promise<void> {
    const { email, password } = USERS[user];
    await this.signInAs(email, password, user);
  }

  /** The same with any email and password (e.g. the load users, which only the api console knows). */
  async signInAs(email: string, password: string, user: string = email): Promise<void> {
    const csrf = await this.get("/api/auth/csrf", { csrf: false });
    expect(csrf.status).toBe(200);
    const { csrfToken } = json<{ csrfToken: string }>(csrf);
    const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: this.base, json: "true" });
    const reply = await this.send("POST", "/api/auth/callback/credentials", {
      csrf: false,
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(json<{ url: string }>(reply).url).not.toContain("error");
    expect([...this.cookies.keys()].some((name) => name.endsWith("session-token")), `session cookie after signing in as ${user}`).toBe(true);
  }

  async signOut(): Promise<Reply> {
    const csrf = await this.get("/api/auth/csrf", { csrf: false });
    const { csrfToken } = json<{ csrfToken: string }>(csrf);
    const form = new URLSearchParams({ csrfToken, callbackUrl: this.base, json: "true" });
    const reply = await this.send("POST", "/api/auth/signout", {
      csrf: false,
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(reply.status, reply.text).toBe(200);
    return reply;
  }

  /** POST /api/keys; expects 201 and returns the public entry. */
  async saveKey(apiKey: string, label = "Test key"): Promise<PublicKey> {
    const reply = await this.sendJson("POST", "/api/keys", { label, apiKey });
    expect(reply.status, reply.text).toBe(201);
    return json<PublicKey>(reply);
  }

  async listKeys(): Promise<PublicKey[]> {
    const reply = await this.get("/api/keys");
    expect(reply.status, reply.text).toBe(200);
    return json<{ keys: PublicKey[] }>(reply).keys;
  }

  /** A proxied call: `path` is everything after /api/proxy/, sent raw. */
  proxy(method: string, path: string, options?: SendOptions) {
    return this.send(method, `/api/proxy/${path}`, options);
  }

  vaultCookie(): string | undefined {
    return this.cookies.get("jnc-vault");
  }

  sessionCookie(): string | undefined {
    return this.cookies.get("jnc.session-token");
  }
}

export type PublicKey = { id: string; label: string; last4: string; createdAt: string; active: boolean; expiresAt?: string };

/** A signed-in client with one saved key (the user's own from users.mjs unless given). */
export async function signedIn(user: UserName, key: string | null = KEYS[user]): Promise<ConsoleClient> {
  const client = new ConsoleClient();
  await client.signIn(user);
  if (key) await client.saveKey(key);
  return client;
}

// ---- the test upstream and its canary ----

export type Recorded = {
  time: string;
  method: string;
  url: string;
  path: string;
  query: string;
  headers: Record<string, string | string[]>;
  rawHeaders: [string, string][];
  body: string;
  /** "finished" once the answer was sent, "cut" when the console hung up first; absent while open. */
  ended?: "finished" | "cut";
};

async function control<T>(base: string, method: string, path: string): Promise<T> {
  const reply = await httpRequest(base, method, path);
  // `must`, not `expect`: the fuzz and load suites call these thousands of times.
  must(reply.status === 200, `${method} ${path}: ${reply.status} ${reply.text}`);
  return json<T>(reply);
}

export const upstream = {
  requests: () => control<Recorded[]>(UPSTREAM_URL, "GET", "/__control/requests"),
  clear: () => control<unknown>(UPSTREAM_URL, "DELETE", "/__control/requests"),
  /** Stops the upstream listening for `ms` (connections refused), then it listens again. */
  refuse: (ms: number) => control<unknown>(UPSTREAM_URL, "POST", `/__control/refuse?ms=${ms}`),
};

export const canary = {
  hits: () => control<Recorded[]>(CANARY_URL, "GET", "/__control/hits"),
  clear: () => control<unknown>(CANARY_URL, "DELETE", "/__control/hits"),
};

/** Both records emptied: call at the start of a test that counts upstream calls. */
export async function resetRecords(): Promise<void> {
  await Promise.all([upstream.clear(), canary.clear()]);
}

// ---- raw sockets ----

/**
 * Writes `head` (request line and headers, CRLF-separated, without the blank line) straight to a
 * socket, so nothing normalises the target or the headers. Reads until the server closes.
 */
export function rawRequest(head: string, body: Buffer | string = ""): Promise<Reply> {
  const url = new URL(API_URL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(20_000, () => socket.destroy(new Error(`raw request timed out: ${head.split("\r\n")[0]}`)));
    socket.on("connect", () => {
      socket.write(Buffer.concat([Buffer.from(`${head}\r\nConnection: close\r\n\r\n`, "latin1"), Buffer.from(body)]));
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // A server may reset after answering; keep what arrived.
      if (chunks.length > 0 && error.code === "ECONNRESET") return;
      reject(error);
    });
    socket.on("close", () => {
      if (chunks.length === 0) return reject(new Error(`no answer to: ${head.split("\r\n")[0]}`));
      resolve(parseRawResponse(Buffer.concat(chunks)));
    });
  });
}

function parseRawResponse(data: Buffer): Reply {
  const end = data.indexOf("\r\n\r\n");
  const rawHead = data.subarray(0, end === -1 ? data.length : end).toString("latin1");
  let body = end === -1 ? Buffer.alloc(0) : data.subarray(end + 4);
  const [statusLine = "", ...lines] = rawHead.split("\r\n");
  const headers: Record<string, string> = {};
  const setCookies: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "set-cookie") setCookies.push(value);
    else headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  if (/chunked/i.test(headers["transfer-encoding"] ?? "")) body = dechunk(body);
  return { status: Number(statusLine.split(" ")[1] ?? 0), headers, setCookies, text: body.toString("utf8"), rawHead };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd === -1) break;
    const size = parseInt(data.subarray(at, lineEnd).toString("latin1"), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

// ---- the console's log ----

/** The api console's log lines that parse as JSON. */
export function consoleLogEntries(): Record<string, unknown>[] {
  return readFileSync(API_LOG, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- faults, load and fuzz helpers ----

/** A reply that may have broken off: what arrived, and how it ended. */
export type PartialReply = Reply & {
  /** True when the body arrived whole (the response ended normally). */
  complete: boolean;
  /** Set when the connection failed before or during the answer (e.g. "aborted", "socket hang up"). */
  error?: string;
};

/** Like httpRequest, but resolves with whatever arrived when the answer is cut off or the connection fails. */
export function tolerantRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
  timeoutMs = 30_000,
): Promise<PartialReply> {
  const url = new URL(base);
  return new Promise((resolve) => {
    let settled = false;
    const done = (reply: PartialReply) => {
      if (!settled) {
        settled = true;
        resolve(reply);
      }
    };
    const empty = (error: string): PartialReply => ({ status: 0, headers: {}, setCookies: [], text: "", rawHead: "", complete: false, error });
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      const finish = (error?: string) => done({ ...toReply(res, Buffer.concat(chunks)), complete: !error && res.complete, ...(error ? { error } : {}) });
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => finish(res.complete ? undefined : "incomplete"));
      res.on("error", (error) => finish(error.message));
      res.on("close", () => finish(res.complete ? undefined : "closed before the end"));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", (error) => done(empty(error.message)));
    req.end(body);
  });
}

/** Runs `task` over `items` with at most `limit` in flight; results in the order of `items`. */
export async function mapLimit<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What the test upstream received, reduced to what isolation checks need (see ?compact=1). */
export type CompactRecord = { method: string; path: string; authorization: string | null; body: string };

export const upstreamCompact = () => control<CompactRecord[]>(UPSTREAM_URL, "GET", "/__control/requests?compact=1");

/** Signals that a console process gets no say in: anything that looks like a stack trace or a source path. */
export const INTERNALS = /\bat [\w$.<>]+ \(|\bat (async )?[\w$./<>]+:\d+|Error:|node_modules|\.next\/server|\/work\/|\.tsx?:\d|\.m?js:\d/;

/** A free loopback port in [from, to] (the suites' own consoles use 5200-5299). */
export async function freePort(from = 5200, to = 5299): Promise<number> {
  for (let port = from; port <= to; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

/** Resident memory of a process in KB, from /proc (Linux). */
export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

/** A production console (`next start`) a spec starts itself, with settings of its own; its output goes to LOG_DIR too. */
export type OwnConsole = {
  url: string;
  port: number;
  pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  stop: () => Promise<void>;
};

export async function startOwnConsole(options: {
  name: string;
  port: number;
  env: Record<string, string | undefined>;
}): Promise<OwnConsole> {
  const root = new URL("../../", import.meta.url).pathname;
  const nextBin = `${root}node_modules/next/dist/bin/next`;
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], { cwd: root, env: options.env as NodeJS.ProcessEnv });
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(`${LOG_DIR.replace(/\/$/, "")}/${options.name}.log`, { flags: "a" });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    log.write(chunk);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  child.on("exit", (code, signal) => collect(Buffer.from(`[${options.name} exited: code ${code}, signal ${signal}]\n`)));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      const closeLog = () => log.end(() => resolve());
      if (child.exitCode !== null || child.signalCode !== null) return closeLog();
      child.once("exit", closeLog);
      child.kill("SIGTERM");
    });
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, port: options.port, pid: child.pid!, output: () => output, stop };
    } catch {}
    await sleep(100);
  }
  await stop();
  throw new Error(`console ${options.name} did not start on ${url}:\n${output.slice(-2000)}`);
}
