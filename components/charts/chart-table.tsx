import Link from "next/link";
import { cn } from "@/components/ui/cn";

export interface TableColumn<T> {
  header: string;
  cell: (row: T) => React.ReactNode;
  numeric?: boolean;
  /** The first column heads its row (scope="row") and may link to the drill-down. */
  href?: (row: T) => string | undefined;
}

/** A chart's data as a real table: the same rows, the same formatted numbers, the same links. */
export function ChartTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: TableColumn<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
}) {
  return (
    <div className="max-h-[28rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-950 dark:text-slate-400">
          <tr>
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={cn("px-3 py-2 font-medium", c.numeric && "text-right")}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c, ci) => {
                const href = c.href?.(row);
                const content = href ? (
                  <Link href={href} className="text-brand-700 underline dark:text-brand-500">
                    {c.cell(row)}
                  </Link>
                ) : (
                  c.cell(row)
                );
                const cls = cn("px-3 py-1.5", c.numeric && "text-right tabular-nums");
                return ci === 0 ? (
                  <th key={c.header} scope="row" className={cn(cls, "font-normal")}>
                    {content}
                  </th>
                ) : (
                  <td key={c.header} className={cls}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
