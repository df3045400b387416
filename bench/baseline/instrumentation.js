// Deliberately empty. Without a file of its own, Next (Turbopack, workspace root /work/main)
// would pick up the console's instrumentation.ts, and its environment check, for this baseline.
export function register() {}
