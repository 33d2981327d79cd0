import { z } from "zod";

/**
 * Shapes shared by every analytics response (see the analytics contract): the period, money beside
 * its other currencies, and labelled breakdown rows the UI can both show and drill down on.
 */
export const analyticsPeriodSchema = z
  .object({
    from: z.iso.datetime().meta({ description: "Start, inclusive (00:00 UTC)" }),
    to: z.iso.datetime().meta({ description: "End, exclusive (00:00 UTC of the day after)" }),
    previousFrom: z.iso.datetime().optional(),
    previousTo: z.iso.datetime().optional(),
  })
  .meta({ id: "AnalyticsPeriod" });
export type AnalyticsPeriodDto = z.infer<typeof analyticsPeriodSchema>;

export const currencyAmountSchema = z
  .object({ currency: z.string(), amount: z.number() })
  .meta({ id: "CurrencyAmount" });

export const byCurrencySchema = z.array(currencyAmountSchema).meta({
  description:
    "Amounts of deals in currencies other than the organization's, never converted (empty when there are none)",
});

export const rateSchema = z
  .number()
  .nullable()
  .meta({ description: "A ratio 0..1; null when its denominator is 0" });

export const scoreBucketSchema = z
  .object({
    bucket: z.string().meta({ description: 'e.g. "0-9"' }),
    min: z.number().int(),
    max: z.number().int(),
    count: z.number().int(),
    share: rateSchema,
  })
  .meta({ id: "ScoreBucket" });

/** One stage of the ordered open → won pipeline (reached it or a later stage, stage-to-stage conversion). */
export const funnelStageSchema = z
  .object({
    value: z.string().meta({ description: "Status slug" }),
    label: z.string(),
    category: z.enum(["open", "won"]),
    entered: z
      .number()
      .int()
      .meta({ description: "Leads of the cohort that reached this stage or a later one" }),
    conversionFromPrevious: rateSchema.meta({
      description: "entered ÷ entered of the previous stage (null for the first stage)",
    }),
    conversionFromFirst: rateSchema,
    medianSecondsInStage: z.number().nullable().meta({
      description:
        "Median seconds between entering this status and the next status change (leads that left it); null when none left",
    }),
  })
  .meta({ id: "FunnelStage" });

export function periodDto(p: {
  from: Date;
  to: Date;
  previousFrom?: Date;
  previousTo?: Date;
}): AnalyticsPeriodDto {
  return {
    from: p.from.toISOString(),
    to: p.to.toISOString(),
    ...(p.previousFrom ? { previousFrom: p.previousFrom.toISOString() } : {}),
    ...(p.previousTo ? { previousTo: p.previousTo.toISOString() } : {}),
  };
}
