import type { z } from "zod";
import type {
  abTestsSchema,
  campaignAnalyticsSchema,
  campaignComparisonSchema,
  emailPerformanceSchema,
} from "@/lib/analytics/campaigns/campaign-analytics-schemas";
import type {
  dashboardResponseSchema,
  recentActivityResponseSchema,
} from "@/lib/analytics/dashboard-schemas";
import type {
  conversionResponseSchema,
  leadSourcesResponseSchema,
  leadStatusResponseSchema,
  leadTimelineResponseSchema,
} from "@/lib/analytics/lead-analytics-schemas";
import type {
  activityReportSchema,
  companyActivitySchema,
  loginNowSchema,
  salespersonReportSchema,
  userActivitySchema,
} from "@/lib/analytics/people/people-analytics-schemas";
import type {
  ltvResponseSchema,
  revenueResponseSchema,
  roiResponseSchema,
} from "@/lib/analytics/revenue-schemas";
import type {
  leadQualityResponseSchema,
  leadScoreResponseSchema,
  priceTrendsResponseSchema,
} from "@/lib/analytics/stats-schemas";

/** The analytics API's response shapes, straight from its zod schemas. */
export type Dashboard = z.infer<typeof dashboardResponseSchema>;
export type LeadSources = z.infer<typeof leadSourcesResponseSchema>;
export type LeadStatus = z.infer<typeof leadStatusResponseSchema>;
export type LeadTimeline = z.infer<typeof leadTimelineResponseSchema>;
export type LeadConversion = z.infer<typeof conversionResponseSchema>;
export type LeadQuality = z.infer<typeof leadQualityResponseSchema>;
export type LeadScore = z.infer<typeof leadScoreResponseSchema>;
export type PriceTrends = z.infer<typeof priceTrendsResponseSchema>;
export type Revenue = z.infer<typeof revenueResponseSchema>;
export type Roi = z.infer<typeof roiResponseSchema>;
export type Ltv = z.infer<typeof ltvResponseSchema>;
export type CampaignAnalytics = z.infer<typeof campaignAnalyticsSchema>;
export type CampaignComparison = z.infer<typeof campaignComparisonSchema>;
export type EmailPerformance = z.infer<typeof emailPerformanceSchema>;
export type AbTests = z.infer<typeof abTestsSchema>;
export type SalespersonReport = z.infer<typeof salespersonReportSchema>;
export type ActivityReport = z.infer<typeof activityReportSchema>;
export type CompanyActivity = z.infer<typeof companyActivitySchema>;
export type LoginNow = z.infer<typeof loginNowSchema>;
export type RecentActivity = z.infer<typeof recentActivityResponseSchema>;
export type RecentActivityItem = RecentActivity["data"][number];
export type UserActivity = z.infer<typeof userActivitySchema>;
