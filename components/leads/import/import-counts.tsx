import { cn } from "@/components/ui/cn";
import type { ImportJob } from "./use-import-job";

const COUNTS = [
  {
    key: "created",
    done: "Created",
    planned: "Would create",
    tone: "text-emerald-700 dark:text-emerald-400",
  },
  {
    key: "updated",
    done: "Updated",
    planned: "Would update",
    tone: "text-brand-700 dark:text-brand-500",
  },
  {
    key: "skipped",
    done: "Skipped",
    planned: "Would skip",
    tone: "text-slate-700 dark:text-slate-300",
  },
  { key: "failed", done: "Failed", planned: "Would fail", tone: "text-red-700 dark:text-red-400" },
] as const;

/** Created / updated / skipped / failed, worded as a forecast for dry runs. */
export function ImportCounts({ job }: { job: ImportJob }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {COUNTS.map((c) => (
        <div
          key={c.key}
          className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800"
        >
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">
            {job.dryRun ? c.planned : c.done}
          </dt>
          <dd className={cn("text-2xl font-semibold tabular-nums", c.tone)}>
            {job[c.key].toLocaleString()}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The first row errors the API returns with an import (all of them are in the CSV download). */
export function ImportErrors({ job, limit = 10 }: { job: ImportJob; limit?: number }) {
  if (!job.errors.length) return null;
  const shown = job.errors.slice(0, limit);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="px-3 py-2 text-left text-sm font-medium">
          {job.failed > shown.length
            ? `First ${shown.length} of ${job.failed.toLocaleString()} row errors`
            : "Row errors"}
        </caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Row
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Column
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.map((e, i) => (
            <tr key={`${e.row}-${i}`}>
              <td className="px-3 py-2 tabular-nums">{e.row}</td>
              <td className="px-3 py-2">{e.column ?? "—"}</td>
              <td className="px-3 py-2">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportProgressBar({ job, label }: { job: ImportJob; label: string }) {
  const percent = Math.round(job.progress * 100);
  const total = job.totalRows ?? 0;
  return (
    <div className="space-y-1.5">
      <div className="flex justify-between text-sm">
        <span id={`progress-label-${job.id}`} className="font-medium">
          {label}
        </span>
        <span className="tabular-nums text-slate-600 dark:text-slate-400">
          {job.rowsProcessed.toLocaleString()} of {total.toLocaleString()} rows
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`progress-label-${job.id}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% (${job.rowsProcessed} of ${total} rows)`}
        className="h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-[width] duration-500"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
