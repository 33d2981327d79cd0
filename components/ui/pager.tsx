import { Button } from "./button";

/** Previous/next paging under a list: "Page 2 of 7 · 312 templates". Hidden for one page. */
export function Pager({
  page,
  pagination,
  noun,
  label = "Pages",
  onPage,
}: {
  page: number;
  pagination: { totalPages: number; total: number } | undefined;
  /** What is being counted, plural ("campaigns"). */
  noun: string;
  label?: string;
  onPage: (page: number) => void;
}) {
  if (!pagination || pagination.totalPages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between text-sm">
      <span className="text-slate-600 dark:text-slate-400">
        Page {page} of {pagination.totalPages} · {pagination.total} {noun}
      </span>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={page >= pagination.totalPages}
          onClick={() => onPage(page + 1)}
        >
          Next
        </Button>
      </div>
    </nav>
  );
}
