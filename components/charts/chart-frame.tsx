"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { ChartTable, type TableColumn } from "./chart-table";

export interface ChartTableSpec<T> {
  columns: TableColumn<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
}

/**
 * What every chart shares: a figure named by its title, a description, the "Show as table"
 * toggle (the same data as a real table, for screen readers and for reading exact numbers), and
 * the loading, error and empty states in a box of the chart's own size so nothing jumps.
 */
export function ChartFrame<T>({
  title,
  description,
  headingLevel = 2,
  table,
  loading,
  error,
  empty,
  emptyText = "No data for this period.",
  aspect,
  legend,
  actions,
  className,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  headingLevel?: 2 | 3;
  table: ChartTableSpec<T>;
  loading?: boolean;
  error?: string | null;
  /** Defaults to "no rows"; charts with rows of zeros pass their own test. */
  empty?: boolean;
  emptyText?: string;
  /** The chart area's width / height, reserved while loading. */
  aspect: number;
  legend?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const isEmpty = empty ?? table.rows.length === 0;
  const body = () => {
    if (loading)
      return (
        <div
          role="status"
          aria-label={`Loading ${title}`}
          className="w-full animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800"
          style={{ aspectRatio: aspect }}
        />
      );
    if (error)
      return (
        <div
          role="alert"
          className="flex w-full items-center justify-center rounded-lg border border-red-200 bg-red-50 p-4 text-center text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
          style={{ aspectRatio: aspect }}
        >
          Couldn’t load {title.toLowerCase()}: {error}
        </div>
      );
    if (isEmpty)
      return (
        <div
          className="flex w-full items-center justify-center rounded-lg border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400"
          style={{ aspectRatio: aspect }}
        >
          {emptyText}
        </div>
      );
    if (asTable) return <ChartTable caption={title} {...table} />;
    return (
      <>
        {children}
        {legend}
      </>
    );
  };
  return (
    <figure
      aria-labelledby={titleId}
      className={cn(
        "min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900",
        className,
      )}
    >
      <figcaption className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <Heading id={titleId} className="text-base font-semibold">
            {title}
          </Heading>
          {description && (
            <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">{description}</p>
          )}
        </div>
        <div className="flex items-center gap-2">
          {actions}
          {!loading && !error && !isEmpty && (
            <button
              type="button"
              aria-pressed={asTable}
              onClick={() => setAsTable((v) => !v)}
              className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              {asTable ? "Show as chart" : "Show as table"}
            </button>
          )}
        </div>
      </figcaption>
      {body()}
    </figure>
  );
}
