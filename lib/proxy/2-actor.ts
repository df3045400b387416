// Whom a call acts as in JobNimbus: the legacy API runs a call as the user named by `?actor=<email>`
// (jobnimbus-api.md §2). A team key that acts as the signed-in person gets that person's email, whatever
// `actor` the browser sent, so nobody can act as someone else with a shared key; one that acts as nobody loses
// any `actor`; a person's own key keeps what they sent. The Platform API is not known to read `actor`, so
// nothing is added there (a team key's call still loses any the browser sent).
import "server-only";
import type { ActorRule } from "@/lib/vault/5-team-keys";

/**
 * Whether one `name=value` part names the actor, as any server might read its name: percent-encoded
 * (`%61ctor`), `+` for a space, any case, padded with spaces or control characters, or bracketed (`actor[]`).
 */
function namesActor(part: string): boolean {
  const equals = part.indexOf("=");
  const raw = (equals === -1 ? part : part.slice(0, equals)).replace(/\+/g, " ");
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Broken encoding: read as written, which is how a server that cannot decode it reads it too.
  }
  return /^actor(\[.*\])?$/.test(name.replace(/[\s\u0000-\u001f\u007f]/g, "").toLowerCase());
}

export type ActorApplied = {
  /** The query to send, `?…` or empty. */
  query: string;
  /** The email the call acts as, when the console set it; null otherwise. */
  actor: string | null;
};

/**
 * Applies `rule` to a checked query (`?a=1&b=2`, or empty). Parts are split on `&` and also on `;`, which
 * some servers take as a separator too, so `x=1;actor=…` cannot slip an actor through.
 */
export function applyActor(query: string, rule: ActorRule, upstream: "platform" | "legacy", email: string): ActorApplied {
  if (rule === "as-sent") return { query, actor: null };
  const kept = query
    .replace(/^\?/, "")
    .split("&")
    .map((part) => part.split(";").filter((piece) => !namesActor(piece)).join(";"))
    .filter((part) => part !== "");
  const actor = rule === "as-signed-in" && upstream === "legacy" ? email : null;
  if (actor) kept.push(`actor=${encodeURIComponent(actor)}`);
  return { query: kept.length > 0 ? `?${kept.join("&")}` : "", actor };
}
