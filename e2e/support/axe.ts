// Axe for the browser specs: its default rule set (WCAG 2.x A/AA and best practices), violations listed readably.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`).join("\n    ")}`,
  );
}
