import { campaignsView, emailPerformanceView } from "./campaign-views";
import { kpisView, sourcesView, statusView, timelineView } from "./lead-views";
import { pipelineView, revenueView } from "./money-views";
import { activityView, salespeopleView } from "./people-views";

/** The analytics views an export can name, each the result of its analytics endpoint. */
export const ANALYTICS_VIEWS = {
  kpis: kpisView,
  sources: sourcesView,
  status: statusView,
  timeline: timelineView,
  campaigns: campaignsView,
  "email-performance": emailPerformanceView,
  revenue: revenueView,
  pipeline: pipelineView,
  salespeople: salespeopleView,
  activity: activityView,
};
export type AnalyticsViewName = keyof typeof ANALYTICS_VIEWS;
