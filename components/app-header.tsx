"use client";
// The header on every signed-in page: who is signed in, their role, the active key's label,
// and the way between the console, the recipes and, for administrators, /admin.
import Link from "next/link";
import { signOut } from "@/lib/console-api/sign-out";
import type { PublicKey } from "@/lib/vault/2-key-input";
import { ThemeToggle } from "./theme-toggle";

/**
 * Who is signed in, as the pages pass it on: `role` is what they may do with data (an admin writes as an
 * editor does), `admin` whether they also see /admin (lib/auth/4-roles.ts `signedInUser`).
 */
export type SignedInUser = { email: string; role: "viewer" | "editor"; admin?: boolean };

type Props = {
  user: SignedInUser;
  /** The key calls use now; not shown on /admin, which calls nothing. */
  activeKey?: PublicKey;
  current: "console" | "recipes" | "admin";
};

const PAGES = [
  { id: "console", href: "/", name: "Console" },
  { id: "recipes", href: "/recipes", name: "Recipes" },
  { id: "admin", href: "/admin", name: "Admin" },
] as const;

export function AppHeader({ user, activeKey, current }: Props) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-xl font-semibold">JobNimbus Console</h1>
        <nav aria-label="Pages" className="flex gap-3 text-sm">
          {PAGES.filter((page) => page.id !== "admin" || user.admin).map((page) => (
            <Link
              key={page.id}
              href={page.href}
              aria-current={current === page.id ? "page" : undefined}
              className="underline-offset-4 hover:underline aria-[current=page]:font-semibold"
            >
              {page.name}
            </Link>
          ))}
        </nav>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="whoami">
        <span>
          {user.email} · <span className="font-medium" data-testid="role">{user.admin ? "admin" : user.role}</span>
        </span>
        {current === "admin" ? null : (
          <span className="text-slate-600 dark:text-slate-400" data-testid="active-key">
            Key: {activeKey ? `${activeKey.label} (…${activeKey.last4})` : "none"}
          </span>
        )}
        <ThemeToggle />
        <button
          type="button"
          onClick={() => void signOut("/signin")}
          className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
