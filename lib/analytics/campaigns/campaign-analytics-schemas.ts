import { z } from "zod";
import { CAMPAIGN_STATUSES } from "@/db/schema";
import { analyticsFilterShape } from "@/lib/analytics/analytics-filters";
import {
  analyticsPeriodSchema,
  byCurrencySchema,
  rateSchema,
} from "@/lib/analytics/analytics-schemas";

const count = (description: string) => z.number().int().meta({ description });

/**
 * Message counts as the campaign stats define them (lib/campaigns/campaign-stats.ts): messages
 * sent in the period by leads in scope, each outcome counted once per message whenever it
 * happened; opens are human opens only.
 */
const messageCountsShape = {
  recipients: count(
    "Leads in scope whose first message of the campaign was sent (or attempted) in the period: " +
      "new recipients, so consecutive periods add up (a lead first mailed earlier and mailed " +
      "again now counts in the earlier period)",
  ),
  sent: count("Messages that left through a transport in the period"),
  delivered: count("Of those, confirmed delivered by the provider"),
  opened: count("Of those, opened at least once by a human (bot and prefetch opens not counted)"),
  clicked: count("Of those, with at least one human click"),
  replied: count("Of those, replied to"),
  bounced: count("Of those, bounced"),
  unsubscribed: count("Of those, whose recipient unsubscribed or complained from them"),
};

const messageRatesShape = {
  deliveryRate: rateSchema.meta({ description: "delivered / sent" }),
  openRate: rateSchema.meta({ description: "opened / (sent − bounced)" }),
  clickRate: rateSchema.meta({ description: "clicked / (sent − bounced)" }),
  replyRate: rateSchema.meta({ description: "replied / (sent − bounced)" }),
  bounceRate: rateSchema.meta({ description: "bounced / sent" }),
  unsubscribeRate: rateSchema.meta({ description: "unsubscribed / (sent − bounced)" }),
};

export const campaignAnalyticsMetricsShape = {
  ...messageCountsShape,
  ...messageRatesShape,
  meetings: count(
    "Recipients (leads the campaign mailed) whose first meeting logged after they were added " +
      "(a meeting, or a call booking one) falls in the period",
  ),
  won: count(
    "Recipients (leads the campaign mailed) won in the period, at or after being added to the campaign",
  ),
  winRate: rateSchema.meta({ description: "won / recipients (both of the period)" }),
  cost: z.number().nullable().meta({
    description: "The campaign's cost in the organization currency (null when none is recorded)",
  }),
  costByCurrency: byCurrencySchema.meta({
    description: "A cost recorded in another currency (not converted, not in ROI)",
  }),
  revenue: z.number().meta({
    description: "Deal value of the recipients won in the period, in the organization currency",
  }),
  revenueByCurrency: byCurrencySchema,
  roi: rateSchema.meta({
    description: "(revenue − cost) / cost, both in the organization currency; null without a cost",
  }),
};

export const campaignAnalyticsRowSchema = z
  .object({
    campaignId: z.uuid(),
    name: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    ownerId: z.uuid().nullable(),
    launchedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    ...campaignAnalyticsMetricsShape,
  })
  .meta({ id: "CampaignAnalyticsRow" });
export type CampaignAnalyticsRow = z.infer<typeof campaignAnalyticsRowSchema>;

export const campaignAnalyticsTotalsSchema = z.object(campaignAnalyticsMetricsShape).meta({
  id: "CampaignAnalyticsTotals",
  description: "Every listed campaign together; recipients counted once per campaign",
});

export const campaignAnalyticsSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    totals: campaignAnalyticsTotalsSchema,
    campaigns: z.array(campaignAnalyticsRowSchema),
  })
  .meta({
    id: "CampaignAnalytics",
    description:
      "Campaigns running in the period (launched before its end, not finished before its start) or with mail sent in it",
  });
export type CampaignAnalytics = z.infer<typeof campaignAnalyticsSchema>;

const COMPARED_RATES = [
  "deliveryRate",
  "openRate",
  "clickRate",
  "replyRate",
  "bounceRate",
  "unsubscribeRate",
  "winRate",
  "roi",
] as const;
export type ComparedRate = (typeof COMPARED_RATES)[number];
export const LOWER_IS_BETTER: readonly ComparedRate[] = ["bounceRate", "unsubscribeRate"];
export { COMPARED_RATES };

const uuidList = z
  .string()
  .max(400)
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.uuid()).min(2).max(10));

export const campaignComparisonQuery = z
  .strictObject({
    ...analyticsFilterShape,
    ids: uuidList.meta({ description: "2–10 campaign ids, comma-separated" }),
  })
  .meta({ id: "CampaignComparisonQuery" });
export type CampaignComparisonQuery = z.infer<typeof campaignComparisonQuery>;

export const campaignComparisonSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    campaigns: z.array(campaignAnalyticsRowSchema).meta({ description: "In the order asked" }),
    best: z
      .object(
        Object.fromEntries(
          COMPARED_RATES.map((r) => [
            r,
            z
              .uuid()
              .nullable()
              .meta({
                description: LOWER_IS_BETTER.includes(r)
                  ? "The campaign with the lowest rate (null when no rate, or a tie)"
                  : "The campaign with the highest rate (null when no rate, or a tie)",
              }),
          ]),
        ) as Record<ComparedRate, z.ZodNullable<z.ZodUUID>>,
      )
      .meta({ id: "CampaignComparisonBest" }),
  })
  .meta({ id: "CampaignComparison" });
export type CampaignComparison = z.infer<typeof campaignComparisonSchema>;

