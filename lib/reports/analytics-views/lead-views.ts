import { getKpis } from "@/lib/analytics/kpis";
import { getLeadSources, getLeadStatus, getLeadTimeline } from "@/lib/analytics/lead-breakdowns";
import { analyticsView } from "./view-table";

/** GET /analytics/kpis: one line per KPI; units differ per line, so the unit is a column. */
export const kpisView = analyticsView("Key performance indicators", getKpis, (r) => ({
  period: r.period,
  currency: r.currency,
  columns: [
    { key: "label", label: "Indicator", kind: "string" },
    { key: "unit", label: "Unit", kind: "string" },
    { key: "value", label: "Value" },
    { key: "previous", label: "Previous period" },
    { key: "change", label: "Change", kind: "ratio" },
    { key: "byCurrency", label: "Other currencies", kind: "string" },
  ],
  rows: r.kpis,
  note: "Ratios 0..1, money in the organization currency, speed to lead in seconds.",
}));

/** GET /analytics/leads/sources */
export const sourcesView = analyticsView("Leads by source", getLeadSources, (r) => ({
  period: r.period,
  currency: r.currency,
  columns: [
    { key: "label", label: "Source", kind: "string" },
    { key: "count", label: "Leads", kind: "integer" },
    { key: "share", label: "Share", kind: "ratio" },
    { key: "contacted", label: "Contacted", kind: "integer" },
    { key: "qualified", label: "Qualified", kind: "integer" },
    { key: "won", label: "Won", kind: "integer" },
    { key: "lost", label: "Lost", kind: "integer" },
    { key: "winRate", label: "Win rate (won ÷ won + lost)", kind: "ratio" },
    { key: "conversionRate", label: "Conversion (won ÷ leads)", kind: "ratio" },
    { key: "revenue", label: "Won value", kind: "money" },
    { key: "byCurrency", label: "Other currencies", kind: "string" },
  ],
  rows: r.rows,
  totals: { count: r.total },
}));

/** GET /analytics/leads/status */
export const statusView = analyticsView("Leads by status", getLeadStatus, (r) => ({
  period: r.period,
  columns: [
    { key: "label", label: "Status", kind: "string" },
    { key: "category", label: "Category", kind: "string" },
    { key: "count", label: "Leads now", kind: "integer" },
    { key: "share", label: "Share", kind: "ratio" },
    { key: "entered", label: "Entered in the period", kind: "integer" },
  ],
  rows: r.rows,
  totals: { count: r.total },
}));

/** GET /analytics/leads/timeline (not split by source) */
export const timelineView = analyticsView(
  "New leads over time",
  (ctx, query, now) => getLeadTimeline(ctx, { ...query, bySource: false }, now),
  (r) => ({
    period: r.period,
    columns: [
      { key: "bucket", label: `Period (${r.interval})`, kind: "date" },
      { key: "count", label: "New leads", kind: "integer" },
    ],
    rows: r.series,
    totals: { count: r.total },
  }),
);
