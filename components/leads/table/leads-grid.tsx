"use client";

import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { CellContext, LeadColumn } from "./leads-columns";
import type { Lead } from "./lead-types";
import { SelectCheckbox } from "./select-checkbox";
import { SortHeader } from "./sort-header";
import { TableSkeleton } from "./table-skeleton";
import type { Density } from "./use-table-prefs";

const headCell = "whitespace-nowrap px-3 py-2 text-left font-medium";

/**
 * The table itself. It scrolls inside its own box (both ways), so the header stays in view while
 * scrolling rows and a phone can swipe sideways through the columns.
 */
export function LeadsGrid({
  rows,
  columns,
  cellContext,
  density,
  sort,
  onSort,
  selected,
  onSelect,
  onSelectPage,
  loading,
  refreshing,
  skeletonRows,
  empty,
}: {
  rows: Lead[] | undefined;
  columns: LeadColumn[];
  cellContext: CellContext;
  density: Density;
  sort: string;
  onSort: (sort: string) => void;
  selected: (id: string) => boolean;
  onSelect: (id: string, on: boolean) => void;
  onSelectPage: (on: boolean) => void;
  loading: boolean;
  refreshing: boolean;
  skeletonRows: number;
  empty: React.ReactNode;
}) {
  const pad = density === "compact" ? "px-3 py-1" : "px-3 py-2.5";
  const count = rows?.filter((r) => selected(r.id)).length ?? 0;
  const all = Boolean(rows?.length) && count === rows!.length;
  return (
    <div className="max-h-[calc(100dvh-14rem)] min-h-48 overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table
        aria-busy={loading || refreshing}
        className={cn("w-full min-w-[48rem] text-sm", density === "compact" && "text-[13px]")}
      >
        <caption className="sr-only">Leads</caption>
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 shadow-[0_1px_0] shadow-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:shadow-slate-800">
          <tr>
            <th scope="col" className="w-10 px-3 py-2">
              <SelectCheckbox
                label="Select all leads on this page"
                checked={all}
                indeterminate={count > 0 && !all}
                onChange={onSelectPage}
              />
            </th>
            <SortHeader
              label="Name"
              field="displayName"
              sort={sort}
              onSort={onSort}
              className={headCell}
            />
            {columns.map((c) => (
              <SortHeader
                key={c.id}
                label={c.label}
                field={c.sortField}
                firstDesc={c.firstDesc}
                sort={sort}
                onSort={onSort}
                className={headCell}
              />
            ))}
          </tr>
        </thead>
        <tbody
          className={cn(
            "divide-y divide-slate-100 dark:divide-slate-800",
            refreshing && "opacity-60 transition-opacity",
          )}
        >
          {loading && <TableSkeleton columns={columns.length + 2} rows={skeletonRows} />}
          {!loading && rows?.length === 0 && (
            <tr>
              <td colSpan={columns.length + 2} className="px-3 py-12 text-center">
                {empty}
              </td>
            </tr>
          )}
          {rows?.map((lead) => {
            const isSelected = selected(lead.id);
            return (
              <tr
                key={lead.id}
                className={cn(
                  "hover:bg-slate-50 dark:hover:bg-slate-800/50",
                  isSelected && "bg-brand-50 dark:bg-slate-800",
                )}
              >
                <td className={pad}>
                  <SelectCheckbox
                    label={`Select ${lead.displayName}`}
                    checked={isSelected}
                    onChange={(on) => onSelect(lead.id, on)}
                  />
                </td>
                <th scope="row" className={cn(pad, "text-left font-medium")}>
                  <Link
                    href={`/leads/${lead.id}`}
                    className="whitespace-nowrap text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {lead.displayName}
                  </Link>
                  {density === "comfortable" && lead.jobTitle && (
                    <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                      {lead.jobTitle}
                    </span>
                  )}
                </th>
                {columns.map((c) => (
                  <td key={c.id} className={cn(pad, "whitespace-nowrap align-middle")}>
                    {c.cell(lead, cellContext)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
