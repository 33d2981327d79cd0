"use client";

import { ChartFrame } from "./chart-frame";
import { ChartSvg, DataPoint, useTip } from "./chart-svg";
import type { TableColumn } from "./chart-table";
import { formatCompact, formatNumber, niceMax, ticks, type ValueFormat } from "./format";
import { Legend } from "./legend";
import { AXIS_TEXT, GRID_LINE, SERIES_FILL, seriesIndex } from "./palette";
import { truncate } from "./bar-chart";

export interface StackSpec<T> {
  label: string;
  value: (d: T) => number;
}

const H = 260;

/** Vertical bars split into stacked parts (activity kinds per day, sources per week, …). */
export function StackedBarChart<T>({
  title,
  description,
  headingLevel,
  data,
  loading,
  error,
  category,
  categoryLabel,
  stacks,
  format = formatNumber,
  hrefFor,
  extraColumns = [],
  width: W = 600,
  className,
}: {
  title: string;
  description?: React.ReactNode;
  headingLevel?: 2 | 3;
  data: T[] | undefined;
  loading?: boolean;
  error?: string | null;
  category: (d: T) => string;
  categoryLabel: string;
  stacks: StackSpec<T>[];
  format?: ValueFormat;
  hrefFor?: (d: T) => string | undefined;
  extraColumns?: TableColumn<T>[];
  /** ViewBox width: 1000 for a chart spanning the page, so it is not twice as tall. */
  width?: number;
  className?: string;
}) {
  const { tip, setTip, hide } = useTip();
  const rows = data ?? [];
  const left = 44;
  const top = 10;
  const bottom = 30;
  const plotW = W - left - 8;
  const plotH = H - top - bottom;
  const total = (d: T) => stacks.reduce((s, k) => s + Math.max(k.value(d), 0), 0);
  const max = niceMax(Math.max(...rows.map(total), 0));
  const band = plotW / Math.max(rows.length, 1);
  const gap = Math.min(band * 0.2, 12);
  const every = Math.ceil(rows.length / 10);
  const yOf = (v: number) => top + plotH - (v / max) * plotH;
  const columns: TableColumn<T>[] = [
    { header: categoryLabel, cell: category, href: hrefFor },
    ...stacks.map((s) => ({ header: s.label, cell: (d: T) => format(s.value(d)), numeric: true })),
    { header: "Total", cell: (d: T) => format(total(d)), numeric: true },
    ...extraColumns,
  ];
  return (
    <ChartFrame
      title={title}
      description={description}
      headingLevel={headingLevel}
      loading={loading}
      error={error}
      empty={rows.length === 0 || rows.every((d) => total(d) === 0)}
      aspect={W / H}
      className={className}
      table={{ columns, rows, rowKey: (d, i) => `${category(d)}-${i}` }}
      legend={<Legend items={stacks} />}
    >
      <ChartSvg width={W} height={H} label={title} tip={tip}>
        {ticks(max).map((t) => (
          <g key={t} aria-hidden>
            <line x1={left} x2={W - 8} y1={yOf(t)} y2={yOf(t)} className={GRID_LINE} />
            <text x={left - 6} y={yOf(t) + 4} textAnchor="end" className={AXIS_TEXT}>
              {formatCompact(t)}
            </text>
          </g>
        ))}
        {rows.map((d, i) => {
          const x = left + i * band + gap / 2;
          let acc = 0;
          const parts = stacks.map((s) => `${s.label} ${format(s.value(d))}`);
          return (
            <DataPoint
              key={`${category(d)}-${i}`}
              label={`${category(d)}: ${parts.join(", ")} (total ${format(total(d))})`}
              href={hrefFor?.(d)}
              anchor={{ x: x + (band - gap) / 2, y: yOf(total(d)) }}
              onTip={setTip}
              onHide={hide}
            >
              <rect x={x} y={top} width={band - gap} height={plotH} className="fill-transparent" />
              {stacks.map((s, si) => {
                const v = Math.max(s.value(d), 0);
                const y = yOf(acc + v);
                const h = yOf(acc) - y;
                acc += v;
                return v > 0 ? (
                  <rect
                    key={s.label}
                    x={x}
                    y={y}
                    width={band - gap}
                    height={h}
                    className={SERIES_FILL[seriesIndex(si)]}
                  />
                ) : null;
              })}
              {i % every === 0 && (
                <text
                  x={x + (band - gap) / 2}
                  y={H - 10}
                  textAnchor="middle"
                  className={AXIS_TEXT}
                  aria-hidden
                >
                  {truncate(category(d), Math.max(6, Math.floor((band * every) / 7)))}
                </text>
              )}
            </DataPoint>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}
