// Times on /admin in words that read the same for everyone: the server renders them, so they are given in
// UTC ("2026-03-01 09:12:33 UTC") and as "3 hours ago", never in the server's own time zone.
import "server-only";

export function utcText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** "just now", "5 minutes ago", "3 hours ago", "12 days ago"; "not seen" for null. */
export function agoInWords(iso: string | null, now = Date.now()): string {
  if (!iso) return "not seen";
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (minutes < 1) return "just now";
  if (minutes < 60) return plural(minutes, "minute");
  if (minutes < 48 * 60) return plural(Math.floor(minutes / 60), "hour");
  return plural(Math.floor(minutes / (24 * 60)), "day");
}
