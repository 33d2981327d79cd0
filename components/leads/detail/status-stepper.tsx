"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/client/api";
import { useLeadOptions, type LeadOption } from "@/lib/client/lead-hooks";
import type { LeadDetail } from "./lead-types";
import { LostReasonDialog } from "./lost-reason-dialog";
import { useUpdateLead } from "./use-lead";

/**
 * The pipeline as a row of steps: the open statuses in order, then the closing ones (won, lost)
 * set apart. Clicking a step moves the lead there; a lost status first asks why.
 */
export function StatusStepper({ lead, readOnly }: { lead: LeadDetail; readOnly?: boolean }) {
  const options = useLeadOptions();
  const update = useUpdateLead(lead.id);
  const [askLost, setAskLost] = useState<LeadOption | null>(null);
  const statuses = (options.data?.status ?? []).filter(
    (o) => !o.retired || o.value === lead.status,
  );
  const open = statuses.filter((o) => (o.category ?? "open") === "open");
  const closing = statuses.filter((o) => o.category === "won" || o.category === "lost");
  const currentIndex = open.findIndex((o) => o.value === lead.status);
  const current = statuses.find((o) => o.value === lead.status);
  const closed = current?.category === "won" || current?.category === "lost";

  const choose = (o: LeadOption) => {
    if (o.value === lead.status || readOnly) return;
    if (o.category === "lost") setAskLost(o);
    else update.mutate({ status: o.value });
  };

  if (options.isLoading) return <p className="text-sm text-slate-600 dark:text-slate-400">…</p>;

  return (
    <div className="space-y-2">
      <nav aria-label="Pipeline status">
        <ol className="flex flex-wrap gap-1.5">
          {open.map((o, i) => {
            const isCurrent = o.value === lead.status;
            const passed = closed || (currentIndex >= 0 && i < currentIndex);
            return (
              <li key={o.value}>
                <button
                  type="button"
                  aria-current={isCurrent ? "step" : undefined}
                  disabled={readOnly || update.isPending}
                  onClick={() => choose(o)}
                  className={cn(
                    "inline-flex h-8 items-center gap-1 rounded-full border px-3 text-sm font-medium transition-colors disabled:cursor-not-allowed",
                    isCurrent
                      ? "border-brand-600 bg-brand-600 text-white"
                      : passed
                        ? "border-brand-100 bg-brand-50 text-brand-700 hover:bg-brand-100 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
                        : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800",
                  )}
                >
                  {passed && <span aria-hidden>✓</span>}
                  {o.label}
                  {passed && <span className="sr-only"> (done)</span>}
                </button>
              </li>
            );
          })}
          {closing.length > 0 && (
            <li aria-hidden className="mx-1 self-center text-slate-400">
              |
            </li>
          )}
          {closing.map((o) => {
            const isCurrent = o.value === lead.status;
            const won = o.category === "won";
            return (
              <li key={o.value}>
                <button
                  type="button"
                  aria-current={isCurrent ? "step" : undefined}
                  disabled={readOnly || update.isPending}
                  onClick={() => choose(o)}
                  className={cn(
                    "inline-flex h-8 items-center rounded-full border px-3 text-sm font-medium transition-colors disabled:cursor-not-allowed",
                    isCurrent && won && "border-emerald-700 bg-emerald-700 text-white",
                    isCurrent && !won && "border-red-700 bg-red-700 text-white",
                    !isCurrent &&
                      won &&
                      "border-emerald-300 bg-white text-emerald-800 hover:bg-emerald-50 dark:border-emerald-800 dark:bg-slate-900 dark:text-emerald-300 dark:hover:bg-emerald-950",
                    !isCurrent &&
                      !won &&
                      "border-red-300 bg-white text-red-800 hover:bg-red-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-300 dark:hover:bg-red-950",
                  )}
                >
                  {o.label}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {current?.category === "lost" && lead.lostReason && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Lost because:{" "}
          {options.data?.lostReason.find((r) => r.value === lead.lostReason)?.label ??
            lead.lostReason}
        </p>
      )}
      {update.error && <Alert tone="error">{errorMessage(update.error)}</Alert>}
      <LostReasonDialog
        status={askLost}
        reasons={(options.data?.lostReason ?? []).filter((r) => !r.retired)}
        pending={update.isPending}
        onClose={() => setAskLost(null)}
        onConfirm={(lostReason) =>
          askLost &&
          update.mutate(
            { status: askLost.value, lostReason },
            { onSuccess: () => setAskLost(null) },
          )
        }
        error={update.error ? errorMessage(update.error) : undefined}
      />
    </div>
  );
}
