import type { ReportValueType } from "@/lib/reports/report-catalog";
import type { ReportResult } from "@/lib/reports/report-schemas";

export function formatReportValue(value: number, type: ReportValueType): string {
  if (type === "ratio") return `${(value * 100).toFixed(1)}%`;
  if (type === "money" || type === "number")
    return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  if (type === "duration") {
    const m = Math.floor(value / 60);
    return m ? `${m}m ${Math.round(value % 60)}s` : `${Math.round(value)}s`;
  }
  return value.toLocaleString();
}

/** The report's rows with a totals line when grouped. */
export function ReportTable({ result }: { result: ReportResult }) {
  const grouped = result.columns.some((c) => c.role === "dimension");
  const cell = (value: string | number | null | undefined, type: ReportValueType) =>
    value === null || value === undefined
      ? "—"
      : typeof value === "number"
        ? formatReportValue(value, type)
        : value;
  const right = (type: ReportValueType) =>
    type === "string" || type === "date" ? "" : "text-right";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" aria-label="Report result">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            {result.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-2 font-medium ${right(c.type)}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.length === 0 && (
            <tr>
              <td colSpan={result.columns.length} className="px-3 py-4 text-slate-500">
                No rows for these filters.
              </td>
            </tr>
          )}
          {result.rows.map((row, i) => (
            <tr key={i} className="border-b border-slate-100 dark:border-slate-800/60">
              {result.columns.map((c) => (
                <td key={c.key} className={`px-3 py-1.5 ${right(c.type)}`}>
                  {cell(row[c.key], c.type)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {grouped && (
          <tfoot>
            <tr className="font-medium">
              {result.columns.map((c, i) => (
                <td key={c.key} className={`px-3 py-2 ${right(c.type)}`}>
                  {c.role === "metric"
                    ? cell(result.totals[c.key], c.type)
                    : i === 0
                      ? "Total"
                      : ""}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
      {result.byCurrency.length > 0 && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Not converted, other currencies:{" "}
          {result.byCurrency.map((c) => `${c.currency} ${c.amount.toLocaleString()}`).join(", ")}
        </p>
      )}
    </div>
  );
}
