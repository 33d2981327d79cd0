"use client";

import { useState } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { formatPercent } from "@/components/charts/format";
import { Badge } from "@/components/ui/badge";
import type { CampaignAnalytics, CampaignComparison } from "./analytics-types";
import { rateText } from "./kpi-format";
import { useAnalytics } from "./use-analytics";

const RATES = [
  ["deliveryRate", "Delivery rate"],
  ["openRate", "Open rate"],
  ["clickRate", "Click rate"],
  ["replyRate", "Reply rate"],
  ["bounceRate", "Bounce rate"],
  ["unsubscribeRate", "Unsubscribe rate"],
  ["winRate", "Win rate"],
  ["roi", "ROI"],
] as const;

/** Pick 2–10 campaigns of the period and read their rates side by side, the best marked. */
export function CampaignComparisonPanel({
  campaigns,
}: {
  campaigns: CampaignAnalytics | undefined;
}) {
  const [ids, setIds] = useState<string[]>([]);
  const ready = ids.length >= 2;
  const cmp = useAnalytics<CampaignComparison>(
    "/analytics/campaigns/comparison",
    { ids: ready ? ids.join(",") : undefined },
    ready,
  );
  const list = campaigns?.campaigns ?? [];
  const toggle = (id: string, on: boolean) =>
    setIds((cur) => (on ? [...cur, id].slice(0, 10) : cur.filter((x) => x !== id)));
  return (
    <section
      aria-labelledby="compare-title"
      className="min-w-0 space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div>
        <h2 id="compare-title" className="text-base font-semibold">
          Compare campaigns
        </h2>
        <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
          Choose two to ten campaigns.
        </p>
      </div>
      {list.length < 2 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          At least two campaigns need to have run in this period to compare them.
        </p>
      ) : (
        <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
          <legend className="sr-only">Campaigns to compare</legend>
          {list.map((c) => (
            <label key={c.campaignId} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={ids.includes(c.campaignId)}
                disabled={!ids.includes(c.campaignId) && ids.length >= 10}
                onChange={(e) => toggle(c.campaignId, e.target.checked)}
                className="size-4 rounded border-slate-300 dark:border-slate-600"
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      )}
      {ready && cmp.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Couldn’t compare: {cmp.error}
        </p>
      )}
      {ready && cmp.data && (
        <>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm">
              <caption className="sr-only">Rates of the chosen campaigns</caption>
              <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-2 py-1 font-medium">
                    Rate
                  </th>
                  {cmp.data.campaigns.map((c) => (
                    <th key={c.campaignId} scope="col" className="px-2 py-1 text-right font-medium">
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {RATES.map(([key, label]) => (
                  <tr key={key}>
                    <th scope="row" className="px-2 py-1.5 font-normal">
                      {label}
                    </th>
                    {cmp.data!.campaigns.map((c) => (
                      <td key={c.campaignId} className="px-2 py-1.5 text-right tabular-nums">
                        {rateText(c[key])}{" "}
                        {cmp.data!.best[key] === c.campaignId && <Badge tone="green">Best</Badge>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BarChart
            title="Reply rate of the chosen campaigns"
            headingLevel={3}
            data={cmp.data.campaigns}
            label={(c) => c.name}
            value={(c) => c.replyRate ?? 0}
            format={formatPercent}
            categoryLabel="Campaign"
            valueLabel="Reply rate"
          />
        </>
      )}
    </section>
  );
}
