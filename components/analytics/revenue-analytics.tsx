"use client";

import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { currencyFormat, formatNumber, formatPercent } from "@/components/charts/format";
import { KpiCard } from "@/components/charts/kpi-card";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { DataTable } from "@/components/ui/data-table";
import { leadsHref } from "./analytics-params";
import type { Ltv, Revenue, Roi } from "./analytics-types";
import { rateText } from "./kpi-format";
import { useAnalytics, useAnalyticsFilters, useScopeOwners } from "./use-analytics";
import { useWonStatuses } from "./use-won-statuses";

type RoiRow = Roi["campaigns"][number];

const others = (list: { currency: string; amount: number }[] | undefined) =>
  list?.length
    ? `Also ${list.map((c) => currencyFormat(c.currency)(c.amount)).join(", ")} (not converted)`
    : undefined;

/** Revenue: won deal value over time and by owner and source, forecast, ROI and lifetime value. */
export function RevenueAnalytics() {
  const { filters, interval } = useAnalyticsFilters();
  const owners = useScopeOwners();
  const wonStatuses = useWonStatuses();
  const revenue = useAnalytics<Revenue>("/analytics/revenue");
  const roi = useAnalytics<Roi>("/analytics/roi");
  const ltv = useAnalytics<Ltv>("/analytics/ltv");
  const r = revenue.data;
  const money = currencyFormat(r?.currency ?? roi.data?.currency ?? "USD");

  return (
    <div className="space-y-4">
      <section aria-label="Revenue totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <KpiCard
          label="Revenue"
          value={r?.total}
          previous={r?.previousTotal}
          change={r?.change}
          format={money}
          loading={revenue.loading}
          note={others(r?.byCurrency)}
        />
        <KpiCard
          label="Deals won"
          value={r?.wonCount}
          format={formatNumber}
          loading={revenue.loading}
        />
        <KpiCard
          label="Average deal"
          value={r?.averageDealValue}
          format={money}
          loading={revenue.loading}
        />
        <KpiCard
          label="Average lifetime value"
          value={ltv.data?.averageLtv}
          format={money}
          loading={ltv.loading}
        />
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <TimeSeriesChart
          className="lg:col-span-2"
          width={1000}
          title="Revenue over time"
          data={r?.series}
          loading={revenue.loading}
          error={revenue.error}
          interval={r?.interval ?? interval}
          series={[{ label: "Revenue", value: (s) => s.amount }]}
          format={money}
          axisFormat={currencyFormat(r?.currency ?? "USD", true)}
          area
        />
        <BarChart
          title="Forecast"
          description={
            r && r.forecastUndated.count > 0
              ? `Open deals by expected close month; ${formatNumber(r.forecastUndated.count)} more (${money(r.forecastUndated.amount)}) have no date`
              : "Open deals by expected close month"
          }
          data={r?.forecast}
          loading={revenue.loading}
          error={revenue.error}
          orientation="vertical"
          label={(f) =>
            new Intl.DateTimeFormat(undefined, {
              month: "short",
              year: "numeric",
              timeZone: "UTC",
            }).format(new Date(`${f.bucket}T00:00:00Z`))
          }
          value={(f) => f.amount}
          format={money}
          axisFormat={currencyFormat(r?.currency ?? "USD", true)}
          categoryLabel="Expected close"
          valueLabel="Deal value"
          colorIndex={2}
          emptyText="No open deal has an expected close date."
          extraColumns={[{ header: "Deals", cell: (f) => formatNumber(f.count), numeric: true }]}
        />
        <BarChart
          title="Revenue by source"
          data={r?.bySource}
          loading={revenue.loading}
          error={revenue.error}
          label={(s) => s.label}
          value={(s) => s.amount}
          format={money}
          categoryLabel="Source"
          valueLabel="Revenue"
          colorIndex={1}
          hrefFor={(s) =>
            s.value
              ? leadsHref(filters, owners, { source: s.value, status: wonStatuses })
              : undefined
          }
          extraColumns={[{ header: "Deals", cell: (s) => formatNumber(s.count), numeric: true }]}
        />
        <BarChart
          title="Revenue by owner"
          data={r?.byOwner}
          loading={revenue.loading}
          error={revenue.error}
          label={(s) => s.label}
          value={(s) => s.amount}
          format={money}
          categoryLabel="Owner"
          valueLabel="Revenue"
          colorIndex={4}
          hrefFor={(s) =>
            s.value
              ? leadsHref(filters, null, { ownerId: s.value, status: wonStatuses })
              : undefined
          }
          extraColumns={[{ header: "Deals", cell: (s) => formatNumber(s.count), numeric: true }]}
        />
        <BarChart
          title="Lifetime value by source"
          data={ltv.data?.bySource}
          loading={ltv.loading}
          error={ltv.error}
          label={(s) => s.label}
          value={(s) => s.averageLtv ?? 0}
          format={money}
          categoryLabel="Source"
          valueLabel="Average lifetime value"
          colorIndex={5}
          extraColumns={[
            { header: "Customers", cell: (s) => formatNumber(s.customers), numeric: true },
            { header: "Total value", cell: (s) => money(s.totalValue), numeric: true },
          ]}
        />
      </div>
      <section
        aria-labelledby="roi-title"
        className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="roi-title" className="mb-3 text-base font-semibold">
          Campaign ROI
        </h2>
        {roi.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Couldn’t load ROI: {roi.error}
          </p>
        ) : (
          <DataTable<RoiRow>
            caption="Return on investment per campaign"
            loading={roi.loading}
            rows={roi.data?.campaigns}
            rowKey={(c) => c.campaignId}
            empty="No campaign in this period."
            columns={[
              { key: "name", header: "Campaign", cell: (c) => c.name },
              {
                key: "recipients",
                header: "Recipients",
                cell: (c) => formatNumber(c.recipients),
                className: "text-right tabular-nums",
              },
              {
                key: "won",
                header: "Won",
                cell: (c) => formatNumber(c.wonLeads),
                className: "text-right tabular-nums",
              },
              {
                key: "revenue",
                header: "Revenue",
                cell: (c) => money(c.revenue),
                className: "text-right tabular-nums",
              },
              {
                key: "cost",
                header: "Cost",
                cell: (c) =>
                  c.cost == null
                    ? "—"
                    : currencyFormat(c.costCurrency ?? roi.data?.currency ?? "USD")(c.cost),
                className: "text-right tabular-nums",
              },
              {
                key: "roi",
                header: "ROI",
                cell: (c) => (c.roi == null ? "—" : formatPercent(c.roi)),
                className: "text-right tabular-nums",
              },
            ]}
          />
        )}
      </section>
      <section
        aria-labelledby="ltv-title"
        className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="ltv-title" className="mb-3 text-base font-semibold">
          Top customers by lifetime value
        </h2>
        {ltv.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Couldn’t load lifetime value: {ltv.error}
          </p>
        ) : (
          <DataTable<Ltv["rows"][number]>
            caption="Customers by lifetime value"
            loading={ltv.loading}
            rows={ltv.data?.rows.slice(0, 20)}
            rowKey={(c) => c.key}
            empty="No won customers yet."
            columns={[
              {
                key: "name",
                header: "Customer",
                cell: (c) => (
                  <Link
                    href={`/leads/${c.leadId}`}
                    className="font-medium text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {c.label}
                  </Link>
                ),
              },
              {
                key: "deals",
                header: "Won deals",
                cell: (c) => formatNumber(c.wonDeals),
                className: "text-right tabular-nums",
              },
              {
                key: "value",
                header: "Value",
                cell: (c) => money(c.value),
                className: "text-right tabular-nums",
              },
              {
                key: "rate",
                header: "Share of total",
                cell: (c) =>
                  rateText(
                    ltv.data && ltv.data.totalValue > 0 ? c.value / ltv.data.totalValue : null,
                  ),
                className: "text-right tabular-nums",
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
