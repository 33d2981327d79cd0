"use client";

import { ChartFrame } from "./chart-frame";
import { ChartSvg, DataPoint, useTip } from "./chart-svg";
import type { TableColumn } from "./chart-table";
import { AXIS_TEXT } from "./palette";

export interface HeatCell {
  row: number;
  col: number;
  value: number | null;
  /** What the tooltip and the table say about this cell besides its value. */
  detail?: string;
}

/**
 * A grid of rows × columns (weekday × hour) whose cells darken with the value. The value is in
 * each cell's name and in the table, so the shade is never the only way to read it.
 */
export function Heatmap({
  title,
  description,
  headingLevel,
  cells,
  loading,
  error,
  rowLabels,
  colLabels,
  rowHeader,
  format,
  actions,
  className,
}: {
  title: string;
  description?: React.ReactNode;
  headingLevel?: 2 | 3;
  cells: HeatCell[] | undefined;
  loading?: boolean;
  error?: string | null;
  rowLabels: string[];
  colLabels: string[];
  rowHeader: string;
  format: (v: number | null) => string;
  actions?: React.ReactNode;
  className?: string;
}) {
  const { tip, setTip, hide } = useTip();
  const list = cells ?? [];
  const left = 44;
  const top = 18;
  const cellW = (600 - left) / colLabels.length;
  const cellH = 24;
  const W = 600;
  const H = top + rowLabels.length * cellH + 4;
  const max = Math.max(...list.map((c) => c.value ?? 0), 0) || 1;
  const at = new Map(list.map((c) => [`${c.row}:${c.col}`, c]));
  const tableRows = rowLabels.map((label, r) => ({ label, r }));
  const columns: TableColumn<{ label: string; r: number }>[] = [
    { header: rowHeader, cell: (x) => x.label },
    ...colLabels.map((c, ci) => ({
      header: c,
      cell: (x: { r: number }) => format(at.get(`${x.r}:${ci}`)?.value ?? null),
      numeric: true,
    })),
  ];
  return (
    <ChartFrame
      title={title}
      description={description}
      headingLevel={headingLevel}
      loading={loading}
      error={error}
      empty={list.every((c) => !c.value)}
      aspect={W / H}
      className={className}
      actions={actions}
      table={{ columns, rows: tableRows, rowKey: (x) => x.label }}
    >
      <ChartSvg width={W} height={H} label={title} tip={tip}>
        {colLabels.map((c, ci) =>
          ci % 3 === 0 ? (
            <text
              key={c}
              x={left + ci * cellW + cellW / 2}
              y={12}
              textAnchor="middle"
              className={AXIS_TEXT}
              aria-hidden
            >
              {c}
            </text>
          ) : null,
        )}
        {rowLabels.map((label, r) => (
          <g key={label}>
            <text
              x={left - 6}
              y={top + r * cellH + 16}
              textAnchor="end"
              className={AXIS_TEXT}
              aria-hidden
            >
              {label}
            </text>
            {colLabels.map((c, ci) => {
              const cell = at.get(`${r}:${ci}`);
              const v = cell?.value ?? null;
              const x = left + ci * cellW;
              const y = top + r * cellH;
              return (
                <DataPoint
                  key={c}
                  label={`${label} ${c}: ${format(v)}${cell?.detail ? ` (${cell.detail})` : ""}`}
                  anchor={{ x: x + cellW / 2, y }}
                  onTip={setTip}
                  onHide={hide}
                >
                  <rect
                    x={x + 1}
                    y={y + 1}
                    width={cellW - 2}
                    height={cellH - 2}
                    rx={2}
                    className="fill-slate-100 dark:fill-slate-800"
                  />
                  {v ? (
                    <rect
                      x={x + 1}
                      y={y + 1}
                      width={cellW - 2}
                      height={cellH - 2}
                      rx={2}
                      className="fill-brand-600 dark:fill-brand-500"
                      fillOpacity={0.15 + 0.85 * (v / max)}
                    />
                  ) : null}
                </DataPoint>
              );
            })}
          </g>
        ))}
      </ChartSvg>
    </ChartFrame>
  );
}
