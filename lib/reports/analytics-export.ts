import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { analyticsFilterShape } from "@/lib/analytics/analytics-filters";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateReport } from "./generate-report";
import { reportDefinitionSchema, type ReportDefinitionInput } from "./report-definition";
import { REPORT_EXPORT_FORMATS, type ReportExportFormat } from "./report-schemas";
import { reportTable } from "./export-report";
import { renderTable } from "./table-export";

/**
 * The analytics views as files. Each is a fixed report-builder definition over the same scope
 * (period, owners/team, sources, campaign), so an export holds the numbers the builder shows for
 * that view, with the caller's visibility.
 */
const VIEWS = {
  kpis: {
    title: "Lead KPIs",
    definition: {
      dataset: "leads",
      metrics: ["count", "contacted", "won", "win_rate", "avg_score"],
    },
  },
  sources: {
    title: "Leads by source",
    definition: { dataset: "leads", dimensions: ["source"], metrics: ["count", "won", "win_rate"] },
  },
  status: {
    title: "Leads by status",
    definition: { dataset: "leads", dimensions: ["status"], metrics: ["count"] },
  },
  timeline: {
    title: "New leads by day",
    definition: { dataset: "leads", dimensions: ["created_day"], metrics: ["count", "won"] },
  },
  campaigns: {
    title: "Messages by campaign",
    definition: {
      dataset: "messages",
      dimensions: ["campaign"],
      metrics: ["outbound", "inbound", "replies", "reply_rate"],
    },
  },
  "email-performance": {
    title: "Messages by campaign step",
    definition: {
      dataset: "messages",
      dimensions: ["step"],
      metrics: ["outbound", "replies", "reply_rate"],
    },
  },
  revenue: {
    title: "Won revenue by month",
    definition: {
      dataset: "deals",
      dimensions: ["won_month"],
      metrics: ["won", "won_value", "avg_value"],
      filters: [{ field: "status_category", value: "won" }],
    },
  },
  pipeline: {
    title: "Pipeline by status",
    definition: {
      dataset: "deals",
      dimensions: ["status"],
      metrics: ["count", "sum_value", "avg_value"],
      filters: [{ field: "status_category", value: "open" }],
    },
  },
  salespeople: {
    title: "Deals by owner",
    definition: {
      dataset: "deals",
      dimensions: ["owner"],
      metrics: ["count", "won", "win_rate", "sum_value", "won_value"],
    },
  },
  activity: {
    title: "Activity by member and kind",
    definition: {
      dataset: "activities",
      dimensions: ["member", "kind"],
      metrics: ["count", "total_duration"],
    },
  },
} as const satisfies Record<
  string,
  { title: string; definition: Omit<ReportDefinitionInput, "period"> }
>;

export const ANALYTICS_EXPORT_VIEWS = Object.keys(VIEWS) as (keyof typeof VIEWS)[];

const { interval: _interval, ...scopeShape } = analyticsFilterShape;
export const analyticsExportQuery = z
  .strictObject({
    ...scopeShape,
    report: z
      .enum(ANALYTICS_EXPORT_VIEWS as [keyof typeof VIEWS, ...(keyof typeof VIEWS)[]])
      .default("kpis"),
    format: z.enum(REPORT_EXPORT_FORMATS).default("csv"),
  })
  .meta({ id: "AnalyticsExportQuery" });

export async function exportAnalyticsView(
  ctx: Ctx,
  query: z.output<typeof analyticsExportQuery>,
  now = new Date(),
): Promise<{ bytes: Uint8Array; fileName: string; format: ReportExportFormat }> {
  const { report, format, ...period } = query;
  const view = VIEWS[report];
  const definition = reportDefinitionSchema.parse({ ...view.definition, period, limit: 1000 });
  const result = await generateReport(ctx, definition, now);
  await recordAudit(ctx.db, ctx, {
    action: "analytics.exported",
    resourceType: "analytics",
    changes: { report, format },
  });
  const bytes = await renderTable(reportTable(view.title, result), format);
  return { bytes, format, fileName: `analytics-${report}-${now.toISOString().slice(0, 10)}` };
}
