// The page shell: dynamic on every request so Next can put the CSP nonce on its scripts.
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "JobNimbus Console",
  description: "Use the JobNimbus API from your browser without holding an API key.",
  referrer: "no-referrer",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
