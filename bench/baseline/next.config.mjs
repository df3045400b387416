// The bare forwarding baseline's Next.js settings. The benchmark builds it into a temporary
// directory (BENCH_BASELINE_DIST, relative to this folder) so nothing is left in the repo.
const nextConfig = {
  distDir: process.env.BENCH_BASELINE_DIST || ".next",
  poweredByHeader: false,
};

export default nextConfig;
