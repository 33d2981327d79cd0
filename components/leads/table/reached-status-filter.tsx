"use client";

import { useLeadOptions } from "@/lib/client/lead-hooks";
import type { LeadsParams } from "./leads-params";
import type { ParamPatch } from "./use-leads-url-state";

/**
 * The "ever reached" filter a funnel drill-down sets (reachedStatus=qualified,demo,…): it has no
 * control of its own, so it shows as a removable chip saying which stages count.
 */
export function ReachedStatusFilter({
  params,
  update,
}: {
  params: LeadsParams;
  update: (patch: ParamPatch) => void;
}) {
  const statuses = useLeadOptions().data?.status;
  const raw = params.filters.reachedStatus;
  if (!raw) return null;
  // Slugs flash before the labels arrive; until then the chip says only that it is loading.
  const labels = statuses
    ? raw
        .split(",")
        .map((v) => statuses.find((s) => s.value === v)?.label ?? v)
        .join(", ")
    : "…";
  return (
    <span
      data-testid="reached-status-filter"
      aria-busy={!statuses}
      className="inline-flex items-center gap-1 rounded-full border border-brand-500 bg-brand-50 py-0.5 pl-3 pr-1 text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-100"
    >
      <span>Reached: {labels}</span>
      <button
        type="button"
        aria-label={`Remove filter: reached ${labels}`}
        onClick={() => update({ reachedStatus: null })}
        className="rounded-full px-1.5 text-slate-600 hover:bg-slate-200 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-700 dark:hover:text-white"
      >
        <span aria-hidden>×</span>
      </button>
    </span>
  );
}
