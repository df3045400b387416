// The Platform API's deprecation headers (jobnimbus-api.md §1a, RFC 9745), in the documented form.
// The mock sends them on the legacy endpoints the collection marks deprecated (its own choice, since
// JobNimbus documents the headers for the Platform API), and anywhere with ?simulate=deprecated.

/** When the mock says the deprecated endpoints were deprecated: 31 Dec 2025 23:59:59 UTC (the mock's choice). */
export const DEPRECATED_AT = 1767225599;
/** The last day of a calendar quarter, at least six months later, written as the documentation writes it (`UTC`). */
export const SUNSET = "Wed, 30 Jun 2027 23:59:59 UTC";
export const DEPRECATION_LINK = '<https://api.jobnimbus.com/deprecation>; rel="deprecation"; type="text/html"';

/** @param {import("node:http").ServerResponse} res */
export function markDeprecated(res) {
  res.setHeader("Deprecation", `@${DEPRECATED_AT}`);
  res.setHeader("Sunset", SUNSET);
  res.setHeader("Link", DEPRECATION_LINK);
}
