import Link from "next/link";
import { Button } from "@/components/ui/button";
import { primaryLinkClass, secondaryLinkClass } from "./link-button";

/** What an empty page means, and the way out of it. */
export function LeadsEmptyState({
  filtered,
  page,
  onClearFilters,
  onFirstPage,
}: {
  filtered: boolean;
  page: number;
  onClearFilters: () => void;
  onFirstPage: () => void;
}) {
  if (page > 1)
    return (
      <div className="space-y-3">
        <p className="font-medium">This page is past the end of the list.</p>
        <Button variant="secondary" onClick={onFirstPage}>
          Go to the first page
        </Button>
      </div>
    );
  if (filtered)
    return (
      <div className="space-y-3">
        <p className="font-medium">No leads match these filters.</p>
        <Button variant="secondary" onClick={onClearFilters}>
          Clear filters
        </Button>
      </div>
    );
  return (
    <div className="space-y-3">
      <p className="font-medium">No leads yet.</p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Add one by hand or bring in a spreadsheet.
      </p>
      <div className="flex justify-center gap-2">
        <Link href="/leads/new" className={primaryLinkClass}>
          New lead
        </Link>
        <Link href="/leads/import" className={secondaryLinkClass}>
          Import
        </Link>
      </div>
    </div>
  );
}
