"use client";

import { ChartFrame } from "./chart-frame";
import { ChartSvg, DataPoint, useTip } from "./chart-svg";
import type { TableColumn } from "./chart-table";
import { formatCompact, formatNumber, niceMax, ticks, type ValueFormat } from "./format";
import { AXIS_TEXT, GRID_LINE, SERIES_FILL } from "./palette";

export interface BarChartProps<T> {
  title: string;
  description?: React.ReactNode;
  headingLevel?: 2 | 3;
  data: T[] | undefined;
  loading?: boolean;
  error?: string | null;
  label: (d: T) => string;
  value: (d: T) => number;
  /** Names the category column of the table ("Source", "Stage", …). */
  categoryLabel: string;
  /** Names the value column of the table and the values ("Leads", "Pipeline value", …). */
  valueLabel: string;
  format?: ValueFormat;
  axisFormat?: ValueFormat;
  hrefFor?: (d: T) => string | undefined;
  orientation?: "vertical" | "horizontal";
  /** Bars touching (a histogram) instead of spaced. */
  contiguous?: boolean;
  extraColumns?: TableColumn<T>[];
  emptyText?: string;
  colorIndex?: number;
  className?: string;
}

export const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const W = 600;

/** Bars for categories: horizontal for named things (sources, reps), vertical for ordered ones. */
export function BarChart<T>(props: BarChartProps<T>) {
  const {
    data,
    label,
    value,
    format = formatNumber,
    categoryLabel,
    valueLabel,
    hrefFor,
    orientation = "horizontal",
  } = props;
  const rows = data ?? [];
  const horizontal = orientation === "horizontal";
  const height = horizontal ? Math.max(rows.length, 3) * 30 + 24 : 280;
  const columns: TableColumn<T>[] = [
    { header: categoryLabel, cell: label, href: hrefFor },
    { header: valueLabel, cell: (d) => format(value(d)), numeric: true },
    ...(props.extraColumns ?? []),
  ];
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      headingLevel={props.headingLevel}
      loading={props.loading}
      error={props.error}
      emptyText={props.emptyText}
      empty={rows.length === 0 || rows.every((d) => value(d) === 0)}
      aspect={horizontal ? W / 180 : W / 280}
      className={props.className}
      table={{ columns, rows, rowKey: (d, i) => `${label(d)}-${i}` }}
    >
      {horizontal ? (
        <HorizontalBars {...props} height={height} format={format} />
      ) : (
        <VerticalBars {...props} height={height} format={format} />
      )}
    </ChartFrame>
  );
}

function HorizontalBars<T>({
  data,
  label,
  value,
  format,
  valueLabel,
  hrefFor,
  height,
  colorIndex = 0,
  title,
}: BarChartProps<T> & { height: number; format: ValueFormat }) {
  const { tip, setTip, hide } = useTip();
  const rows = data ?? [];
  const labelW = 170;
  const valueW = 80;
  const max = Math.max(...rows.map(value), 0) || 1;
  const scale = (v: number) => (Math.max(v, 0) / max) * (W - labelW - valueW);
  return (
    <ChartSvg width={W} height={height} label={title} tip={tip}>
      {rows.map((d, i) => {
        const y = 8 + i * 30;
        const v = value(d);
        const w = Math.max(scale(v), v > 0 ? 2 : 0);
        const text = `${label(d)}: ${format(v)} ${valueLabel.toLowerCase()}`;
        return (
          <DataPoint
            key={`${label(d)}-${i}`}
            label={text}
            href={hrefFor?.(d)}
            anchor={{ x: labelW + w / 2, y }}
            onTip={setTip}
            onHide={hide}
          >
            <rect x={0} y={y - 2} width={W} height={26} className="fill-transparent" />
            <text x={labelW - 8} y={y + 15} textAnchor="end" className={AXIS_TEXT} aria-hidden>
              {truncate(label(d), 24)}
            </text>
            <rect
              x={labelW}
              y={y}
              width={w}
              height={22}
              rx={3}
              className={SERIES_FILL[colorIndex]}
            />
            <text
              x={labelW + w + 6}
              y={y + 15}
              className="fill-slate-800 text-[12px] font-medium dark:fill-slate-200"
              aria-hidden
            >
              {format(v)}
            </text>
          </DataPoint>
        );
      })}
    </ChartSvg>
  );
}

function VerticalBars<T>({
  data,
  label,
  value,
  format,
  axisFormat = formatCompact,
  valueLabel,
  hrefFor,
  height,
  contiguous,
  colorIndex = 0,
  title,
}: BarChartProps<T> & { height: number; format: ValueFormat }) {
  const { tip, setTip, hide } = useTip();
  const rows = data ?? [];
  const left = 44;
  const bottom = 40;
  const top = 10;
  const plotH = height - top - bottom;
  const plotW = W - left - 8;
  const max = niceMax(Math.max(...rows.map(value), 0));
  const band = plotW / Math.max(rows.length, 1);
  const gap = contiguous ? 1 : Math.min(band * 0.25, 16);
  const every = Math.ceil(rows.length / 12);
  return (
    <ChartSvg width={W} height={height} label={title} tip={tip}>
      {ticks(max).map((t) => {
        const y = top + plotH - (t / max) * plotH;
        return (
          <g key={t} aria-hidden>
            <line x1={left} x2={W - 8} y1={y} y2={y} className={GRID_LINE} />
            <text x={left - 6} y={y + 4} textAnchor="end" className={AXIS_TEXT}>
              {axisFormat(t)}
            </text>
          </g>
        );
      })}
      {rows.map((d, i) => {
        const v = value(d);
        const h = (Math.max(v, 0) / max) * plotH;
        const x = left + i * band + gap / 2;
        const y = top + plotH - h;
        return (
          <DataPoint
            key={`${label(d)}-${i}`}
            label={`${label(d)}: ${format(v)} ${valueLabel.toLowerCase()}`}
            href={hrefFor?.(d)}
            anchor={{ x: x + (band - gap) / 2, y }}
            onTip={setTip}
            onHide={hide}
          >
            <rect x={x} y={top} width={band - gap} height={plotH} className="fill-transparent" />
            <rect
              x={x}
              y={y}
              width={band - gap}
              height={Math.max(h, v > 0 ? 1 : 0)}
              rx={contiguous ? 0 : 2}
              className={SERIES_FILL[colorIndex]}
            />
            {i % every === 0 && (
              <text
                x={x + (band - gap) / 2}
                y={height - bottom + 16}
                textAnchor="middle"
                className={AXIS_TEXT}
                aria-hidden
              >
                {truncate(label(d), Math.max(6, Math.floor((band * every) / 7)))}
              </text>
            )}
          </DataPoint>
        );
      })}
    </ChartSvg>
  );
}
