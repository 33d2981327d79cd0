import Link from "next/link";
import { ExportButton } from "./export-button";
import { primaryLinkClass, secondaryLinkClass } from "./link-button";

const count = new Intl.NumberFormat();

export function LeadsHeader({
  total,
  filtered,
  exportHref,
}: {
  total: number | undefined;
  filtered: boolean;
  exportHref: string;
}) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Leads</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {total === undefined
            ? "Loading…"
            : `${count.format(total)} ${filtered ? "matching" : total === 1 ? "lead" : "leads"}`}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <ExportButton href={exportHref} />
        <Link href="/leads/import" className={secondaryLinkClass}>
          Import
        </Link>
        <Link href="/leads/new" className={primaryLinkClass}>
          New lead
        </Link>
      </div>
    </header>
  );
}
