"use client";

import { Button } from "@/components/ui/button";
import { cellSelectClass } from "./cell-select-class";
import { PER_PAGE_CHOICES } from "./leads-params";

const n = new Intl.NumberFormat();

/** Page numbers from the list's total, and the page size. */
export function PaginationBar({
  page,
  perPage,
  total,
  shown,
  onPage,
  onPerPage,
}: {
  page: number;
  perPage: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
  onPerPage: (perPage: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = shown ? (page - 1) * perPage + 1 : 0;
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
    >
      <p>
        {shown
          ? `${n.format(from)}–${n.format(from + shown - 1)} of ${n.format(total)}`
          : `0 of ${n.format(total)}`}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 whitespace-nowrap">
          Rows per page
          <select
            aria-label="Rows per page"
            value={perPage}
            onChange={(e) => onPerPage(Number(e.target.value))}
            className={cellSelectClass}
          >
            {PER_PAGE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <span aria-current="page" className="tabular-nums">
          Page {n.format(page)} of {n.format(pages)}
        </span>
        <Button
          variant="secondary"
          size="sm"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          Next
        </Button>
      </div>
    </nav>
  );
}
