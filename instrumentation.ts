// Runs once when the server starts; the Node-only check lives in its own module.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("./lib/config/startup-check");
    checkEnvironmentOrExit();
  }
}
