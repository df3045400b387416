// Plain-text tables for stdout: first column left-aligned, the rest right-aligned.

export function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => (cell === null || cell === undefined ? "–" : String(cell))));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
export const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "–");
export const mib = (bytes) => (Number.isFinite(bytes) ? (bytes / 1024 / 1024).toFixed(1) : "–");
export const kib = (bytes) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : "–");
export const met = (ok) => (ok ? "yes" : "NO");
