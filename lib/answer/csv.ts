// Turns an array of JSON records into RFC 4180 CSV for the table view's "Download CSV".
// Cells that a spreadsheet would run as a formula are defused with a leading apostrophe.

export type CsvRecord = Record<string, unknown>;

const CRLF = "\r\n";

/** Every key of every record, in the order first seen: the default columns. */
export function columnsOf(records: readonly CsvRecord[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) seen.add(key);
  return [...seen];
}

/** One value as cell text: empty for null/undefined, compact JSON for objects and arrays. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  return JSON.stringify(value) ?? "";
}

/** Spreadsheets run text starting with these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells only: a JSON number like -5 is data, and prefixing it would turn it into text. */
function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly string[]): string {
  return cells.map(quoteField).join(",") + CRLF;
}

/** The header line alone. */
export function csvHeader(columns: readonly string[]): string {
  return csvLine(columns.map(defuseFormula));
}

/** One line per record, without a header: for CSVs written a page at a time. */
export function csvRowsText(records: readonly CsvRecord[], columns: readonly string[]): string {
  let text = "";
  for (const record of records) {
    text += csvLine(
      columns.map((column) => {
        const value = Object.hasOwn(record, column) ? record[column] : undefined;
        return typeof value === "string" ? defuseFormula(value) : cellText(value);
      }),
    );
  }
  return text;
}

/** A header row and one row per record, every line ending in CRLF; columns default to `columnsOf(records)`. */
export function recordsToCsv(records: readonly CsvRecord[], columns: readonly string[] = columnsOf(records)): string {
  return csvHeader(columns) + csvRowsText(records, columns);
}