/** Seed 001's GET /campaigns/analytics: the organization's campaign totals and each campaign. */
export const campaignsAnalyticsSummarySchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    campaignCount: count("Campaigns listed"),
    activeCampaigns: count("Of those, currently active"),
    totals: campaignAnalyticsTotalsSchema,
    campaigns: z.array(campaignAnalyticsRowSchema),
  })
  .meta({ id: "CampaignsAnalyticsSummary" });
export type CampaignsAnalyticsSummary = z.infer<typeof campaignsAnalyticsSummarySchema>;

const performanceShape = {
  sent: count("Messages sent"),
  opened: count("Of those, opened by a human"),
  clicked: count("Of those, clicked"),
  replied: count("Of those, replied to"),
  bounced: count("Of those, bounced"),
  openRate: rateSchema.meta({ description: "opened / (sent − bounced)" }),
  clickRate: rateSchema.meta({ description: "clicked / (sent − bounced)" }),
  replyRate: rateSchema.meta({ description: "replied / (sent − bounced)" }),
};

export const emailPerformanceQuery = z
  .strictObject({
    ...analyticsFilterShape,
    timezone: z
      .string()
      .max(64)
      .refine(
        (tz) => {
          try {
            new Intl.DateTimeFormat("en-US", { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        },
        { message: "Not an IANA time zone" },
      )
      .default("UTC")
      .meta({ description: "IANA zone the weekday × hour grid is in (default UTC)" }),
  })
  .meta({ id: "EmailPerformanceQuery" });
export type EmailPerformanceQuery = z.infer<typeof emailPerformanceQuery>;

export const emailPerformanceSchema = z
  .object({
    period: analyticsPeriodSchema,
    timezone: z.string(),
    totals: z.object(performanceShape).meta({ id: "EmailPerformanceTotals" }),
    byStep: z.array(
      z
        .object({
          value: z.number().int().meta({ description: "0-based step index" }),
          label: z.string(),
          ...performanceShape,
        })
        .meta({ id: "EmailPerformanceStep" }),
    ),
    byVariant: z.array(
      z
        .object({
          campaignId: z.uuid(),
          campaignName: z.string(),
          stepIndex: z.number().int(),
          value: z.string().meta({ description: "Variant id" }),
          label: z.string(),
          ...performanceShape,
        })
        .meta({ id: "EmailPerformanceVariant" }),
    ),
    bySendTime: z
      .array(
        z
          .object({
            weekday: z
              .number()
              .int()
              .min(1)
              .max(7)
              .meta({ description: "ISO: 1 Monday … 7 Sunday" }),
            hour: z.number().int().min(0).max(23),
            ...performanceShape,
          })
          .meta({ id: "EmailPerformanceSlot" }),
      )
      .meta({
        description:
          "All 168 weekday × hour cells of sending, in `timezone`. Mail is counted per UTC hour " +
          "and placed at the local time that hour starts: exact in zones offset by whole hours; " +
          "in half-hour zones (e.g. Asia/Kolkata) an hour's mail lands in the local hour its " +
          "first minute falls in",
      }),
  })
  .meta({ id: "EmailPerformance" });
export type EmailPerformance = z.infer<typeof emailPerformanceSchema>;

export const AB_METRICS = ["reply", "open", "click"] as const;

export const abTestsQuery = z
  .strictObject({
    ...analyticsFilterShape,
    metric: z.enum(AB_METRICS).default("reply").meta({ description: "What a success is" }),
    minSample: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(30)
      .meta({ description: "Reached messages each variant needs before a winner is named" }),
  })
  .meta({ id: "AbTestsQuery" });
export type AbTestsQuery = z.infer<typeof abTestsQuery>;

const intervalSchema = z
  .object({ low: z.number(), high: z.number() })
  .nullable()
  .meta({ id: "ConfidenceInterval", description: "95% Wilson interval; null without messages" });

export const abVariantResultSchema = z
  .object({
    value: z.string().meta({ description: "Variant id" }),
    label: z.string(),
    sent: count("Messages sent"),
    reached: count("sent − bounced: the sample size"),
    successes: count("Reached messages with the chosen outcome"),
    opened: count("Reached messages opened by a human"),
    clicked: count("Reached messages clicked"),
    replied: count("Reached messages replied to"),
    rate: rateSchema.meta({ description: "successes / reached" }),
    confidenceInterval: intervalSchema,
    vsBest: z
      .object({
        z: z.number().nullable(),
        pValue: z.number().nullable(),
        significant: z.boolean(),
      })
      .nullable()
      .meta({
        description:
          "Two-proportion z-test (pooled, two-sided) against the best variant; null for the best itself",
      }),
  })
  .meta({ id: "AbVariantResult" });

export const abTestSchema = z
  .object({
    campaignId: z.uuid(),
    campaignName: z.string(),
    stepIndex: z.number().int(),
    stepId: z.string(),
    metric: z.enum(AB_METRICS),
    variants: z.array(abVariantResultSchema),
    best: z.string().nullable().meta({ description: "Variant with the highest rate" }),
    winner: z.string().nullable().meta({
      description:
        "The best variant only when it beats every other at p < 0.05 and each has the minimum sample",
    }),
    significant: z.boolean(),
    pValue: z.number().nullable().meta({
      description:
        "The largest p-value of the best against the others (what decides `significant`)",
    }),
    minSample: z.number().int(),
  })
  .meta({ id: "AbTest" });
export type AbTest = z.infer<typeof abTestSchema>;

export const abTestsSchema = z
  .object({ period: analyticsPeriodSchema, tests: z.array(abTestSchema) })
  .meta({ id: "AbTests" });
export type AbTests = z.infer<typeof abTestsSchema>;
