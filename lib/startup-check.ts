// A missing or weak setting stops start-up with one line per variable naming it,
// instead of failing later, mid-request, with a stack trace.
import "server-only";
import { EnvError, getEnv } from "./env";

export function checkEnvironmentOrExit(): void {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message.split("\n").map((line) => `Configuration error: ${line}`).join("\n")}\n`);
    process.exit(1);
  }
}
