// Unit tests: lib/, mock/, app/ and components/ tests beside their modules (e2e/ is Playwright's).
// `server-only` throws outside Next's react-server condition, so tests get an empty stand-in.
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vitest/config";

const EMPTY_SERVER_ONLY = "\0virtual:server-only";

/** Resolves `import "server-only"` to an empty module instead of the package that throws. */
const serverOnlyStub: Plugin = {
  name: "server-only-stub",
  enforce: "pre",
  resolveId: (id) => (id === "server-only" ? EMPTY_SERVER_ONLY : null),
  load: (id) => (id === EMPTY_SERVER_ONLY ? "export {};" : null),
};

export default defineConfig({
  plugins: [serverOnlyStub],
  resolve: {
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }],
  },
  test: {
    environment: "node",
    include: [
      "lib/**/*.test.ts",
      "mock/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "components/**/*.test.tsx",
    ],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    // Each file gets fresh module state (getEnv cache, login-throttle map).
    isolate: true,
    restoreMocks: true,
    unstubEnvs: true,
  },
});
