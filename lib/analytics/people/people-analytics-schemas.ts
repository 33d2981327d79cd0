import { z } from "zod";
import { ROLES, USER_ACTIVITY_KINDS } from "@/db/schema";
import { analyticsFilterShape } from "@/lib/analytics/analytics-filters";
import {
  analyticsPeriodSchema,
  byCurrencySchema,
  rateSchema,
} from "@/lib/analytics/analytics-schemas";

const count = (description: string) => z.number().int().meta({ description });

const memberShape = {
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
};

export const salespersonRowSchema = z
  .object({
    ...memberShape,
    leadsAssigned: count("Leads assigned to the member in the period (and still theirs)"),
    contacted: count("Of those, contacted at least once"),
    converted: count("Of those, won"),
    conversionRate: rateSchema.meta({ description: "converted / leadsAssigned" }),
    won: count("The member's leads won in the period"),
    wonValue: z.number().meta({ description: "Their deal value, organization currency" }),
    wonByCurrency: byCurrencySchema,
    averageDealValue: z.number().nullable().meta({
      description: "wonValue / won deals with a value in the organization currency",
    }),
    pipelineValue: z.number().meta({
      description: "Deal value of the member's open leads now, organization currency",
    }),
    pipelineByCurrency: byCurrencySchema,
    openDeals: count("The member's open leads with a deal value now"),
    medianResponseSeconds: z.number().nullable().meta({
      description:
        "Median seconds from a lead's reply (in the period, on the member's lead) to the member's next message to that lead; null when none was answered",
    }),
    repliesAnswered: count("Replies the median is over"),
    calls: count("Calls logged in the period"),
    emails: count("Emails sent by the member in the period"),
  })
  .meta({ id: "SalespersonReportRow" });
export type SalespersonRow = z.infer<typeof salespersonRowSchema>;

export const salespersonReportSchema = z
  .object({
    period: analyticsPeriodSchema,
    currency: z.string(),
    members: z.array(salespersonRowSchema),
  })
  .meta({ id: "SalespersonReport" });
export type SalespersonReport = z.infer<typeof salespersonReportSchema>;

const activityCountsShape = {
  logins: count("Sign-ins"),
  calls: count("Calls logged"),
  emails: count("Emails sent by a person"),
  followUps: count("Follow-ups done"),
  meetings: count("Meetings logged"),
  notes: count("Notes written"),
};
export const activityCountsSchema = z.object(activityCountsShape).meta({ id: "ActivityCounts" });
export type ActivityCounts = z.infer<typeof activityCountsSchema>;

export const activityBucketSchema = z
  .object({
    bucket: z.iso.date().meta({ description: "First day of the day/ISO week/month (UTC)" }),
    ...activityCountsShape,
  })
  .meta({ id: "ActivityBucket" });
export type ActivityBucket = z.infer<typeof activityBucketSchema>;

export const activityReportSchema = z
  .object({
    period: analyticsPeriodSchema,
    interval: z.enum(["day", "week", "month"]),
    members: z.array(
      z
        .object({
          ...memberShape,
          totals: activityCountsSchema,
          series: z.array(activityBucketSchema).meta({ description: "Every bucket of the period" }),
        })
        .meta({ id: "ActivityReportMember" }),
    ),
    totals: activityCountsSchema,
  })
  .meta({ id: "ActivityReport" });
export type ActivityReport = z.infer<typeof activityReportSchema>;

export const companyActivitySchema = z
  .object({
    period: analyticsPeriodSchema,
    interval: z.enum(["day", "week", "month"]),
    totals: activityCountsSchema,
    previousTotals: activityCountsSchema.meta({ description: "The period just before" }),
    activeMembers: count("Members with any activity in the period"),
    series: z.array(activityBucketSchema).meta({ description: "Every bucket of the period" }),
  })
  .meta({ id: "CompanyActivity" });
export type CompanyActivity = z.infer<typeof companyActivitySchema>;

export const userActivityQuery = z
  .strictObject({
    ...analyticsFilterShape,
    userId: z
      .union([z.uuid(), z.literal("me")])
      .default("me")
      .meta({ description: "A member's user id, or `me` (required for API keys)" }),
    kind: z.enum(USER_ACTIVITY_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(200).optional().meta({ description: "`nextCursor` of a page" }),
  })
  .meta({ id: "UserActivityQuery" });
export type UserActivityQuery = z.infer<typeof userActivityQuery>;

export const userActivityItemSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(USER_ACTIVITY_KINDS),
    leadId: z.uuid().nullable(),
    leadName: z.string().nullable(),
    outcome: z.string().nullable(),
    durationSeconds: z.number().int().nullable(),
    notes: z.string().nullable(),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: "UserActivityItem" });

export const userActivitySchema = z
  .object({
    period: analyticsPeriodSchema,
    user: z.object(memberShape).meta({ id: "ActivityMember" }),
    totals: activityCountsSchema,
    daily: z
      .array(activityBucketSchema)
      .meta({ description: "Per `interval` bucket (default day), every bucket of the period" }),
    data: z.array(userActivityItemSchema).meta({ description: "Newest first" }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "UserActivity" });
export type UserActivity = z.infer<typeof userActivitySchema>;

export const loginNowSchema = z
  .object({
    since: z.iso.datetime().meta({ description: "Members seen after this moment count as active" }),
    members: z.array(
      z.object({ ...memberShape, lastSeenAt: z.iso.datetime() }).meta({ id: "ActiveMember" }),
    ),
  })
  .meta({ id: "LoginNow" });
export type LoginNow = z.infer<typeof loginNowSchema>;
