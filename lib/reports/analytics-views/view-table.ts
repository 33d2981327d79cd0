import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "@/lib/analytics/analytics-filters";
import type { AnalyticsPeriodDto } from "@/lib/analytics/analytics-schemas";
import type { ReportValueType } from "../report-catalog";
import type { ExportTable } from "../table-export";

/** One exported column: the result field it shows, its heading and how its values read. */
export interface ViewColumn<R> {
  key: keyof R & string;
  label: string;
  /** Undefined: values of several kinds in one column (the KPI list), shown as they are. */
  kind?: ReportValueType;
}

/** What a view's mapping makes of the analytics result: the table before it becomes a file. */
export interface ViewTable<R> {
  columns: ViewColumn<R>[];
  rows: R[];
  /** The result's own totals (never summed here), shown as the last line. */
  totals?: Partial<Record<keyof R, unknown>>;
  period: AnalyticsPeriodDto;
  currency?: string;
  note?: string;
}

/**
 * An analytics view: the function the matching analytics endpoint answers with, and how its
 * result reads as one table — so an export holds exactly the numbers the screen and API show.
 */
export interface AnalyticsView {
  title: string;
  run(ctx: Ctx, query: AnalyticsQuery, now: Date): Promise<AnyViewTable>;
}

export type AnyViewTable = ViewTable<Record<string, unknown>>;

/** Type the mapping against the result it reads, then hide its row type from the registry. */
export function analyticsView<T, R>(
  title: string,
  load: (ctx: Ctx, query: AnalyticsQuery, now: Date) => Promise<T>,
  table: (result: T) => ViewTable<R>,
): AnalyticsView {
  return {
    title,
    run: async (ctx, query, now) => table(await load(ctx, query, now)) as unknown as AnyViewTable,
  };
}

/** Amounts in other currencies, never converted: "EUR 3000, GBP 10"; null when there are none. */
export function currencyText(list: { currency: string; amount: number }[] | undefined) {
  return list?.length ? list.map((c) => `${c.currency} ${c.amount}`).join(", ") : null;
}

function cell(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return currencyText(value as { currency: string; amount: number }[]);
  return value;
}

export function toExportTable(title: string, view: AnyViewTable, generatedAt: Date): ExportTable {
  const from = view.period.from.slice(0, 10);
  const last = new Date(Date.parse(view.period.to) - 86_400_000).toISOString().slice(0, 10);
  const totals = view.totals;
  return {
    title,
    subtitle: [
      `${from} – ${last}`,
      view.currency ? `amounts in ${view.currency}` : "",
      `generated ${generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    ]
      .filter(Boolean)
      .join(" · "),
    header: view.columns.map((c) => c.label),
    types: view.columns.map((c) => c.kind),
    rows: [
      ...view.rows.map((row) => view.columns.map((c) => cell(row[c.key]))),
      ...(totals
        ? [
            view.columns.map((c, i) =>
              i === 0 && !(c.key in totals) ? "Total" : cell(totals[c.key]),
            ),
          ]
        : []),
    ],
    note: view.note,
  };
}
