"use client";
// Pretty JSON with folding, and a tree of the same data: both draw the flattened,
// virtualised lines from lib/answer/json-lines, so big answers stay responsive.
import { useMemo, useState } from "react";
import { flattenJson, initialFolds, leafText, toggleFold, type JsonLine } from "@/lib/answer/json-lines";
import { VirtualList } from "./virtual-list";

const ROW = 22;

function leafClass(value: unknown): string {
  if (typeof value === "string") return "text-emerald-700 dark:text-emerald-300";
  if (typeof value === "number") return "text-amber-700 dark:text-amber-300";
  if (typeof value === "boolean" || value === null) return "text-fuchsia-700 dark:text-fuchsia-300";
  return "";
}

function Toggle({ line, onToggle }: { line: JsonLine; onToggle: (path: string) => void }) {
  const open = line.kind === "open";
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-label={`${open ? "Fold" : "Unfold"} ${line.key ?? (line.path || "root")}`}
      onClick={() => onToggle(line.path)}
      className="mr-1 inline-block w-4 text-slate-500 dark:text-slate-400 hover:text-slate-900 dark:hover:text-slate-100"
    >
      {open ? "▾" : "▸"}
    </button>
  );
}

function PrettyLine({ line, onToggle }: { line: JsonLine; onToggle: (path: string) => void }) {
  const key = line.key !== null && line.kind !== "close" ? <span className="text-sky-700 dark:text-sky-300">{JSON.stringify(line.key)}: </span> : null;
  const comma = line.comma ? "," : "";
  const closeBracket = line.bracket === "[" ? "]" : "}";
  const foldable = (line.kind === "open" || line.kind === "folded") && (line.size ?? 0) > 0;
  return (
    <div className="truncate font-mono text-xs leading-[22px] whitespace-pre" style={{ paddingLeft: `${line.depth * 1.25 + (foldable ? 0 : 1.25)}rem` }}>
      {foldable ? <Toggle line={line} onToggle={onToggle} /> : null}
      {key}
      {line.kind === "leaf" ? <span className={leafClass(line.value)}>{leafText(line.value)}</span> : null}
      {line.kind === "open" ? line.bracket : null}
      {line.kind === "folded" ? (
        <span>
          {line.bracket}
          {(line.size ?? 0) > 0 ? <span className="text-slate-500 dark:text-slate-400"> … {line.size} {line.bracket === "[" ? "items" : "keys"} </span> : null}
          {closeBracket}
        </span>
      ) : null}
      {line.kind === "close" ? closeBracket : null}
      {line.kind !== "open" ? comma : null}
    </div>
  );
}

function TreeLine({ line, onToggle }: { line: JsonLine; onToggle: (path: string) => void }) {
  const container = line.kind === "open" || line.kind === "folded";
  const label = line.key ?? (line.path ? `[${line.path.slice(line.path.lastIndexOf("/") + 1)}]` : "root");
  return (
    <div className="truncate text-xs leading-[22px]" style={{ paddingLeft: `${line.depth * 1.25 + (container && (line.size ?? 0) > 0 ? 0 : 1.25)}rem` }}>
      {container && (line.size ?? 0) > 0 ? <Toggle line={line} onToggle={onToggle} /> : null}
      <span className="font-medium">{label}</span>
      {container ? (
        <span className="ml-2 text-slate-500 dark:text-slate-400">{line.bracket === "[" ? `Array (${line.size})` : `Object (${line.size} ${line.size === 1 ? "key" : "keys"})`}</span>
      ) : (
        <>
          <span className="text-slate-500 dark:text-slate-400">: </span>
          <span className={`font-mono ${leafClass(line.value)}`}>{leafText(line.value)}</span>
        </>
      )}
    </div>
  );
}

export function JsonView({ value, mode }: { value: unknown; mode: "pretty" | "tree" }) {
  const [folded, setFolded] = useState(() => initialFolds(value));
  const lines = useMemo(() => {
    const all = flattenJson(value, folded);
    return mode === "tree" ? all.filter((line) => line.kind !== "close") : all;
  }, [value, folded, mode]);
  const onToggle = (path: string) => setFolded((current) => toggleFold(current, path));
  return (
    <VirtualList
      count={lines.length}
      rowHeight={ROW}
      height={Math.min(560, Math.max(ROW * 3, lines.length * ROW + 4))}
      label={mode === "tree" ? "Response as a tree" : "Response as formatted JSON"}
      testId={mode === "tree" ? "tree-view" : "json-view"}
      renderRow={(index) => {
        const line = lines[index]!;
        return mode === "tree" ? <TreeLine line={line} onToggle={onToggle} /> : <PrettyLine line={line} onToggle={onToggle} />;
      }}
    />
  );
}
