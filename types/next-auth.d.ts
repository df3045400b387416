// The console's additions to next-auth's session and token types.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { name?: string | null; email?: string | null; image?: string | null; role?: "viewer" | "editor" | "admin" };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** Epoch seconds of the sign-in (lib/auth/1-sign-in.ts); the sign-in ends SIGN_IN_LIFETIME_S later. */
    signedInAt?: number;
    role?: "viewer" | "editor" | "admin";
    sid?: string;
    /** next-auth's provider id of the sign-in ("credentials", "google", ...): which configuration decides the role. */
    provider?: string;
  }
}
