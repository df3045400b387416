// Command line for `node mock/server.mjs`: parses flags, starts the server, prints one line,
// and stops cleanly on SIGINT/SIGTERM. Bad arguments: one line on stderr and exit code 2.

import { parseArgs } from "node:util";

export const USAGE = "usage: node mock/server.mjs [--port 4010] [--host 127.0.0.1] [--log] [--rate-limit 50]";

/** @returns {{ port: number, host: string, log: boolean, rateLimit: number } | { help: true }} */
export function parseCliArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string" },
      log: { type: "boolean" },
      "rate-limit": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { help: true };
  const whole = (name, raw, fallback, max) => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) > max) throw new Error(`invalid --${name} "${raw}": expected a whole number from 0 to ${max}`);
    return Number(raw);
  };
  const host = values.host ?? "127.0.0.1";
  if (!/^[\w.:-]+$/.test(host)) throw new Error(`invalid --host "${host}": expected a host name or IP address`);
  return {
    port: whole("port", values.port, 4010, 65535),
    host,
    log: Boolean(values.log),
    rateLimit: whole("rate-limit", values["rate-limit"], 50, 1000000),
  };
}

const oneLine = (s) => String(s).replace(/\s+/g, " ").trim();

export async function runCli(argv, startMockUpstream) {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    console.error(`mock-upstream: ${oneLine(err instanceof Error ? err.message : err)} (${USAGE})`);
    process.exit(2);
  }
  if ("help" in options) {
    console.log(USAGE);
    return;
  }
  let server;
  try {
    server = await startMockUpstream(options);
  } catch (err) {
    const code = err && typeof err === "object" && "code" in err ? err.code : "";
    const where = `${options.host}:${options.port}`;
    const message =
      code === "EADDRINUSE" ? `port ${options.port} on ${options.host} is already in use`
      : code === "EACCES" ? `no permission to listen on ${where}`
      : code === "EADDRNOTAVAIL" || code === "ENOTFOUND" ? `cannot listen on ${where}: no such local address`
      : `cannot listen on ${where}: ${oneLine(err instanceof Error ? err.message : err)}`;
    console.error(`mock-upstream: ${message}`);
    process.exit(code === "EADDRNOTAVAIL" || code === "ENOTFOUND" ? 2 : 1);
  }
  console.log(`Mock JobNimbus API listening on ${server.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
