/**
 * What the report builder may ask for: datasets, their dimensions, metrics and filterable fields.
 * Plain data (no SQL) so the builder form can list it; lib/reports/report-sql.ts holds the SQL of
 * every key listed here and nothing else, so a definition can only ever name these.
 */

export const REPORT_DATASETS = ["leads", "deals", "messages", "activities"] as const;
export type ReportDataset = (typeof REPORT_DATASETS)[number];

/** How a value is shown and exported: money in the organization currency, rates 0..1. */
export const REPORT_VALUE_TYPES = [
  "string",
  "date",
  "integer",
  "number",
  "money",
  "ratio",
  "duration",
] as const;
export type ReportValueType = (typeof REPORT_VALUE_TYPES)[number];

export interface CatalogDimension {
  label: string;
  /** date: a day/week/month bucket "YYYY-MM-DD"; string: a category (filterable). */
  type: "string" | "date";
}

export interface CatalogMetric {
  label: string;
  type: Exclude<ReportValueType, "string" | "date">;
}

export interface CatalogDataset {
  label: string;
  description: string;
  /** Which date the report's period applies to. */
  periodField: string;
  dimensions: Record<string, CatalogDimension>;
  metrics: Record<string, CatalogMetric>;
}

const periodDims = (prefix: string, what: string) =>
  ({
    [`${prefix}_day`]: { label: `${what} (day)`, type: "date" },
    [`${prefix}_week`]: { label: `${what} (week)`, type: "date" },
    [`${prefix}_month`]: { label: `${what} (month)`, type: "date" },
  }) as Record<string, CatalogDimension>;

export const REPORT_CATALOG = {
  leads: {
    label: "Leads",
    description: "Leads created in the period",
    periodField: "created",
    dimensions: {
      status: { label: "Status", type: "string" },
      status_category: { label: "Status category", type: "string" },
      source: { label: "Source", type: "string" },
      industry: { label: "Industry", type: "string" },
      owner: { label: "Owner", type: "string" },
      temperature: { label: "Temperature", type: "string" },
      country: { label: "Country", type: "string" },
      ...periodDims("created", "Created"),
    },
    metrics: {
      count: { label: "Leads", type: "integer" },
      won: { label: "Won", type: "integer" },
      win_rate: { label: "Won share (won ÷ leads)", type: "ratio" },
      avg_score: { label: "Average score", type: "number" },
      contacted: { label: "Contacted", type: "integer" },
    },
  },
  deals: {
    label: "Deals",
    description:
      "Leads with a deal value whose deal date (won or lost date, else created date) is in the period",
    periodField: "deal date",
    dimensions: {
      status: { label: "Status", type: "string" },
      status_category: { label: "Status category", type: "string" },
      owner: { label: "Owner", type: "string" },
      source: { label: "Source", type: "string" },
      currency: { label: "Currency", type: "string" },
      won_month: { label: "Won (month)", type: "date" },
      expected_close_month: { label: "Expected close (month)", type: "date" },
      created_month: { label: "Created (month)", type: "date" },
    },
    metrics: {
      count: { label: "Deals", type: "integer" },
      won: { label: "Won deals", type: "integer" },
      win_rate: { label: "Win rate (won ÷ closed)", type: "ratio" },
      sum_value: { label: "Total value", type: "money" },
      avg_value: { label: "Average value", type: "money" },
      median_value: { label: "Median value", type: "money" },
      won_value: { label: "Won value", type: "money" },
    },
  },
  messages: {
    label: "Messages",
    description: "Messages sent to and received from leads in the period, every channel",
    periodField: "sent or received",
    dimensions: {
      direction: { label: "Direction", type: "string" },
      channel: { label: "Channel", type: "string" },
      campaign: { label: "Campaign", type: "string" },
      step: { label: "Campaign step", type: "string" },
      author: { label: "Author", type: "string" },
      owner: { label: "Lead owner", type: "string" },
      ...periodDims("sent", "Sent"),
    },
    metrics: {
      count: { label: "Messages", type: "integer" },
      distinct_leads: { label: "Leads", type: "integer" },
      outbound: { label: "Sent", type: "integer" },
      inbound: { label: "Received", type: "integer" },
      replies: { label: "Human replies", type: "integer" },
      reply_rate: { label: "Reply rate (leads replying ÷ leads written to)", type: "ratio" },
    },
  },
  activities: {
    label: "Activities",
    description:
      "What members did in the period: logins, calls, emails, follow-ups, meetings, notes",
    periodField: "occurred",
    dimensions: {
      kind: { label: "Kind", type: "string" },
      member: { label: "Member", type: "string" },
      outcome: { label: "Outcome", type: "string" },
      ...periodDims("occurred", "Day"),
    },
    metrics: {
      count: { label: "Activities", type: "integer" },
      distinct_leads: { label: "Leads", type: "integer" },
      members: { label: "Members", type: "integer" },
      total_duration: { label: "Total duration", type: "duration" },
      avg_duration: { label: "Average duration", type: "duration" },
    },
  },
} as const satisfies Record<ReportDataset, CatalogDataset>;

export type DimensionKey<D extends ReportDataset> = keyof (typeof REPORT_CATALOG)[D]["dimensions"] &
  string;
export type MetricKey<D extends ReportDataset> = keyof (typeof REPORT_CATALOG)[D]["metrics"] &
  string;

export function datasetCatalog(dataset: ReportDataset): CatalogDataset {
  return REPORT_CATALOG[dataset];
}

/** Filters name a category dimension of the dataset (time buckets are filtered by the period). */
export function isFilterable(dataset: ReportDataset, field: string): boolean {
  const dim = (datasetCatalog(dataset).dimensions as Record<string, CatalogDimension>)[field];
  return dim?.type === "string";
}
