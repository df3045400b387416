"use client";
// A recipe's result: a plain table with the columns a person wants, links between records,
// a CSV of what is loaded, "Download all" of every page, and "More results" when the API has another page.
import Link from "next/link";
import { useMemo } from "react";
import { recordsToCsv } from "@/lib/answer/csv";
import { cellLink, cellText, csvRows, type RecordItem } from "@/lib/recipes/run";
import type { Recipe } from "@/lib/recipes/schema";
import type { ExportOptions, ExportOutcome } from "@/lib/answer/export";
import { DownloadAll } from "@/components/response/download-all";
import { useBlobUrl } from "@/components/response/file-view";

type Props = {
  recipe: Recipe;
  title: string | null;
  records: RecordItem[];
  message: string | null;
  more: boolean;
  loadingMore: boolean;
  onMore: () => void;
  /** Team members' names by id, for "person" columns. */
  people: ReadonlyMap<string, string>;
  /** Every page into one CSV ("Download all"); null when the result does not page. */
  startExport: ((options: Pick<ExportOptions, "signal" | "onProgress">) => Promise<ExportOutcome>) | null;
};

function CsvLink({ recipe, records, people }: { recipe: Recipe; records: RecordItem[]; people: ReadonlyMap<string, string> }) {
  const bytes = useMemo(() => new TextEncoder().encode(recordsToCsv(csvRows(recipe, records, people), recipe.result.columns.map((c) => c.label))), [recipe, records, people]);
  const url = useBlobUrl(bytes, "text/csv");
  return url ? (
    <a href={url} download={`${recipe.id}.csv`} className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
      Download CSV
    </a>
  ) : null;
}

export function RecipeResults({ recipe, title, records, message, more, loadingMore, onMore, people, startExport }: Props) {
  const columns = recipe.result.columns;
  return (
    <div className="flex flex-col gap-3" data-testid="recipe-results">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {message ? (
          <p role="status" data-testid="recipe-message" className="font-medium">
            {message}
          </p>
        ) : (
          <span />
        )}
        <div className="flex flex-wrap items-start gap-2">
          <CsvLink recipe={recipe} records={records} people={people} />
          {startExport ? <DownloadAll filename={`${recipe.id}-all.csv`} noun={recipe.subject} start={startExport} /> : null}
        </div>
      </div>
      <div className="overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
        <table className="w-full border-collapse text-left text-sm" data-testid="recipe-table">
          {title ? <caption className="px-2 py-2 text-left font-semibold">{title}</caption> : null}
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className="px-2 py-1.5 font-semibold whitespace-nowrap">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((record, index) => (
              <tr key={typeof record.jnid === "string" ? `${record.jnid}-${index}` : index} className="border-t border-slate-100 odd:bg-slate-50 dark:border-slate-800 dark:odd:bg-slate-900">
                {columns.map((column) => {
                  const text = cellText(column, record, people);
                  const href = cellLink(column, record);
                  return (
                    <td key={column.label} className="max-w-md px-2 py-1 align-top">
                      {href && text ? (
                        <Link href={href} className="text-blue-800 underline dark:text-blue-300">
                          {text}
                        </Link>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more ? (
        <button
          type="button"
          onClick={onMore}
          disabled={loadingMore}
          className="self-start rounded-md border border-slate-400 px-4 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-500 dark:hover:bg-slate-800"
        >
          {loadingMore ? "Loading more…" : "More results"}
        </button>
      ) : null}
    </div>
  );
}
