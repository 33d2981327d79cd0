"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import type { LeadAnalysisDto } from "@/lib/lead-analysis/analysis-schemas";
import { LeadAnalysisExtract } from "./lead-analysis-extract";
import type { LeadDetail } from "./lead-types";

const analysisKey = (leadId: string) => [...queryKeys.leads.detail(leadId), "analysis"] as const;

const STRENGTH_TONE = { strong: "green", medium: "amber", weak: "neutral" } as const;

function due(days: number | null | undefined): string | null {
  if (days === null || days === undefined) return null;
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

/**
 * The lead's latest AI analysis (summary, buying signals with their evidence, risks, the next
 * step) with who wrote it — the model or the offline rules — and when; Analyze / Re-analyze runs
 * a new one. Below it, a helper that reads contact details out of a pasted signature.
 */
export function LeadAnalysisPanel({ lead }: { lead: LeadDetail }) {
  const client = useQueryClient();
  const analysis = useQuery({
    queryKey: analysisKey(lead.id),
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<LeadAnalysisDto>(`/leads/${lead.id}/analysis`, { signal });
      } catch (error) {
        // Never analysed: the API answers 404 for it; the panel offers the first run instead.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const run = useMutation({
    mutationFn: () => apiFetch<LeadAnalysisDto>(`/leads/${lead.id}/analyze`, { method: "POST" }),
    onSuccess: (fresh) => client.setQueryData(analysisKey(lead.id), fresh),
  });
  const current = analysis.data;

  return (
    <div className="space-y-6">
      <section aria-labelledby={`analysis-${lead.id}`} className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id={`analysis-${lead.id}`} className="text-base font-semibold">
            AI analysis
          </h2>
          <Button
            size="sm"
            variant={current ? "secondary" : "primary"}
            loading={run.isPending}
            onClick={() => run.mutate()}
          >
            {run.isPending ? "Analysing…" : current ? "Re-analyze" : "Analyze"}
          </Button>
        </div>
        {run.error && <Alert tone="error">{errorMessage(run.error)}</Alert>}
        {analysis.error && <Alert tone="error">{errorMessage(analysis.error)}</Alert>}
        {analysis.isLoading && (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Loading…
          </p>
        )}
        {current === null && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Not analysed yet. An analysis summarises the lead and its conversation, lists buying
            signals and risks, and suggests the next step.
          </p>
        )}
        {current && <AnalysisView analysis={current} />}
      </section>
      <LeadAnalysisExtract lead={lead} />
    </div>
  );
}

function AnalysisView({ analysis }: { analysis: LeadAnalysisDto }) {
  const step = analysis.nextStep;
  const when = due(step.dueInDays);
  return (
    <div className="space-y-4" aria-label="Latest analysis" role="group">
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        {analysis.mode === "offline" ? (
          <Badge tone="amber">Offline mode · built-in rules</Badge>
        ) : (
          <Badge tone="blue">AI · {analysis.model ?? "model"}</Badge>
        )}
        <span>
          Analysed <time dateTime={analysis.createdAt}>{formatDateTime(analysis.createdAt)}</time>
        </span>
        {analysis.fitScore !== null && <span>Fit {analysis.fitScore}/100</span>}
        {analysis.intentScore !== null && <span>Intent {analysis.intentScore}/100</span>}
      </p>
      <p className="text-sm break-words whitespace-pre-wrap">{analysis.summary}</p>

      <div className="rounded-lg border border-brand-100 bg-brand-50 p-3 dark:border-slate-700 dark:bg-slate-800/60">
        <h3 className="text-sm font-semibold">Suggested next step</h3>
        <p className="mt-1 text-sm">
          {step.action}
          {when && <span className="text-slate-600 dark:text-slate-400"> — {when}</span>}
        </p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{step.why}</p>
      </div>

      <div>
        <h3 className="text-sm font-semibold">Buying signals</h3>
        {analysis.buyingSignals.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">None found.</p>
        ) : (
          <ul aria-label="Buying signals" className="mt-2 space-y-2">
            {analysis.buyingSignals.map((s, i) => (
              <li
                key={i}
                className="rounded-lg border border-slate-200 p-2.5 dark:border-slate-800"
              >
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                  {s.signal} <Badge tone={STRENGTH_TONE[s.strength]}>{s.strength}</Badge>
                </p>
                <p className="mt-1 text-xs break-words text-slate-600 dark:text-slate-400">
                  {s.evidence}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>

      {analysis.risks.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Risks</h3>
          <ul aria-label="Risks" className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {analysis.risks.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
