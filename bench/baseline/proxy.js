// Deliberately inert. Without a file of its own, Next (Turbopack, workspace root /work/main)
// would compile the console's proxy.ts into this baseline. The console's proxy skips /api/*
// by its matcher; this one matches nothing the benchmark calls.
import { NextResponse } from "next/server";

export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: ["/__bench_baseline_never__"] };
