// A real OpenID Provider (oidc-provider v9) on loopback for the browser suite's single sign-on tests:
// one confidential client (code flow + PKCE), accounts from OIDC.accounts, and two tiny HTML forms
// (log in, allow) so a test can walk the same screens a person would at Google or Entra ID.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { OIDC } from "./users.mjs";

/**
 * oidc-provider prints a warning on import when Node is older than its favourite LTS (v22), although it
 * runs on the Node this project supports (>=20.9). That one line is noise in the test log, so it is
 * filtered while the module loads; every other warning is avoided by configuring what it warns about.
 */
async function importProvider() {
  const warn = console.warn;
  console.warn = (...args) => {
    if (typeof args[0] === "string" && args[0].includes("oidc-provider WARNING: Unsupported runtime")) return;
    warn(...args);
  };
  try {
    return await import("oidc-provider");
  } finally {
    console.warn = warn;
  }
}

/** The provider's storage: in memory, one instance per provider, entries expire with their artifact. */
function memoryAdapterFactory() {
  const store = new Map();
  const live = (key) => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.value;
  };
  const put = (key, value, expiresIn) =>
    store.set(key, { value, expiresAt: typeof expiresIn === "number" ? Date.now() + expiresIn * 1000 : undefined });

  return class MemoryAdapter {
    constructor(model) {
      this.model = model;
    }
    key(id) {
      return `${this.model}:${id}`;
    }
    async upsert(id, payload, expiresIn) {
      put(this.key(id), payload, expiresIn);
      if (payload.uid) put(`uid:${this.model}:${payload.uid}`, id, expiresIn);
      if (payload.userCode) put(`userCode:${payload.userCode}`, id, expiresIn);
      if (payload.grantId) {
        const members = live(`grant:${payload.grantId}`) ?? [];
        put(`grant:${payload.grantId}`, [...members, this.key(id)]);
      }
    }
    async find(id) {
      return live(this.key(id));
    }
    async findByUid(uid) {
      const id = live(`uid:${this.model}:${uid}`);
      return id === undefined ? undefined : this.find(id);
    }
    async findByUserCode(userCode) {
      const id = live(`userCode:${userCode}`);
      return id === undefined ? undefined : this.find(id);
    }
    async consume(id) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId) {
      for (const key of live(`grant:${grantId}`) ?? []) store.delete(key);
      store.delete(`grant:${grantId}`);
    }
  };
}

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function page(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Test SSO</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 24rem; margin: 3rem auto;">
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function loginPage(uid, { error, login = "" } = {}) {
  return page(
    "Test SSO sign-in",
    `<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
  ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
  <p><label>Login <input name="login" value="${escapeHtml(login)}" required autofocus></label></p>
  <p><label>Password <input name="password" type="password" required></label></p>
  <p><button type="submit">Continue</button></p>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}

function consentPage(uid, clientName, scopes) {
  return page(
    "Allow access?",
    `<p>${escapeHtml(clientName)} asks to see: ${escapeHtml(scopes.join(", "))}.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Deny</button></form>`,
  );
}

async function readForm(req) {
  let raw = "";
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 16_384) throw new Error("form too large");
  }
  return new URLSearchParams(raw);
}

function send(res, status, html) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

/**
 * Starts the provider on http://<host>:<port>.
 * @param {{ port: number, clientId: string, clientSecret: string, redirectUri: string, host?: string }} options
 * @returns {Promise<{ issuer: string, close: () => Promise<void> }>}
 */
export async function startOidcProvider({ port, clientId, clientSecret, redirectUri, host = "127.0.0.1" }) {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new RangeError(`startOidcProvider: port must be 1-65535, got ${port}`);
  if (!clientId || !clientSecret) throw new TypeError("startOidcProvider: clientId and clientSecret are required");
  if (!URL.canParse(redirectUri ?? "")) throw new TypeError(`startOidcProvider: redirectUri must be an absolute URL, got ${redirectUri}`);

  const { default: Provider } = await importProvider();
  const issuer = `http://${host}:${port}`;
  const accounts = OIDC.accounts;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    adapter: memoryAdapterFactory(),
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: "JobNimbus Console (e2e)",
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        // openid-client (next-auth v4) sends the secret in the Authorization header by default.
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e-rs256", alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the scope's claims in the ID token: next-auth reads the profile from it (idToken: true).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx, sub) {
      const account = accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified ?? true, name: account.name };
        },
      };
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page("Sign-in error", Object.entries(out).map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: ${escapeHtml(v)}</p>`).join(""));
    },
  });
  // Errors the provider answers with a 500: one line in the stack log, not a Koa stack dump.
  provider.on("server_error", (_ctx, error) => console.error(`oidc-provider: server error: ${error?.stack ?? error}`));
  provider.on("error", (error) => console.error(`oidc-provider: ${error?.message ?? error}`));

  /** The two screens a person sees: who are you, and may the console see your email. */
  async function interaction(req, res) {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(new URL(req.url, issuer).pathname);
    if (!match) return send(res, 404, page("Not found", "<p>No such page.</p>"));
    const [, uid, action] = match;
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, page("Sign-in error", "<p>This sign-in has expired. Start again from the console.</p>"));
    const { prompt, params } = details;

    if (!action && req.method === "GET") {
      if (prompt.name === "login") return send(res, 200, loginPage(uid));
      const client = await provider.Client.find(params.client_id);
      return send(res, 200, consentPage(uid, client?.clientName ?? params.client_id, String(params.scope).split(" ")));
    }
    if (req.method !== "POST") return send(res, 405, page("Not allowed", "<p>Use the form.</p>"));
    if (action === "abort") {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "The person cancelled sign-in." }, { mergeWithLastSubmission: false });
    }
    if (action === "login") {
      const form = await readForm(req);
      const login = String(form.get("login") ?? "").trim();
      if (prompt.name !== "login") return send(res, 400, page("Sign-in error", "<p>Already signed in.</p>"));
      if (!Object.hasOwn(accounts, login)) return send(res, 200, loginPage(uid, { error: `No account "${login}". Try one of: ${Object.keys(accounts).join(", ")}.`, login }));
      return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    // confirm: grant what the consent prompt says is missing.
    if (prompt.name !== "consent") return send(res, 400, page("Sign-in error", "<p>Nothing to allow.</p>"));
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(" "));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  const handleProvider = provider.callback();
  const server = createServer((req, res) => {
    if (!req.url?.startsWith("/interaction/")) return handleProvider(req, res);
    interaction(req, res).catch((error) => {
      console.error(`oidc-provider: interaction failed: ${error?.message ?? error}`);
      if (!res.headersSent) send(res, 400, page("Sign-in error", `<p>${escapeHtml(error?.message ?? "Sign-in failed")}. Start again from the console.</p>`));
      else res.destroy();
    });
  });

  await new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(new Error(`OIDC provider could not listen on ${host}:${port}: ${error.code === "EADDRINUSE" ? "the port is in use (another test stack running? set E2E_PORT_OFFSET)" : error.message}`)),
    );
    server.listen(port, host, resolve);
  });

  let closing;
  return {
    issuer,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
