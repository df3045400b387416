// next-auth v4 configuration: password users from CONSOLE_USERS and OIDC single sign-on
// (Google Workspace, Microsoft Entra ID, any issuer), JWT sessions, no database.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { NextAuthOptions, User } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { authCookies } from "./5-cookies";
import { getEnv, type Env, type Role } from "@/lib/config/env";
import { SIGN_IN_ERROR, tooManyAttempts } from "@/lib/problems/sign-in-errors";
import { audit } from "@/lib/proxy/7-audit";
import { getStore } from "@/lib/store/store";
import { admit, boundedCheck, checkLikeAPassword, clientAddress, type Admission } from "./2-throttle";
import { verifyPassword } from "./3-password-hash.mjs";
import { currentRole, emailVerified, isAllowedEmail, roleFor } from "./4-roles";
import { SIGN_IN_LIFETIME_S, signInCurrent } from "./6-session";
import { redirectCallback } from "./return-path";

/** Sessions last a working day from sign-in (lib/auth/6-session.ts); the key vault has its own, usually equal, ttl. */
const SESSION_MAX_AGE = SIGN_IN_LIFETIME_S;
/** What an unknown email is checked against when a check must be timed (lib/auth/2-throttle.ts), so both failures look alike. */
const DUMMY_HASH = "scrypt:32768:8:1:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export type SignInMethod = { id: string; name: string; kind: "password" | "sso" };

/** The configured ways in, in the order the sign-in page shows them. */
export function signInMethods(env: Env = getEnv()): SignInMethod[] {
  const methods: SignInMethod[] = [];
  if (env.CONSOLE_USERS.length > 0) methods.push({ id: "credentials", name: "Email and password", kind: "password" });
  if (env.GOOGLE_CLIENT_ID) methods.push({ id: "google", name: "Google Workspace", kind: "sso" });
  if (env.AZURE_AD_CLIENT_ID) methods.push({ id: "azure-ad", name: "Microsoft (Entra ID)", kind: "sso" });
  if (env.OIDC_CLIENT_ID) methods.push({ id: "oidc", name: env.OIDC_NAME, kind: "sso" });
  return methods;
}

/** One audit line (and trail event) for a sign-in that happened or was refused; never the password. */
function auditSignIn(user: string | null, outcome: "signed-in" | "refused" | "signed-out", reason?: string, path = "/api/auth/callback/credentials") {
  const event = outcome === "refused" ? "refused" : outcome === "signed-in" ? "sign-in" : "sign-out";
  const status = outcome === "refused" ? 401 : 200;
  audit({ event, user, method: "POST", path, status, outcome, ...(reason ? { reason } : {}), requestId: randomUUID() });
}

function passwordProvider(env: Env): Provider {
  return CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const email = String(credentials?.email ?? "").trim().toLowerCase().slice(0, 320);
      const password = String(credentials?.password ?? "").slice(0, 1024);
      // Thrown messages reach the form as signIn()'s `error` (lib/problems/sign-in-errors.ts words them).
      const refuse = (reason: string, code: string) => {
        auditSignIn(email || null, "refused", reason);
        return new Error(code);
      };
      // 1. Count the attempt before anything is checked; refuse unchecked once a count is used up.
      let admission: Admission;
      try {
        admission = await admit(getStore(env), email, clientAddress(req.headers ?? {}, env));
      } catch (error) {
        console.error(JSON.stringify({ event: "store.error", what: "sign-in", message: String(error instanceof Error ? error.message : error).slice(0, 200) }));
        throw refuse("store-unavailable", SIGN_IN_ERROR.unavailable);
      }
      if (!admission.ok) throw refuse("too-many-attempts", tooManyAttempts(admission.retryAt));
      // 2. Check the password, if a check can run now; an unknown email takes as long without costing one.
      const user = env.CONSOLE_USERS.find((candidate) => candidate.email === email);
      const check = () => verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      const ok = user ? await boundedCheck(check) : await checkLikeAPassword(check);
      if (ok === "busy") {
        await admission.settle("not-checked").catch(() => {});
        throw refuse("busy", SIGN_IN_ERROR.busy);
      }
      if (!user || !ok) {
        auditSignIn(email || null, "refused", "wrong-password");
        return null;
      }
      await admission.settle("success").catch(() => {});
      return { id: user.email, email: user.email, name: user.email, role: user.role } as User & { role: Role };
    },
  });
}

