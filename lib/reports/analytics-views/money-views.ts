import { loadAnalyticsContext } from "@/lib/analytics/analytics-context";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { pipelineByStage } from "@/lib/analytics/dashboard";
import { getRevenue } from "@/lib/analytics/revenue";
import { analyticsView, currencyText } from "./view-table";

/** GET /analytics/revenue: won revenue per bucket, with the period's totals. */
export const revenueView = analyticsView("Won revenue", getRevenue, (r) => ({
  period: r.period,
  currency: r.currency,
  columns: [
    { key: "bucket", label: `Period (${r.interval})`, kind: "date" },
    { key: "count", label: "Won deals", kind: "integer" },
    { key: "amount", label: "Revenue", kind: "money" },
  ],
  rows: r.series,
  totals: { count: r.wonCount, amount: r.total },
  note: [
    `Average deal ${r.averageDealValue ?? "–"}; previous period ${r.previousTotal}`,
    r.change === null ? "" : `; change ${(r.change * 100).toFixed(1)}%`,
    r.byCurrency.length ? `. Other currencies, not converted: ${currencyText(r.byCurrency)}` : "",
    ".",
  ].join(""),
}));

/** The dashboard's pipeline by stage: open leads now per open status and their deal value. */
export const pipelineView = analyticsView(
  "Open pipeline by stage",
  async (ctx, query, now) => {
    const ac = await loadAnalyticsContext(ctx, query, now);
    return {
      period: periodDto(ac.scope.period),
      currency: ac.currency,
      stages: await pipelineByStage(ctx, ac),
    };
  },
  (r) => ({
    period: r.period,
    currency: r.currency,
    columns: [
      { key: "label", label: "Stage", kind: "string" },
      { key: "count", label: "Open leads", kind: "integer" },
      { key: "amount", label: "Deal value", kind: "money" },
      { key: "byCurrency", label: "Other currencies", kind: "string" },
    ],
    rows: r.stages,
    note: "Leads open now (the period does not apply); deals in other currencies not converted.",
  }),
);
