"use client";

import { Button } from "@/components/ui/button";
import type { LeadColumn } from "./leads-columns";
import { PopoverMenu } from "./popover-menu";
import { DEFAULT_COLUMNS } from "./use-table-prefs";

/** Which columns the table shows; the name column always stays. */
export function ColumnChooser({
  columns,
  visible,
  onChange,
}: {
  columns: LeadColumn[];
  visible: string[];
  onChange: (columns: string[]) => void;
}) {
  // Keep the chooser's order so toggling a column on puts it back where it belongs.
  const toggle = (id: string, on: boolean) =>
    onChange(columns.map((c) => c.id).filter((c) => (c === id ? on : visible.includes(c))));
  return (
    <PopoverMenu label="Columns" buttonLabel="Columns">
      {() => (
        <fieldset>
          <legend className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
            Show columns
          </legend>
          <label className="flex items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-600 dark:text-slate-400">
            <input type="checkbox" checked disabled className="size-4" />
            Name
          </label>
          {columns.map((c) => (
            <label
              key={c.id}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={visible.includes(c.id)}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
              {c.label}
            </label>
          ))}
          <div className="mt-1 border-t border-slate-200 pt-2 dark:border-slate-700">
            <Button size="sm" variant="ghost" onClick={() => onChange(DEFAULT_COLUMNS)}>
              Reset to default
            </Button>
          </div>
        </fieldset>
      )}
    </PopoverMenu>
  );
}
