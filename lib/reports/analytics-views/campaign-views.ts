import { getCampaignAnalytics } from "@/lib/analytics/campaigns/campaign-analytics";
import { getEmailPerformance } from "@/lib/analytics/campaigns/email-performance";
import { analyticsView, type ViewColumn } from "./view-table";

const rates = [
  { key: "openRate", label: "Open rate", kind: "ratio" },
  { key: "clickRate", label: "Click rate", kind: "ratio" },
  { key: "replyRate", label: "Reply rate", kind: "ratio" },
] as const;

/** GET /analytics/campaigns: every campaign of the period and the totals. */
export const campaignsView = analyticsView("Campaigns", getCampaignAnalytics, (r) => ({
  period: r.period,
  currency: r.currency,
  columns: [
    { key: "name", label: "Campaign", kind: "string" },
    { key: "status", label: "Status", kind: "string" },
    { key: "launchedAt", label: "Launched", kind: "date" },
    { key: "recipients", label: "Recipients", kind: "integer" },
    { key: "sent", label: "Sent", kind: "integer" },
    { key: "delivered", label: "Delivered", kind: "integer" },
    { key: "opened", label: "Opened", kind: "integer" },
    { key: "clicked", label: "Clicked", kind: "integer" },
    { key: "replied", label: "Replied", kind: "integer" },
    { key: "bounced", label: "Bounced", kind: "integer" },
    { key: "unsubscribed", label: "Unsubscribed", kind: "integer" },
    { key: "deliveryRate", label: "Delivery rate", kind: "ratio" },
    ...rates,
    { key: "bounceRate", label: "Bounce rate", kind: "ratio" },
    { key: "unsubscribeRate", label: "Unsubscribe rate", kind: "ratio" },
    { key: "meetings", label: "Meetings", kind: "integer" },
    { key: "won", label: "Won", kind: "integer" },
    { key: "winRate", label: "Win rate", kind: "ratio" },
    { key: "cost", label: "Cost", kind: "money" },
    { key: "revenue", label: "Revenue", kind: "money" },
    { key: "roi", label: "ROI", kind: "ratio" },
  ] satisfies ViewColumn<(typeof r.campaigns)[number]>[],
  rows: r.campaigns,
  totals: r.totals,
}));

/** GET /analytics/email-performance: campaign mail by step, with the totals. */
export const emailPerformanceView = analyticsView(
  "Email performance by step",
  (ctx, query, now) => getEmailPerformance(ctx, { ...query, timezone: "UTC" }, now),
  (r) => ({
    period: r.period,
    columns: [
      { key: "label", label: "Step", kind: "string" },
      { key: "sent", label: "Sent", kind: "integer" },
      { key: "opened", label: "Opened", kind: "integer" },
      { key: "clicked", label: "Clicked", kind: "integer" },
      { key: "replied", label: "Replied", kind: "integer" },
      { key: "bounced", label: "Bounced", kind: "integer" },
      ...rates,
    ] satisfies ViewColumn<(typeof r.byStep)[number]>[],
    rows: r.byStep,
    totals: r.totals,
  }),
);
