// Next.js settings: strict headers on every response; standalone output when asked for
// (NEXT_OUTPUT=standalone, for Node hosts other than Vercel; see docs/deploy.md).
// The per-request CSP with nonces and HSTS (decided at run time) are set in proxy.ts.

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  poweredByHeader: false,
  // forbidden(): /admin answers a real 403 (app/admin/forbidden.tsx) to everyone who is not an administrator.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  async headers() {
    const security = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "no-referrer" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    return [
      { source: "/:path*", headers: security },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

module.exports = nextConfig;
