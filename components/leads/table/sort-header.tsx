"use client";

import { parseSort } from "./leads-params";

/** A column header that orders the list by its field; the current order is announced. */
export function SortHeader({
  label,
  field,
  firstDesc,
  sort,
  onSort,
  className,
}: {
  label: string;
  field?: string;
  firstDesc?: boolean;
  sort: string;
  onSort: (sort: string) => void;
  className?: string;
}) {
  const current = parseSort(sort);
  const active = field !== undefined && current.field === field;
  const ariaSort = active ? (current.desc ? "descending" : "ascending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      {field ? (
        <button
          type="button"
          onClick={() => {
            const desc = active ? !current.desc : Boolean(firstDesc);
            onSort(desc ? `-${field}` : field);
          }}
          className="inline-flex items-center gap-1 rounded font-medium uppercase tracking-wide hover:text-slate-900 dark:hover:text-white"
        >
          {label}
          <span aria-hidden className={active ? "" : "opacity-30"}>
            {active && !current.desc ? "▲" : "▼"}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
