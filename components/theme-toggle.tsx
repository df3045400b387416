"use client";
// Light and dark themes: follows the system until the person picks one (kept in this browser).
import { useEffect, useState } from "react";

type Theme = "system" | "light" | "dark";
const STORAGE_KEY = "jnc.theme";

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  // Both classes: an explicit choice overrides the system's in app/globals.css's dark variant.
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.classList.toggle("light", !dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");

  useEffect(() => {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    const initial: Theme = stored === "light" || stored === "dark" ? stored : "system";
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reading the browser's saved choice after hydration
    setTheme(initial);
    apply(initial);
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply((window.localStorage.getItem(STORAGE_KEY) as Theme | null) ?? "system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);

  function choose(next: Theme) {
    setTheme(next);
    if (next === "system") window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, next);
    apply(next);
  }

  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only sm:not-sr-only">Theme</span>
      <select value={theme} onChange={(e) => choose(e.target.value as Theme)} className="rounded border border-slate-300 px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
