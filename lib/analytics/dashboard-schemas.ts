import { z } from "zod";
import { analyticsFilterShape } from "./analytics-filters";
import {
  analyticsPeriodSchema,
  byCurrencySchema,
  funnelStageSchema,
  rateSchema,
  scoreBucketSchema,
} from "./analytics-schemas";

export const KPI_KEYS = [
  "new_leads",
  "contacted",
  "reply_rate",
  "qualified",
  "won",
  "revenue",
  "pipeline_value",
  "avg_deal_value",
  "win_rate",
  "speed_to_lead",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export const kpiSchema = z
  .object({
    key: z.enum(KPI_KEYS),
    label: z.string(),
    unit: z.enum(["count", "ratio", "money", "seconds"]),
    value: z.number().nullable(),
    previous: z
      .number()
      .nullable()
      .meta({ description: "The same measure over the previous period (null: not applicable)" }),
    change: z.number().nullable().meta({
      description:
        "(value − previous) ÷ previous; 0 when both are 0; null when previous is 0 or null",
    }),
    byCurrency: byCurrencySchema.optional(),
  })
  .meta({ id: "Kpi" });
export type Kpi = z.infer<typeof kpiSchema>;

export const kpisResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    kpis: z.array(kpiSchema),
  })
  .meta({ id: "AnalyticsKpis" });

export const dashboardResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    interval: z.enum(["day", "week", "month"]),
    kpis: z.array(kpiSchema),
    funnel: z.array(funnelStageSchema),
    sources: z
      .array(
        z.object({
          value: z.string().nullable().meta({ description: "Source slug; null: no source" }),
          label: z.string(),
          count: z.number().int(),
          won: z.number().int(),
        }),
      )
      .meta({ description: "Leads created in the period per source, top 8 by count" }),
    pipeline: z
      .array(
        z.object({
          value: z.string(),
          label: z.string(),
          count: z.number().int(),
          amount: z.number(),
          byCurrency: byCurrencySchema,
        }),
      )
      .meta({ description: "Open leads now per open status, with their deal value" }),
    series: z.array(
      z.object({
        bucket: z.string(),
        leadsCreated: z.number().int(),
        contacted: z.number().int(),
        replied: z.number().int(),
        replyRate: rateSchema,
      }),
    ),
    scoreDistribution: z.array(scoreBucketSchema),
  })
  .meta({ id: "AnalyticsDashboard" });

export const RECENT_ACTIVITY_KINDS = [
  "lead_created",
  "status_changed",
  "won",
  "reply_received",
  "call_logged",
  "campaign_launched",
] as const;

export const recentActivityQuery = z
  .strictObject({
    ...analyticsFilterShape,
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional().meta({ description: "nextCursor of the previous page" }),
  })
  .meta({ id: "RecentActivityQuery" });
export type RecentActivityQuery = z.infer<typeof recentActivityQuery>;

export const recentActivityItemSchema = z
  .object({
    id: z.string().meta({ description: "Stable id of the item (kind and source row)" }),
    kind: z.enum(RECENT_ACTIVITY_KINDS),
    occurredAt: z.iso.datetime(),
    leadId: z.uuid().nullable(),
    leadName: z.string().nullable(),
    campaignId: z.uuid().nullable(),
    campaignName: z.string().nullable(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    detail: z.string().nullable().meta({ description: "Call outcome, reply preview, …" }),
  })
  .meta({ id: "RecentActivityItem" });

export const recentActivityResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    data: z.array(recentActivityItemSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "RecentActivity" });
