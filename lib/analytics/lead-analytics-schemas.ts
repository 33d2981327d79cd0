import { z } from "zod";
import { analyticsFilterShape } from "./analytics-filters";
import {
  analyticsPeriodSchema,
  byCurrencySchema,
  funnelStageSchema,
  rateSchema,
} from "./analytics-schemas";

export const leadSourcesResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    total: z.number().int().meta({ description: "Leads created in the period" }),
    rows: z.array(
      z.object({
        value: z.string().nullable().meta({ description: "Source slug; null: no source" }),
        label: z.string(),
        count: z.number().int(),
        share: rateSchema,
        contacted: z.number().int(),
        qualified: z.number().int(),
        won: z.number().int(),
        lost: z.number().int(),
        winRate: rateSchema.meta({ description: "won ÷ (won + lost) among these leads" }),
        conversionRate: rateSchema.meta({ description: "won ÷ count" }),
        revenue: z.number(),
        byCurrency: byCurrencySchema,
      }),
    ),
  })
  .meta({ id: "LeadSourceAnalytics" });

export const leadStatusResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    total: z.number().int(),
    rows: z.array(
      z.object({
        value: z.string(),
        label: z.string(),
        category: z.enum(["open", "won", "lost"]).nullable(),
        count: z
          .number()
          .int()
          .meta({ description: "Leads created in the period that are in this status now" }),
        share: rateSchema,
        entered: z
          .number()
          .int()
          .meta({ description: "Changes into this status during the period (any lead)" }),
      }),
    ),
  })
  .meta({ id: "LeadStatusAnalytics" });

export const leadTimelineQuery = z
  .strictObject({
    ...analyticsFilterShape,
    bySource: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true")
      .meta({ description: "Split each bucket by source" }),
  })
  .meta({ id: "LeadTimelineQuery" });
export type LeadTimelineQuery = z.infer<typeof leadTimelineQuery>;

export const leadTimelineResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    interval: z.enum(["day", "week", "month"]),
    total: z.number().int(),
    series: z.array(
      z.object({
        bucket: z.string(),
        count: z.number().int(),
        sources: z
          .array(
            z.object({ value: z.string().nullable(), label: z.string(), count: z.number().int() }),
          )
          .optional(),
      }),
    ),
  })
  .meta({ id: "LeadTimeline" });

export const conversionResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    cohort: z.number().int().meta({ description: "Leads created in the period" }),
    stages: z.array(funnelStageSchema),
    won: z.number().int(),
    lost: z.number().int(),
    overallConversion: rateSchema.meta({ description: "Won ÷ cohort" }),
  })
  .meta({ id: "LeadConversion" });
