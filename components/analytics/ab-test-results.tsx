"use client";

import { formatNumber, formatPercent } from "@/components/charts/format";
import { Badge } from "@/components/ui/badge";
import type { AbTests } from "./analytics-types";
import { rateText } from "./kpi-format";

const METRIC_LABEL = { reply: "Reply rate", open: "Open rate", click: "Click rate" } as const;

/**
 * A/B tests per campaign step: each variant's rate with its 95 % interval drawn as a range, and a
 * winner badge only when the API found the best variant significantly better than every other.
 */
export function AbTestResults({
  data,
  loading,
  error,
}: {
  data: AbTests | undefined;
  loading: boolean;
  error: string | null;
}) {
  return (
    <section
      aria-labelledby="ab-tests-title"
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="ab-tests-title" className="text-base font-semibold">
        A/B tests
      </h2>
      <p className="mb-3 mt-0.5 text-sm text-slate-600 dark:text-slate-400">
        Rates with 95% confidence intervals. A winner is named only when it is significantly better
        (p &lt; 0.05) and every variant has enough messages.
      </p>
      {loading && <div className="h-32 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" />}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Couldn’t load A/B tests: {error}
        </p>
      )}
      {data && data.tests.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No campaign step with several variants sent mail in this period.
        </p>
      )}
      <div className="space-y-5">
        {data?.tests.map((test) => (
          <div key={`${test.campaignId}-${test.stepId}`}>
            <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
              {test.campaignName} · step {test.stepIndex + 1}
              {test.winner ? (
                <Badge tone="green">
                  Winner: {test.variants.find((v) => v.value === test.winner)?.label ?? test.winner}
                </Badge>
              ) : (
                <Badge>No significant winner yet</Badge>
              )}
            </h3>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <caption className="sr-only">
                  {test.campaignName} step {test.stepIndex + 1}: {METRIC_LABEL[test.metric]} by
                  variant
                </caption>
                <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="px-2 py-1 font-medium">
                      Variant
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      Reached
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      {METRIC_LABEL[test.metric]}
                    </th>
                    <th scope="col" className="px-2 py-1 font-medium">
                      95% interval
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      p vs best
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {test.variants.map((v) => {
                    const ci = v.confidenceInterval;
                    return (
                      <tr key={v.value}>
                        <th scope="row" className="px-2 py-1.5 font-normal">
                          {v.label}
                          {test.winner === v.value && <span className="sr-only"> (winner)</span>}
                        </th>
                        <td className="px-2 py-1.5 text-right tabular-nums">
                          {formatNumber(v.reached)}
                        </td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{rateText(v.rate)}</td>
                        <td className="px-2 py-1.5">
                          {ci ? (
                            <span className="flex items-center gap-2">
                              <span
                                aria-hidden
                                className="relative inline-block h-2 w-28 rounded bg-slate-100 dark:bg-slate-800"
                              >
                                <span
                                  className={`absolute inset-y-0 rounded ${test.winner === v.value ? "bg-emerald-600 dark:bg-emerald-400" : "bg-brand-600 dark:bg-brand-500"}`}
                                  style={{
                                    left: `${ci.low * 100}%`,
                                    width: `${Math.max((ci.high - ci.low) * 100, 1)}%`,
                                  }}
                                />
                              </span>
                              <span className="tabular-nums">
                                {formatPercent(ci.low)} – {formatPercent(ci.high)}
                              </span>
                            </span>
                          ) : (
                            "—"
                          )}
                        </td>
                        <td className="px-2 py-1.5 text-right tabular-nums">
                          {v.vsBest?.pValue == null
                            ? test.best === v.value
                              ? "best"
                              : "—"
                            : v.vsBest.pValue < 0.001
                              ? "< 0.001"
                              : v.vsBest.pValue.toFixed(3)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
