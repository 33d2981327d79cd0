"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useDismiss } from "@/components/ui/use-dismiss";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import type { LeadDetail } from "./lead-types";
import { ScoreBadge } from "./score-badge";
import { refreshLead, useUpdateLead } from "./use-lead";

/**
 * The score with a popover that explains it: which rules contributed how many points, a way to
 * recompute it now, and — for roles allowed to — a manual override.
 */
export function ScoreBreakdown({
  lead,
  canOverride,
  readOnly,
}: {
  lead: LeadDetail;
  canOverride: boolean;
  readOnly?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useDismiss(root, open, () => setOpen(false), button);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Score ${lead.score}, ${lead.temperature}. Show what contributed`}
        onClick={() => setOpen((v) => !v)}
        className="rounded-lg px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <ScoreBadge score={lead.score} temperature={lead.temperature} />
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="Score breakdown"
          className="absolute left-0 z-20 mt-2 sm:left-auto sm:right-0 w-[min(22rem,calc(100vw-3rem))] rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-lg dark:border-slate-800 dark:bg-slate-900"
        >
          <BreakdownBody lead={lead} canOverride={canOverride} readOnly={readOnly} />
        </div>
      )}
    </div>
  );
}

function BreakdownBody({
  lead,
  canOverride,
  readOnly,
}: {
  lead: LeadDetail;
  canOverride: boolean;
  readOnly?: boolean;
}) {
  const client = useQueryClient();
  const recompute = useMutation({
    mutationFn: () => apiFetch(`/leads/${lead.id}/score`, { method: "POST" }),
    onSuccess: () => refreshLead(client, lead.id),
  });
  const total = lead.scoreBreakdown.reduce((sum, c) => sum + c.points, 0);
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">What makes up the score</h3>
      {lead.scoreBreakdown.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No scoring rule matches this lead yet.</p>
      ) : (
        <table className="w-full">
          <caption className="sr-only">Score contributions</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {lead.scoreBreakdown.map((c) => (
              <tr key={c.rule + c.label}>
                <td className="py-1.5 pr-2">{c.label}</td>
                <td
                  className={
                    c.points < 0
                      ? "py-1.5 text-right tabular-nums text-red-700 dark:text-red-400"
                      : "py-1.5 text-right tabular-nums text-emerald-700 dark:text-emerald-400"
                  }
                >
                  {c.points > 0 ? "+" : ""}
                  {Math.round(c.points * 10) / 10}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-200 font-medium dark:border-slate-700">
              <th scope="row" className="pt-1.5 text-left">
                Computed
              </th>
              <td className="pt-1.5 text-right tabular-nums">{Math.max(0, Math.round(total))}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {lead.scoreOverridden && (
        <p className="text-slate-600 dark:text-slate-400">
          The shown score ({lead.score}) is a manual override.
        </p>
      )}
      {recompute.error && <Alert tone="error">{errorMessage(recompute.error)}</Alert>}
      {!readOnly && (
        <Button
          size="sm"
          variant="secondary"
          loading={recompute.isPending}
          onClick={() => recompute.mutate()}
        >
          Recompute now
        </Button>
      )}
      {canOverride && !readOnly && <ScoreOverride lead={lead} />}
    </div>
  );
}

function ScoreOverride({ lead }: { lead: LeadDetail }) {
  const update = useUpdateLead(lead.id);
  const [value, setValue] = useState(lead.scoreOverridden ? String(lead.score) : "");
  const inputId = useId();
  const err = update.error instanceof ApiError ? update.error : undefined;
  const message = err?.fieldError("score") ?? (update.error ? errorMessage(update.error) : null);
  return (
    <form
      className="space-y-1.5 border-t border-slate-200 pt-3 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ score: value.trim() === "" ? null : Number(value) });
      }}
    >
      <label htmlFor={inputId} className="block font-medium">
        Manual score override
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          type="number"
          min={0}
          max={1000}
          step={1}
          inputMode="numeric"
          placeholder="Computed"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${inputId}-error` : undefined}
          className={`${inputClass} w-28`}
        />
        <Button type="submit" size="md" variant="secondary" loading={update.isPending}>
          {value.trim() === "" ? "Use computed" : "Override"}
        </Button>
      </div>
      {message && (
        <p id={`${inputId}-error`} className="text-xs text-red-600 dark:text-red-400">
          {message}
        </p>
      )}
    </form>
  );
}
