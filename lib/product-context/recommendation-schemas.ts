import { z } from "zod";

export const RECOMMENDATION_DIMENSIONS = ["industry", "source", "title", "company_size"] as const;
export type RecommendationDimension = (typeof RECOMMENDATION_DIMENSIONS)[number];

export const segmentStatsSchema = z
  .object({
    dimension: z.enum(RECOMMENDATION_DIMENSIONS),
    value: z.string(),
    label: z.string(),
    total: z.number().int(),
    won: z.number().int(),
    lost: z.number().int(),
    winRate: z
      .number()
      .nullable()
      .meta({ description: "won ÷ (won + lost); null before any lead is decided" }),
    targeted: z.boolean().nullable().meta({
      description: "industry: whether it is a target industry; null for other dimensions",
    }),
  })
  .meta({ id: "SegmentStats" });
export type SegmentStats = z.infer<typeof segmentStatsSchema>;

export const RECOMMENDATION_KINDS = [
  "winning_non_target",
  "strong_segment",
  "target_without_wins",
  "weak_segment",
] as const;

export const recommendationSchema = z
  .object({
    kind: z.enum(RECOMMENDATION_KINDS),
    dimension: z.enum(RECOMMENDATION_DIMENSIONS),
    value: z.string(),
    label: z.string(),
    message: z.string(),
    evidence: z.object({
      total: z.number().int(),
      won: z.number().int(),
      lost: z.number().int(),
      winRate: z.number().nullable(),
      overallWinRate: z.number().nullable(),
    }),
  })
  .meta({ id: "TargetingRecommendation" });
export type Recommendation = z.infer<typeof recommendationSchema>;

export const recommendationsQuery = z
  .strictObject({
    narrative: z
      .enum(["true", "false"])
      .optional()
      .meta({ description: "true: let the organization's model write the summary (costs tokens)" }),
  })
  .meta({ id: "ProductContextRecommendationsQuery" });

export const recommendationsSchema = z
  .object({
    overall: z.object({
      total: z.number().int(),
      won: z.number().int(),
      lost: z.number().int(),
      winRate: z.number().nullable(),
    }),
    targetIndustries: z.array(z.string()),
    recommendations: z.array(recommendationSchema),
    segments: z.array(segmentStatsSchema),
    narrative: z.string().meta({ description: "A summary; the numbers always come from the data" }),
    mode: z.enum(["llm", "offline"]).meta({ description: "Who wrote the narrative" }),
  })
  .meta({ id: "ProductContextRecommendations" });
export type Recommendations = z.infer<typeof recommendationsSchema>;
