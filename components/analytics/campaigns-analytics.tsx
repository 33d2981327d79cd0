"use client";

import { useState } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { formatNumber, formatPercent } from "@/components/charts/format";
import { Heatmap } from "@/components/charts/heatmap";
import { KpiCard } from "@/components/charts/kpi-card";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { AbTestResults } from "./ab-test-results";
import type { AbTests, CampaignAnalytics, EmailPerformance } from "./analytics-types";
import { CampaignComparisonPanel } from "./campaign-comparison";
import { CampaignTable } from "./campaign-table";
import { rateText } from "./kpi-format";
import { useAnalytics } from "./use-analytics";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`);
const HEAT_METRICS = {
  replyRate: "Reply rate",
  openRate: "Open rate",
  sent: "Messages sent",
} as const;
type HeatMetric = keyof typeof HEAT_METRICS;

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Campaigns: the period's table, comparison, email performance by step and send time, A/B. */
export function CampaignsAnalytics() {
  const [zone] = useState(browserZone);
  const [metric, setMetric] = useState<HeatMetric>("replyRate");
  const campaigns = useAnalytics<CampaignAnalytics>("/analytics/campaigns");
  const perf = useAnalytics<EmailPerformance>("/analytics/email-performance", { timezone: zone });
  const ab = useAnalytics<AbTests>("/analytics/ab-tests");
  const totals = campaigns.data?.totals;
  const p = perf.data;

  return (
    <div className="space-y-4">
      <section aria-label="Campaign totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <KpiCard
          label="Messages sent"
          value={totals?.sent}
          format={formatNumber}
          loading={campaigns.loading}
        />
        <KpiCard
          label="Open rate"
          value={totals?.openRate}
          format={formatPercent}
          loading={campaigns.loading}
        />
        <KpiCard
          label="Reply rate"
          value={totals?.replyRate}
          format={formatPercent}
          loading={campaigns.loading}
        />
        <KpiCard
          label="Bounce rate"
          value={totals?.bounceRate}
          format={formatPercent}
          loading={campaigns.loading}
          lowerIsBetter
        />
      </section>
      <CampaignTable data={campaigns.data} loading={campaigns.loading} error={campaigns.error} />
      <CampaignComparisonPanel campaigns={campaigns.data} />
      <div className="grid gap-4 lg:grid-cols-2">
        <BarChart
          title="Reply rate by sequence step"
          data={p?.byStep}
          loading={perf.loading}
          error={perf.error}
          label={(r) => r.label}
          value={(r) => r.replyRate ?? 0}
          format={formatPercent}
          categoryLabel="Step"
          valueLabel="Reply rate"
          extraColumns={[
            { header: "Sent", cell: (r) => formatNumber(r.sent), numeric: true },
            { header: "Open rate", cell: (r) => rateText(r.openRate), numeric: true },
            { header: "Click rate", cell: (r) => rateText(r.clickRate), numeric: true },
          ]}
        />
        <BarChart
          title="Reply rate by variant"
          data={p?.byVariant}
          loading={perf.loading}
          error={perf.error}
          label={(r) => `${r.campaignName} · step ${r.stepIndex + 1} · ${r.label}`}
          value={(r) => r.replyRate ?? 0}
          format={formatPercent}
          categoryLabel="Variant"
          valueLabel="Reply rate"
          colorIndex={1}
          extraColumns={[
            { header: "Sent", cell: (r) => formatNumber(r.sent), numeric: true },
            { header: "Open rate", cell: (r) => rateText(r.openRate), numeric: true },
          ]}
        />
      </div>
      <Heatmap
        title={`${HEAT_METRICS[metric]} by send time`}
        description={`Weekday × hour the messages were sent, in your time zone (${p?.timezone ?? zone})`}
        cells={p?.bySendTime.map((s) => ({
          row: s.weekday - 1,
          col: s.hour,
          value: metric === "sent" ? s.sent : s[metric],
          detail: `${formatNumber(s.sent)} sent`,
        }))}
        loading={perf.loading}
        error={perf.error}
        rowLabels={WEEKDAYS}
        colLabels={HOURS}
        rowHeader="Weekday"
        format={(v) => (v == null ? "—" : metric === "sent" ? formatNumber(v) : formatPercent(v))}
        actions={
          <label className="flex items-center gap-2 text-xs font-medium">
            <span>Show</span>
            <select
              value={metric}
              onChange={(e) => setMetric(e.target.value as HeatMetric)}
              className={cn(inputClass, "w-auto py-1 text-xs")}
            >
              {Object.entries(HEAT_METRICS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        }
      />
      <AbTestResults data={ab.data} loading={ab.loading} error={ab.error} />
    </div>
  );
}
