"use client";
// The signed-in person's saved keys (label and last four only), loaded once and on demand;
// a 401 means the sign-in has gone, so the page goes back to /signin.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { consoleFetch } from "@/lib/console-api/console-fetch";
import type { PublicKey } from "@/lib/vault/2-key-input";

export function useKeys() {
  const [keys, setKeys] = useState<PublicKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();

  const reload = useCallback(async () => {
    const res = await consoleFetch("/api/keys");
    if (res.status === 401) {
      router.replace("/signin");
      return;
    }
    if (!res.ok) {
      setError("Your keys could not be loaded. Reload the page to try again.");
      return;
    }
    const body = (await res.json()) as { keys: PublicKey[] };
    setKeys(body.keys);
    setError(null);
  }, [router]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading the keys once on mount
    void reload();
  }, [reload]);

  return { keys, error, reload, active: keys?.find((key) => key.active) };
}
