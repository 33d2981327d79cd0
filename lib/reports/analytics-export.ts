import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { analyticsFilterShape } from "@/lib/analytics/analytics-filters";
import { recordAudit } from "@/lib/audit/record-audit";
import { ANALYTICS_VIEWS, type AnalyticsViewName } from "./analytics-views";
import { toExportTable } from "./analytics-views/view-table";
import { REPORT_EXPORT_FORMATS, type ReportExportFormat } from "./report-schemas";
import { renderTable } from "./table-export";

export const ANALYTICS_EXPORT_VIEWS = Object.keys(ANALYTICS_VIEWS) as AnalyticsViewName[];

export const analyticsExportQuery = z
  .strictObject({
    ...analyticsFilterShape,
    report: z
      .enum(ANALYTICS_EXPORT_VIEWS as [AnalyticsViewName, ...AnalyticsViewName[]])
      .default("kpis"),
    format: z.enum(REPORT_EXPORT_FORMATS).default("csv"),
  })
  .meta({ id: "AnalyticsExportQuery" });

/**
 * An analytics view as a file: the view runs the function its analytics endpoint answers with
 * (same filters, same caller, so the same visibility), and the file holds that result's numbers.
 */
export async function exportAnalyticsView(
  ctx: Ctx,
  query: z.output<typeof analyticsExportQuery>,
  now = new Date(),
): Promise<{ bytes: Uint8Array; fileName: string; format: ReportExportFormat }> {
  const { report, format, ...filters } = query;
  const view = ANALYTICS_VIEWS[report];
  const table = toExportTable(view.title, await view.run(ctx, filters, now), now);
  await recordAudit(ctx.db, ctx, {
    action: "analytics.exported",
    resourceType: "analytics",
    changes: { report, format },
  });
  const bytes = await renderTable(table, format);
  return { bytes, format, fileName: `analytics-${report}-${now.toISOString().slice(0, 10)}` };
}
