import { z } from "zod";
import { analyticsFilterShape } from "./analytics-filters";
import { analyticsPeriodSchema, rateSchema, scoreBucketSchema } from "./analytics-schemas";

const countShare = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
  share: rateSchema,
});

export const SCORE_BANDS = [
  { value: "low", label: "Low (0–39)", min: Number.NEGATIVE_INFINITY, max: 39 },
  { value: "medium", label: "Medium (40–69)", min: 40, max: 69 },
  { value: "high", label: "High (70+)", min: 70, max: Number.POSITIVE_INFINITY },
] as const;

export const leadQualityResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    rows: z.array(
      z.object({
        value: z.string().nullable().meta({ description: "Source slug; null: no source" }),
        label: z.string(),
        count: z.number().int(),
        averageScore: z.number().nullable(),
        temperatures: z.array(countShare).meta({ description: "hot, warm, cold" }),
        scoreBands: z
          .array(countShare)
          .meta({ description: "low (< 40), medium (40–69), high (≥ 70)" }),
        won: z.number().int(),
        wonRate: rateSchema.meta({ description: "won ÷ count" }),
      }),
    ),
  })
  .meta({ id: "LeadQualityStats" });

export const leadScoreQuery = z
  .strictObject({
    ...analyticsFilterShape,
    bucketWidth: z.coerce.number().int().min(1).max(100).default(10),
  })
  .meta({ id: "LeadScoreQuery" });
export type LeadScoreQuery = z.infer<typeof leadScoreQuery>;

export const leadScoreResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    bucketWidth: z.number().int(),
    total: z.number().int(),
    averageScore: z.number().nullable(),
    medianScore: z.number().nullable(),
    buckets: z.array(scoreBucketSchema),
  })
  .meta({ id: "LeadScoreStats" });

export const priceTrendsQuery = z
  .strictObject({
    ...analyticsFilterShape,
    location: z.string().max(200).optional(),
    type: z.string().max(100).optional(),
  })
  .meta({ id: "PriceTrendsQuery" });
export type PriceTrendsQuery = z.infer<typeof priceTrendsQuery>;

export const priceTrendsResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    series: z.array(
      z.object({
        bucket: z.string().meta({ description: "Month start YYYY-MM-01" }),
        location: z.string(),
        type: z.string(),
        currency: z.string(),
        count: z.number().int().meta({ description: "Listings listed that month" }),
        medianPrice: z.number().nullable(),
        averagePrice: z.number().nullable(),
        soldCount: z.number().int().meta({ description: "Listings sold that month" }),
        soldMedianPrice: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "PriceTrends" });
