// Who can sign in to the test consoles, and the API keys each test user pastes.
// Keys start with "test-" so the mock upstream accepts them with full access.

export const USERS = {
  editor: { email: "editor@test.local", password: "editor-pass-123", role: "editor" },
  viewer: { email: "viewer@test.local", password: "viewer-pass-123", role: "viewer" },
  other: { email: "other@test.local", password: "other-pass-123", role: "editor" },
};

/** Distinct, searchable keys: the leak scan looks for each of them in every response and log line. */
export const KEYS = {
  editor: "test-editor-Zq8mK2vN7xLp4Rt9",
  viewer: "test-viewer-Hc3wY6bJ1sDf5Gk0",
  other: "test-other-Pn4eT8uA2yQm6Wv1",
  /** Not a user's: e2e/api/reflection.spec.ts saves it for an upstream that quotes it back. Its characters
   *  make every encoding differ from the key itself (URL, JSON, base64 with + and /). */
  reflect: 'test-reflect-Kq7/Wz+9=Yx"Jb\\Lm&Np%Rs~~~??<>',
};

/**
 * Keys the administrator shares with the team (TEAM_KEYS) on the consoles e2e/support/team-consoles.ts starts.
 * Nobody pastes these: the leak scan and every api reply are searched for them like for the keys above.
 */
export const SHARED_KEYS = {
  office: "test-team-office-Wb5nR8kT2cYx7Lq3",
  editors: "test-team-editors-Fj3qL7mZ9sVa0Hd6",
};

/** Labels of the shared keys, as the console shows them. */
export const SHARED_LABELS = { office: "Office (shared)", editors: "Editors' key" };

/** Days since each shared key was made: the editors' key is past the default 90-day rotation reminder. */
export const SHARED_KEY_AGE_DAYS = { office: 10, editors: 200 };

/** The TEAM_KEYS setting of the team consoles: one key for everyone that acts as the person, one for editors and admins. */
export function teamKeysSetting(now = Date.now()) {
  const daysAgo = (days) => new Date(now - days * 86_400_000).toISOString().slice(0, 10);
  return JSON.stringify([
    { id: "office", label: SHARED_LABELS.office, key: SHARED_KEYS.office, roles: ["viewer", "editor", "admin"], actor: "signed-in", createdAt: daysAgo(SHARED_KEY_AGE_DAYS.office) },
    { id: "editors", label: SHARED_LABELS.editors, key: SHARED_KEYS.editors, roles: ["editor", "admin"], actor: "none", createdAt: daysAgo(SHARED_KEY_AGE_DAYS.editors) },
  ]);
}

/**
 * The people of the team consoles: staff of the mock's JobNimbus account (mock/seed/account.mjs), so a legacy
 * call made as one of them (actor=<their email>) is one the mock accepts. None of them holds a key.
 */
export const STAFF = {
  viewer: { email: "jill@summitridge-roofing.example", password: "jill-pass-123", role: "viewer" },
  editor: { email: "marcus@summitridge-roofing.example", password: "marcus-pass-123", role: "editor" },
  admin: { email: "dana@summitridge-roofing.example", password: "dana-pass-123", role: "admin" },
};

/**
 * Fifty editors for the load and isolation suite (e2e/api/load.spec.ts). Only the api console
 * knows them, all with one password (hashed once at start-up); each saves a key of its own.
 */
export const LOAD_PASSWORD = "load-pass-123";
export const LOAD_USERS = Array.from({ length: 50 }, (_, i) => ({
  email: `load-${String(i + 1).padStart(2, "0")}@test.local`,
  password: LOAD_PASSWORD,
  role: "editor",
}));

export const OIDC = {
  clientId: "console-e2e",
  clientSecret: "oidc-e2e-client-secret-0123456789abcdef",
  /** Accounts the loopback OIDC provider knows; any password is accepted by its dev login form. */
  accounts: {
    "sso-editor": { email: "sso-editor@corp.test", name: "Sam Editor" },
    "sso-viewer": { email: "sso-viewer@corp.test", name: "Val Viewer" },
    "outsider": { email: "outsider@elsewhere.test", name: "Olly Outsider" },
    /** In the allowed domain, but the issuer says the email is not verified (as a string, the way some issuers send it). */
    "unverified": { email: "unverified@corp.test", name: "Uma Unverified", emailVerified: "false" },
  },
};

/** Loopback ports of the test stack (see stack.mjs); E2E_PORT_OFFSET (0-99) shifts them all so two runs can coexist. */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const PORTS = {
  e2eConsole: 3100 + offset,
  apiConsole: 3101 + offset,
  /** The https console: Next listens on tlsConsole, nginx terminates TLS on tlsProxy. */
  tlsConsole: 3200 + offset,
  tlsProxy: 3300 + offset,
  mock: 4100 + offset,
  testUpstream: 4200 + offset,
  canary: 4300 + offset,
  oidc: 4400 + offset,
  /** Two consoles with team keys sharing one Redis, started by the specs that use them (e2e/support/team-consoles.ts). */
  teamA: 3400 + offset,
  teamB: 3500 + offset,
};
/** Where the stack writes each server's output; the leak scan reads every file here. */
export const LOG_DIR = new URL(`../../test-results/stack-${offset}/`, import.meta.url).pathname;
export const E2E_URL = `http://127.0.0.1:${PORTS.e2eConsole}`;
export const API_URL = `http://127.0.0.1:${PORTS.apiConsole}`;
export const TLS_URL = `https://localhost:${PORTS.tlsProxy}`;
export const TEAM_A_URL = `http://127.0.0.1:${PORTS.teamA}`;
export const TEAM_B_URL = `http://127.0.0.1:${PORTS.teamB}`;