function ssoProviders(env: Env): Provider[] {
  const providers: Provider[] = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    const hd = env.ALLOWED_EMAIL_DOMAINS.length === 1 ? { hd: env.ALLOWED_EMAIL_DOMAINS[0] } : {};
    providers.push(
      GoogleProvider({
        clientId: env.GOOGLE_CLIENT_ID,
        clientSecret: env.GOOGLE_CLIENT_SECRET,
        authorization: { params: { prompt: "select_account", ...hd } },
      }),
    );
  }
  if (env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET) {
    providers.push(
      AzureADProvider({
        clientId: env.AZURE_AD_CLIENT_ID,
        clientSecret: env.AZURE_AD_CLIENT_SECRET,
        tenantId: env.AZURE_AD_TENANT_ID,
      }),
    );
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
      },
    });
  }
  return providers;
}

export function authOptions(env: Env = getEnv()): NextAuthOptions {
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    jwt: { maxAge: SESSION_MAX_AGE },
    cookies: authCookies(env),
    useSecureCookies: env.NEXTAUTH_URL.startsWith("https://"),
    pages: { signIn: "/signin", error: "/signin" },
    providers: [...(env.CONSOLE_USERS.length > 0 ? [passwordProvider(env)] : []), ...ssoProviders(env)],
    callbacks: {
      // Where next-auth sends the browser afterwards (SSO's callbackUrl, sign-out): a page of this console only.
      redirect: redirectCallback,
      signIn({ user, account, profile }) {
        if (account?.provider === "credentials") return true;
        const email = user.email?.toLowerCase() ?? null;
        const path = `/api/auth/callback/${account?.provider ?? "sso"}`;
        const refused = (reason: string) => {
          auditSignIn(email, "refused", reason, path);
          return false;
        };
        if (!email) return refused("no-email");
        if (!emailVerified(account?.provider, profile)) return refused("email-unverified");
        return isAllowedEmail(email, env) || refused("not-allowed");
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const email = (user.email ?? token.email ?? "").toLowerCase();
          token.email = email;
          token.provider = account.provider;
          token.role = account.provider === "credentials" ? (user as User & { role: Role }).role : roleFor(email, env);
          // A fresh id per sign-in: the key vault is sealed for it, so keys end with the sign-in.
          token.sid = randomBytes(16).toString("base64url");
          token.signedInAt = Math.floor(Date.now() / 1000);
          return token;
        }
        // next-auth answers a throw here by clearing the session cookie: signed out, no loop
        // between pages (getServerSession) and API routes (lib/auth/7-guards.ts), which agree.
        if (!signInCurrent(token.signedInAt)) throw new Error("The sign-in is older than a working day; sign in again.");
        const role = currentRole({ email: token.email ?? "", provider: token.provider ?? "" }, env);
        if (!role) throw new Error("This person is no longer allowed into the console.");
        if (await getStore(env).isRevoked({ sid: token.sid ?? "", email: token.email ?? "", signedInAt: token.signedInAt ?? 0 })) {
          throw new Error("This sign-in was signed out.");
        }
        // The role in force now (the pages read it from here), not the one at sign-in.
        token.role = role;
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          session.user.email = token.email ?? null;
          session.user.role = token.role as Role;
        }
        return session;
      },
    },
    events: {
      signIn({ user, account }) {
        auditSignIn(user.email?.toLowerCase() ?? null, "signed-in", undefined, `/api/auth/callback/${account?.provider ?? "credentials"}`);
      },
      // Called by next-auth only once a sign-out really happens (its CSRF token checked): copies of
      // this sign-in's cookies are refused from now on, by every instance sharing the store.
      async signOut({ token }) {
        const { sid, signedInAt, email } = token ?? {};
        if (typeof sid !== "string" || typeof signedInAt !== "number") return;
        auditSignIn(email ?? null, "signed-out", undefined, "/api/auth/signout");
        await getStore(env).revokeSignIn(sid, signedInAt + SIGN_IN_LIFETIME_S);
      },
    },
    logger: {
      error(code) {
        console.error(JSON.stringify({ event: "auth.error", code }));
      },
      warn(code) {
        console.warn(JSON.stringify({ event: "auth.warn", code }));
      },
      debug() {},
    },
  };
}
