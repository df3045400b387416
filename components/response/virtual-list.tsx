"use client";
// A fixed-row-height virtual list: only the rows in view (plus a few) are rendered,
// so 100,000 rows scroll as smoothly as 100. Positions are set through the style
// property on the client (CSSOM), which the page's CSP allows.
import { useState, type ReactNode } from "react";

type Props = {
  count: number;
  rowHeight: number;
  height: number;
  renderRow: (index: number) => ReactNode;
  label: string;
  header?: ReactNode;
  minWidth?: number;
  testId?: string;
  /** ARIA role of the scrolling container: "region" for lists, "table" for record tables. */
  role?: "region" | "table";
};

const OVERSCAN = 8;

export function VirtualList({ count, rowHeight, height, renderRow, label, header, minWidth, testId, role = "region" }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let index = first; index < last; index += 1) {
    rows.push(
      <div key={index} className="absolute right-0 left-0" style={{ top: index * rowHeight, height: rowHeight }}>
        {renderRow(index)}
      </div>,
    );
  }
  return (
    <div
      tabIndex={0}
      role={role}
      aria-label={label}
      data-testid={testId}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      className="relative overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
      style={{ height }}
    >
      <div style={{ minWidth }}>
        {header}
        <div className="relative" style={{ height: count * rowHeight }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
