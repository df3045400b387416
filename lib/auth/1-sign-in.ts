// next-auth v4 configuration: password users from CONSOLE_USERS and OIDC single sign-on
// (Google Workspace, Microsoft Entra ID, any issuer), JWT sessions, no database.
import "server-only";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions, User } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { authCookies } from "./5-cookies";
import { getEnv, type Env, type Role } from "@/lib/config/env";
import { delayFor, recordFailure, recordSuccess, sleep } from "./2-throttle";
import { verifyPassword } from "./3-password-hash.mjs";
import { isAllowedEmail, roleFor } from "./4-roles";
import { SIGN_IN_LIFETIME_S, signInCurrent } from "./6-session";
import { redirectCallback } from "./return-path";

/** Sessions last a working day from sign-in (lib/auth/6-session.ts); the key vault has its own, usually equal, ttl. */
const SESSION_MAX_AGE = SIGN_IN_LIFETIME_S;
/** Compared against when the email is unknown, so both failures take the same time. */
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

function passwordProvider(env: Env): Provider {
  return CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const email = String(credentials?.email ?? "").trim().toLowerCase().slice(0, 320);
      const password = String(credentials?.password ?? "").slice(0, 1024);
      // The last X-Forwarded-For entry is the one the hosting proxy added; earlier ones are the client's word.
      const forwarded = req.headers?.["x-forwarded-for"];
      const address = String(Array.isArray(forwarded) ? forwarded.at(-1) : (forwarded ?? "local")).split(",").at(-1)?.trim();
      const throttleKeys = [`email:${email}`, `ip:${address}`];
      await sleep(delayFor(throttleKeys));
      const user = env.CONSOLE_USERS.find((candidate) => candidate.email === email);
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) {
        recordFailure(throttleKeys);
        return null;
      }
      recordSuccess(throttleKeys);
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
        const email = user.email?.toLowerCase();
        const verified = (profile as { email_verified?: boolean } | undefined)?.email_verified;
        if (!email || verified === false) return false;
        return isAllowedEmail(email, env);
      },
      jwt({ token, user, account }) {
        if (user && account) {
          const email = (user.email ?? token.email ?? "").toLowerCase();
          token.email = email;
          token.role = account.provider === "credentials" ? (user as User & { role: Role }).role : roleFor(email, env);
          // A fresh id per sign-in: the key vault is sealed for it, so keys end with the sign-in.
          token.sid = randomBytes(16).toString("base64url");
          token.signedInAt = Math.floor(Date.now() / 1000);
        } else if (!signInCurrent(token.signedInAt)) {
          // next-auth answers a throw here by clearing the session cookie: signed out, no loop
          // between pages (getServerSession) and API routes (lib/auth/6-session.ts), which agree.
          throw new Error("The sign-in is older than a working day; sign in again.");
        }
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
