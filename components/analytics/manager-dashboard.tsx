"use client";

import { BarChart } from "@/components/charts/bar-chart";
import { currencyFormat, formatNumber, formatPercent } from "@/components/charts/format";
import { FunnelChart } from "@/components/charts/funnel-chart";
import { Histogram } from "@/components/charts/histogram";
import { KpiCard } from "@/components/charts/kpi-card";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Alert } from "@/components/ui/alert";
import { bucketDays, leadsHref, periodDays } from "./analytics-params";
import type { CampaignAnalytics, Dashboard, SalespersonReport } from "./analytics-types";
import { CampaignTable } from "./campaign-table";
import { rateText, unitFormat } from "./kpi-format";
import { RecentActivityPanel } from "./recent-activity";
import { useAnalytics, useAnalyticsFilters, useScopeOwners } from "./use-analytics";
import { useWonStatuses } from "./use-won-statuses";

const KPI_PLACEHOLDERS = [
  "New leads",
  "Contacted",
  "Reply rate",
  "Qualified",
  "Won",
  "Revenue",
  "Pipeline value",
  "Speed to lead",
];

/** The manager's dashboard: headline numbers, then where leads come from and where they go. */
export function ManagerDashboard() {
  const { filters, interval } = useAnalyticsFilters();
  const owners = useScopeOwners();
  const wonStatuses = useWonStatuses();
  const dash = useAnalytics<Dashboard>("/analytics/dashboard");
  const team = useAnalytics<SalespersonReport>("/reports/salesperson-report");
  const campaigns = useAnalytics<CampaignAnalytics>("/analytics/campaigns");
  const d = dash.data;
  const currency = d?.currency ?? "USD";
  const money = currencyFormat(currency);
  const created = d ? periodDays(d.period) : undefined;
  // Deals all in other currencies leave nothing to chart in the org's: chart the leads instead.
  const pipelineByCount = Boolean(d?.pipeline.length) && d!.pipeline.every((r) => r.amount === 0);

  return (
    <div className="space-y-6" aria-busy={dash.loading || dash.refreshing}>
      {dash.error && <Alert tone="error">Couldn’t load the dashboard: {dash.error}</Alert>}
      <section aria-label="Key numbers" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {d
          ? d.kpis
              .filter((k) => k.key !== "avg_deal_value" && k.key !== "win_rate")
              .map((k) => (
                <KpiCard
                  key={k.key}
                  label={k.label}
                  value={k.value}
                  previous={k.previous}
                  change={k.change}
                  format={unitFormat(k.unit, currency)}
                  lowerIsBetter={k.key === "speed_to_lead"}
                  href={
                    k.key === "new_leads" && created
                      ? leadsHref(filters, owners, { created })
                      : undefined
                  }
                  note={
                    k.byCurrency?.length
                      ? `Also ${k.byCurrency.map((c) => currencyFormat(c.currency)(c.amount)).join(", ")}`
                      : undefined
                  }
                />
              ))
          : KPI_PLACEHOLDERS.map((label) => (
              <KpiCard
                key={label}
                label={label}
                value={null}
                format={formatNumber}
                loading={!dash.error}
              />
            ))}
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <TimeSeriesChart
          title="Reply rate over time"
          description="Replies ÷ leads contacted in each period"
          data={d?.series}
          loading={dash.loading}
          error={dash.error}
          interval={d?.interval ?? interval}
          series={[{ label: "Reply rate", value: (r) => r.replyRate }]}
          format={formatPercent}
          axisFormat={formatPercent}
          area
        />
        <FunnelChart
          title="Conversion funnel"
          description="Leads created in the period that reached each stage — select a stage to see those leads"
          data={d?.funnel}
          loading={dash.loading}
          error={dash.error}
          hrefFor={(r) => {
            // A stage counts the leads that reached it or any later one.
            const at = d ? d.funnel.findIndex((s) => s.value === r.value) : -1;
            return created && at >= 0
              ? leadsHref(filters, owners, {
                  created,
                  reachedStatus: d!.funnel.slice(at).map((s) => s.value),
                })
              : undefined;
          }}
        />
        <BarChart
          title="Lead sources"
          description="New leads by source — select a bar to see those leads"
          data={d?.sources}
          loading={dash.loading}
          error={dash.error}
          label={(r) => r.label}
          value={(r) => r.count}
          categoryLabel="Source"
          valueLabel="Leads"
          hrefFor={(r) =>
            r.value && created
              ? leadsHref(filters, owners, { source: r.value, created })
              : undefined
          }
          extraColumns={[{ header: "Won", cell: (r) => formatNumber(r.won), numeric: true }]}
        />
        <BarChart
          title="Pipeline by stage"
          description={
            pipelineByCount
              ? "Open leads now by status (their deals are in other currencies — see the table)"
              : "Deal value of open leads now, by status"
          }
          data={d?.pipeline}
          loading={dash.loading}
          error={dash.error}
          label={(r) => r.label}
          value={(r) => (pipelineByCount ? r.count : r.amount)}
          format={pipelineByCount ? formatNumber : money}
          categoryLabel="Stage"
          valueLabel={pipelineByCount ? "Open leads" : "Pipeline value"}
          colorIndex={1}
          hrefFor={(r) => leadsHref(filters, owners, { status: r.value })}
          extraColumns={[
            pipelineByCount
              ? { header: `Value (${currency})`, cell: (r) => money(r.amount), numeric: true }
              : { header: "Leads", cell: (r) => formatNumber(r.count), numeric: true },
            {
              header: "Other currencies",
              cell: (r) =>
                r.byCurrency.map((c) => currencyFormat(c.currency)(c.amount)).join(", ") || "—",
              numeric: true,
            },
          ]}
        />
        <BarChart
          title="Team leaderboard"
          description="Deal value won in the period, per salesperson"
          data={team.data?.members.slice().sort((a, b) => b.wonValue - a.wonValue || b.won - a.won)}
          loading={team.loading}
          error={team.error}
          label={(r) => r.name || r.email}
          value={(r) => r.wonValue}
          format={currencyFormat(team.data?.currency ?? currency)}
          categoryLabel="Salesperson"
          valueLabel="Won value"
          colorIndex={4}
          emptyText="No deals won in this period yet."
          hrefFor={(r) => leadsHref(filters, null, { ownerId: r.userId, status: wonStatuses })}
          extraColumns={[
            { header: "Won deals", cell: (r) => formatNumber(r.won), numeric: true },
            { header: "Leads assigned", cell: (r) => formatNumber(r.leadsAssigned), numeric: true },
            { header: "Conversion", cell: (r) => rateText(r.conversionRate), numeric: true },
          ]}
        />
        <Histogram
          title="Score distribution"
          description="New leads by lead score"
          data={d?.scoreDistribution}
          loading={dash.loading}
          error={dash.error}
          label={(r) => r.bucket}
          value={(r) => r.count}
          categoryLabel="Score"
          valueLabel="Leads"
          colorIndex={5}
          extraColumns={[{ header: "Share", cell: (r) => rateText(r.share), numeric: true }]}
        />
      </div>
      <TimeSeriesChart
        width={1000}
        title="Leads and replies over time"
        data={d?.series}
        loading={dash.loading}
        error={dash.error}
        interval={d?.interval ?? interval}
        series={[
          { label: "New leads", value: (r) => r.leadsCreated },
          { label: "Contacted", value: (r) => r.contacted },
          { label: "Replied", value: (r) => r.replied },
        ]}
        hrefFor={(r) =>
          d
            ? leadsHref(filters, owners, { created: bucketDays(r.bucket, d.interval, d.period) })
            : undefined
        }
      />
      <RecentActivityPanel />
      <CampaignTable
        data={campaigns.data}
        loading={campaigns.loading}
        error={campaigns.error}
        limit={10}
      />
    </div>
  );
}
