import { z } from "zod";
import { analyticsPeriodSchema, byCurrencySchema, rateSchema } from "./analytics-schemas";

const moneyRow = z.object({
  value: z.string().nullable(),
  label: z.string(),
  count: z.number().int(),
  amount: z.number(),
  byCurrency: byCurrencySchema,
});

export const revenueResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    interval: z.enum(["day", "week", "month"]),
    total: z.number(),
    byCurrency: byCurrencySchema,
    wonCount: z.number().int(),
    averageDealValue: z.number().nullable(),
    previousTotal: z.number(),
    change: z.number().nullable(),
    series: z.array(z.object({ bucket: z.string(), count: z.number().int(), amount: z.number() })),
    byOwner: z.array(moneyRow).meta({ description: "value: owner user id (null: unassigned)" }),
    bySource: z.array(moneyRow),
    forecast: z
      .array(
        z.object({
          bucket: z.string().meta({ description: "Expected close month YYYY-MM-01" }),
          count: z.number().int(),
          amount: z.number(),
          byCurrency: byCurrencySchema,
        }),
      )
      .meta({ description: "Open deals now with an expected close date, by month" }),
    forecastUndated: z.object({ count: z.number().int(), amount: z.number() }),
  })
  .meta({ id: "RevenueAnalytics" });

export const roiResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    campaigns: z.array(
      z.object({
        campaignId: z.uuid(),
        name: z.string(),
        recipients: z.number().int(),
        wonLeads: z.number().int(),
        revenue: z.number(),
        byCurrency: byCurrencySchema,
        cost: z.number().nullable(),
        costCurrency: z.string().nullable(),
        roi: rateSchema.meta({
          description:
            "(revenue − cost) ÷ cost; null without a cost, a zero cost, or a cost in another currency",
        }),
      }),
    ),
    sources: z.array(
      z.object({
        value: z.string().nullable(),
        label: z.string(),
        wonLeads: z.number().int(),
        revenue: z.number(),
        cost: z.null().meta({ description: "Sources carry no cost yet" }),
        roi: z.null(),
      }),
    ),
  })
  .meta({ id: "RoiAnalytics" });

export const ltvResponseSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    customers: z.number().int(),
    totalValue: z.number(),
    averageLtv: z.number().nullable(),
    rows: z
      .array(
        z.object({
          key: z.string().meta({ description: "Company (lower-cased) or the lead id" }),
          label: z.string(),
          leadId: z.uuid().meta({ description: "The customer's first won lead" }),
          wonDeals: z.number().int(),
          value: z.number(),
          byCurrency: byCurrencySchema,
          firstWonAt: z.iso.datetime(),
          lastWonAt: z.iso.datetime(),
        }),
      )
      .meta({ description: "Top 50 customers by value" }),
    bySource: z.array(
      z.object({
        value: z.string().nullable(),
        label: z.string(),
        customers: z.number().int(),
        totalValue: z.number(),
        averageLtv: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "LtvAnalytics" });
