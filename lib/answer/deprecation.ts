// A deprecated endpoint in words. JobNimbus's Platform API marks one with Deprecation (RFC 9745:
// "@" and unix seconds), Sunset (RFC 8594: an HTTP-date; the docs write it ending "UTC", not "GMT")
// and Link rel="deprecation" (jobnimbus-api.md §1a). Anything unreadable is left out, not guessed.

export type Deprecation = {
  /** When it was (or will be) deprecated; null when the header says only that it is. */
  since: Date | null;
  /** When it stops working; null when not said. */
  sunset: Date | null;
  /** Where JobNimbus explains it (http or https only). */
  link: string | null;
};

/**
 * RFC 9745's structured Date ("@1738367999", parameters allowed after ";"), and, from the drafts
 * before it, "true" or an HTTP-date. Undefined when the header is absent or unreadable.
 */
export function parseDeprecationHeader(value: string | null | undefined): { since: Date | null } | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const structured = /^@(-?\d{1,15})(?:\s*;.*)?$/.exec(text);
  if (structured) return { since: new Date(Number(structured[1]) * 1000) };
  if (/^\?1$|^true$/i.test(text)) return { since: null };
  const date = parseHttpDate(text);
  return date ? { since: date } : undefined;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An IMF-fixdate ("Wed, 30 Jun 2027 23:59:59 GMT"), also ending "UTC" as JobNimbus's docs write it. */
export function parseHttpDate(value: string | null | undefined): Date | null {
  const match = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC)$/.exec(value?.trim() ?? "");
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!);
  if (month === -1) return null;
  const [day, year, hour, minute, second] = [match[1], match[3], match[4], match[5], match[6]].map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month, day, hour, minute, second));
  return date.getUTCDate() === day && hour < 24 && minute < 60 && second < 61 ? date : null;
}

/** The first http(s) target of a Link header whose rel includes `rel` (quoted or not, among others). */
export function linkWithRel(value: string | null | undefined, rel: string): string | null {
  for (const part of (value ?? "").split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(match[2]!);
    const names = (rels?.[1] ?? rels?.[2] ?? "").toLowerCase().split(/\s+/);
    if (!names.includes(rel)) continue;
    try {
      const url = new URL(match[1]!);
      if (url.protocol === "https:" || url.protocol === "http:") return url.href;
    } catch {}
  }
  return null;
}

/** The answer's deprecation, or null when it does not say the endpoint is deprecated or going away. */
export function deprecationOf(header: (name: string) => string | undefined): Deprecation | null {
  const deprecated = parseDeprecationHeader(header("deprecation"));
  const sunset = parseHttpDate(header("sunset"));
  if (!deprecated && !sunset) return null;
  const link = header("link");
  return { since: deprecated?.since ?? null, sunset, link: linkWithRel(link, "deprecation") ?? linkWithRel(link, "sunset") };
}

/** "30 June 2027": the day as written in the header, without a time zone's shift. */
export function dayText(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** "This endpoint is deprecated and stops working on 30 June 2027.", in the tense the dates call for. */
export function deprecationText(deprecation: Deprecation, now = new Date()): string {
  const { since, sunset } = deprecation;
  const upcoming = since !== null && since.getTime() > now.getTime();
  const state = upcoming ? `will be deprecated on ${dayText(since)}` : since === null && sunset ? "is going away" : "is deprecated";
  if (!sunset) return `This endpoint ${state}${!upcoming && since ? ` (since ${dayText(since)})` : ""}; JobNimbus has not said when it stops working.`;
  const ends = sunset.getTime() > now.getTime() ? `stops working on ${dayText(sunset)}` : `was due to stop working on ${dayText(sunset)}`;
  return `This endpoint ${state} and ${ends}.`;
}
