import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatPercent, type ValueFormat } from "./format";

/**
 * One headline number with its change against the previous period. The direction is an arrow
 * and words ("up 12% vs previous period"), its colour only repeats it; `lowerIsBetter` flips
 * which direction is good (speed to lead, bounce rate).
 */
export function KpiCard({
  label,
  value,
  previous,
  change,
  format,
  lowerIsBetter,
  href,
  note,
  loading,
}: {
  label: string;
  value: number | null | undefined;
  previous?: number | null;
  change?: number | null;
  format: ValueFormat;
  lowerIsBetter?: boolean;
  href?: string;
  note?: React.ReactNode;
  loading?: boolean;
}) {
  // Without `change` passed at all the card is a plain number (nothing was compared).
  const compared = change !== undefined || previous !== undefined;
  const direction = change == null || change === 0 ? "flat" : change > 0 ? "up" : "down";
  const good = direction === "flat" ? null : (direction === "up") !== Boolean(lowerIsBetter);
  const arrow = direction === "up" ? "↑" : direction === "down" ? "↓" : "→";
  const changeText =
    change == null
      ? previous == null
        ? "No previous period to compare"
        : "New this period"
      : direction === "flat"
        ? "No change vs previous period"
        : `${direction === "up" ? "Up" : "Down"} ${formatPercent(Math.abs(change))} vs previous period`;
  const body = (
    <>
      <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</p>
      {loading ? (
        <>
          <span className="mt-1 block h-8 w-24 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
          <span className="mt-2 block h-4 w-40 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
        </>
      ) : (
        <>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="kpi-value">
            {value == null ? "—" : format(value)}
          </p>
          {compared && (
            <p
              className={cn(
                "mt-1 flex items-center gap-1 text-xs font-medium",
                good === null && "text-slate-600 dark:text-slate-400",
                good === true && "text-emerald-700 dark:text-emerald-400",
                good === false && "text-red-700 dark:text-red-400",
              )}
            >
              {change != null && <span aria-hidden>{arrow}</span>}
              <span>{changeText}</span>
            </p>
          )}
          {previous != null && (
            <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
              Previous: {format(previous)}
            </p>
          )}
          {note && <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">{note}</div>}
        </>
      )}
    </>
  );
  const cls =
    "block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900";
  return (
    <article aria-label={label} className="min-w-0">
      {href ? (
        <Link href={href} className={cn(cls, "hover:border-brand-500 dark:hover:border-brand-500")}>
          {body}
        </Link>
      ) : (
        <div className={cls}>{body}</div>
      )}
    </article>
  );
}
