"use client";
// Arrays of records as a table: sortable columns, a column picker, and virtualised rows
// so a 100,000-record answer shows its first rows at once and scrolls smoothly.
import { useMemo, useState } from "react";
import { VirtualList } from "./virtual-list";

const ROW = 28;
const COLUMN_WIDTH = 176;
type Sort = { column: string; descending: boolean } | null;

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return cellText(a).localeCompare(cellText(b), undefined, { numeric: true, sensitivity: "base" });
}

type Props = {
  records: Record<string, unknown>[];
  columns: string[];
  /** How a value reads to a person (a name for an id, a date for unix seconds); null: its own text. Sorting keeps the raw values. */
  display?: (column: string, value: unknown) => string | null;
};

export function TableView({ records, columns, display }: Props) {
  const shownText = (column: string, value: unknown) => display?.(column, value) ?? cellText(value);
  const [hidden, setHidden] = useState<Set<string>>(() => new Set(columns.slice(12)));
  const [sort, setSort] = useState<Sort>(null);
  const shown = columns.filter((c) => !hidden.has(c));
  const order = useMemo(() => {
    const indices = records.map((_, i) => i);
    if (!sort) return indices;
    const sign = sort.descending ? -1 : 1;
    return indices.sort((x, y) => sign * compare(records[x]![sort.column], records[y]![sort.column]));
  }, [records, sort]);

  const width = shown.length * COLUMN_WIDTH;
  const gridColumns = `repeat(${shown.length}, ${COLUMN_WIDTH}px)`;

  const header = (
    <div role="row" className="sticky top-0 z-10 grid border-b border-slate-300 bg-slate-100 text-xs font-semibold dark:border-slate-700 dark:bg-slate-800" style={{ gridTemplateColumns: gridColumns }}>
      {shown.map((column) => {
        const active = sort?.column === column;
        return (
          <div role="columnheader" key={column} aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"} className="truncate px-2 py-1">
            <button
              type="button"
              className="w-full truncate text-left hover:underline"
              onClick={() => setSort(active ? (sort.descending ? null : { column, descending: true }) : { column, descending: false })}
              title={`Sort by ${column}`}
            >
              {column} {active ? (sort.descending ? "▼" : "▲") : ""}
            </button>
          </div>
        );
      })}
    </div>
  );

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="table-count">{records.length.toLocaleString()} records</span>
        <details className="relative">
          <summary className="cursor-pointer rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700">
            Columns ({shown.length} of {columns.length})
          </summary>
          <fieldset className="absolute z-20 mt-1 grid max-h-72 w-72 gap-1 overflow-auto rounded-md border border-slate-300 bg-white p-2 shadow dark:border-slate-700 dark:bg-slate-900">
            <legend className="sr-only">Columns to show</legend>
            {columns.map((column) => (
              <label key={column} className="flex items-center gap-2 text-xs">
                <input
                  type="checkbox"
                  checked={!hidden.has(column)}
                  onChange={() =>
                    setHidden((current) => {
                      const next = new Set(current);
                      if (next.has(column)) next.delete(column);
                      else next.add(column);
                      return next;
                    })
                  }
                />
                <span className="truncate font-mono">{column}</span>
              </label>
            ))}
          </fieldset>
        </details>
      </div>
      <VirtualList
          role="table"
          count={order.length}
          rowHeight={ROW}
          height={Math.min(560, order.length * ROW + ROW + 4)}
          label="Response records"
          testId="table-view"
          minWidth={width}
          header={header}
          renderRow={(position) => {
            const record = records[order[position]!]!;
            return (
              <div role="row" aria-rowindex={position + 2} className="grid h-full border-b border-slate-100 text-xs odd:bg-slate-50 dark:border-slate-800 dark:odd:bg-slate-900" style={{ gridTemplateColumns: gridColumns }}>
                {shown.map((column) => {
                  const text = shownText(column, record[column]);
                  return (
                    <div role="cell" key={column} className="truncate px-2 leading-[28px]" title={text}>
                      {text}
                    </div>
                  );
                })}
              </div>
            );
          }}
        />
    </div>
  );
}
