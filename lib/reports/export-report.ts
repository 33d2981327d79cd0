import type { Ctx } from "@/lib/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateReport } from "./generate-report";
import { reportDefinitionSchema } from "./report-definition";
import type { ReportExportFormat, ReportResult } from "./report-schemas";
import { findSavedReport } from "./saved-reports";
import { fileSlug, renderTable, type ExportTable } from "./table-export";

/** A report result as a table: the columns people read (labels, not ids), money noted. */
export function reportTable(title: string, result: ReportResult): ExportTable {
  const from = result.period.from.slice(0, 10);
  const last = new Date(Date.parse(result.period.to) - 86_400_000).toISOString().slice(0, 10);
  const others = result.byCurrency.map((c) => `${c.currency} ${c.amount}`).join(", ");
  const totals = result.columns.some((c) => c.role === "dimension")
    ? [
        result.columns.map((c, i) =>
          c.role === "metric" ? result.totals[c.key] : i === 0 ? "Total" : null,
        ),
      ]
    : [];
  return {
    title,
    subtitle: `${from} – ${last} · amounts in ${result.currency} · generated ${result.generatedAt.slice(0, 16).replace("T", " ")} UTC`,
    header: result.columns.map((c) => c.label),
    types: result.columns.map((c) => c.type),
    rows: [...result.rows.map((row) => result.columns.map((c) => row[c.key] ?? null)), ...totals],
    note: [
      result.truncated ? "More groups exist than this report's row limit shows." : "",
      others ? `Deals in other currencies, not converted: ${others}.` : "",
    ]
      .filter(Boolean)
      .join(" "),
  };
}

/** Run a saved report as the caller and render it; audited like other exports. */
export async function exportSavedReport(
  ctx: Ctx,
  id: string,
  format: ReportExportFormat,
  now = new Date(),
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const report = await findSavedReport(ctx, id);
  const result = await generateReport(ctx, reportDefinitionSchema.parse(report.definition), now);
  await recordAudit(ctx.db, ctx, {
    action: "report.exported",
    resourceType: "saved_report",
    resourceId: report.id,
    changes: { format },
  });
  const bytes = await renderTable(reportTable(report.name, result), format);
  return {
    bytes,
    fileName: `${fileSlug(report.name) || "report"}-${now.toISOString().slice(0, 10)}`,
  };
}
