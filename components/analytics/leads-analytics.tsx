"use client";

import { BarChart } from "@/components/charts/bar-chart";
import { formatNumber } from "@/components/charts/format";
import { FunnelChart } from "@/components/charts/funnel-chart";
import { Histogram } from "@/components/charts/histogram";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { bucketDays, leadsHref, periodDays } from "./analytics-params";
import type {
  LeadConversion,
  LeadQuality,
  LeadScore,
  LeadSources,
  LeadStatus,
  LeadTimeline,
} from "./analytics-types";
import { rateText } from "./kpi-format";
import { useAnalytics, useAnalyticsFilters, useScopeOwners } from "./use-analytics";

/** Leads: where they come from, where they are, how they move and how good they are. */
export function LeadsAnalytics() {
  const { filters, interval } = useAnalyticsFilters();
  const owners = useScopeOwners();
  const sources = useAnalytics<LeadSources>("/analytics/leads/sources");
  const status = useAnalytics<LeadStatus>("/analytics/leads/status");
  const timeline = useAnalytics<LeadTimeline>("/analytics/leads/timeline");
  const conversion = useAnalytics<LeadConversion>("/analytics/leads/conversion");
  const quality = useAnalytics<LeadQuality>("/stats/lead-quality");
  const score = useAnalytics<LeadScore>("/stats/lead-score");
  const created = (p?: { from: string; to: string }) => (p ? periodDays(p) : undefined);
  const t = timeline.data;
  const c = conversion.data;

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <BarChart
        title="Sources"
        description="New leads by source, with how many were won"
        data={sources.data?.rows}
        loading={sources.loading}
        error={sources.error}
        label={(r) => r.label}
        value={(r) => r.count}
        categoryLabel="Source"
        valueLabel="Leads"
        hrefFor={(r) => {
          const period = created(sources.data?.period);
          return r.value && period
            ? leadsHref(filters, owners, { source: r.value, created: period })
            : undefined;
        }}
        extraColumns={[
          { header: "Share", cell: (r) => rateText(r.share), numeric: true },
          { header: "Won", cell: (r) => formatNumber(r.won), numeric: true },
          { header: "Conversion", cell: (r) => rateText(r.conversionRate), numeric: true },
        ]}
      />
      <BarChart
        title="Status"
        description="New leads by the status they are in now"
        data={status.data?.rows}
        loading={status.loading}
        error={status.error}
        label={(r) => r.label}
        value={(r) => r.count}
        categoryLabel="Status"
        valueLabel="Leads"
        colorIndex={1}
        hrefFor={(r) => {
          const period = created(status.data?.period);
          return period
            ? leadsHref(filters, owners, { status: r.value, created: period })
            : undefined;
        }}
        extraColumns={[
          { header: "Share", cell: (r) => rateText(r.share), numeric: true },
          { header: "Entered in period", cell: (r) => formatNumber(r.entered), numeric: true },
        ]}
      />
      <TimeSeriesChart
        className="lg:col-span-2"
        width={1000}
        title="New leads over time"
        data={t?.series}
        loading={timeline.loading}
        error={timeline.error}
        interval={t?.interval ?? interval}
        series={[{ label: "New leads", value: (r) => r.count }]}
        area
        hrefFor={(r) =>
          t
            ? leadsHref(filters, owners, { created: bucketDays(r.bucket, t.interval, t.period) })
            : undefined
        }
      />
      <FunnelChart
        title="Conversion funnel"
        description={
          c
            ? `${formatNumber(c.cohort)} leads created in the period; ${formatNumber(c.won)} won, ${formatNumber(c.lost)} lost (${rateText(c.overallConversion)} converted). Median time in each stage beside it.`
            : "Leads created in the period that reached each stage"
        }
        data={c?.stages}
        loading={conversion.loading}
        error={conversion.error}
      />
      <Histogram
        title="Score distribution"
        description={
          score.data
            ? `Average ${score.data.averageScore == null ? "—" : formatNumber(score.data.averageScore)}, median ${score.data.medianScore == null ? "—" : formatNumber(score.data.medianScore)}`
            : "New leads by lead score"
        }
        data={score.data?.buckets}
        loading={score.loading}
        error={score.error}
        label={(r) => r.bucket}
        value={(r) => r.count}
        categoryLabel="Score"
        valueLabel="Leads"
        colorIndex={5}
        extraColumns={[{ header: "Share", cell: (r) => rateText(r.share), numeric: true }]}
      />
      <StackedBarChart
        className="lg:col-span-2"
        width={1000}
        title="Lead quality by source"
        description="New leads per source split by score band; average score and win rate in the table"
        data={quality.data?.rows}
        loading={quality.loading}
        error={quality.error}
        category={(r) => r.label}
        categoryLabel="Source"
        stacks={["low", "medium", "high"].map((band, i) => ({
          label: ["Low score (0–39)", "Medium score (40–69)", "High score (70+)"][i]!,
          value: (r: NonNullable<LeadQuality>["rows"][number]) =>
            r.scoreBands.find((b) => b.value === band)?.count ?? 0,
        }))}
        extraColumns={[
          {
            header: "Average score",
            cell: (r) => (r.averageScore == null ? "—" : formatNumber(r.averageScore)),
            numeric: true,
          },
          { header: "Won", cell: (r) => rateText(r.wonRate), numeric: true },
        ]}
        hrefFor={(r) => {
          const period = created(quality.data?.period);
          return r.value && period
            ? leadsHref(filters, owners, { source: r.value, created: period })
            : undefined;
        }}
      />
    </div>
  );
}
