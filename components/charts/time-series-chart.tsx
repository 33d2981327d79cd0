"use client";

import { ChartFrame } from "./chart-frame";
import { ChartSvg, DataPoint, useTip } from "./chart-svg";
import type { TableColumn } from "./chart-table";
import {
  formatBucket,
  formatCompact,
  formatNumber,
  niceMax,
  ticks,
  type ValueFormat,
} from "./format";
import { Legend } from "./legend";
import { AXIS_TEXT, GRID_LINE, SERIES_FILL, SERIES_STROKE, seriesIndex } from "./palette";

export interface SeriesSpec<T> {
  label: string;
  value: (d: T) => number | null;
  /** A projection (forecast) drawn dashed. */
  dashed?: boolean;
}

const H = 240;

/**
 * Values over time buckets (the API's `{bucket: "YYYY-MM-DD", …}` rows, every bucket present):
 * lines, or areas for a single volume. Each bucket is one focusable band whose tooltip names
 * every series' value; with `hrefFor` the band links to the drill-down for that bucket.
 */
export function TimeSeriesChart<T extends { bucket: string }>({
  title,
  description,
  headingLevel,
  data,
  loading,
  error,
  series,
  interval = "day",
  format = formatNumber,
  axisFormat = formatCompact,
  area,
  hrefFor,
  emptyText,
  width: W = 600,
  className,
}: {
  title: string;
  description?: React.ReactNode;
  headingLevel?: 2 | 3;
  data: T[] | undefined;
  loading?: boolean;
  error?: string | null;
  series: SeriesSpec<T>[];
  interval?: "day" | "week" | "month";
  format?: ValueFormat;
  axisFormat?: ValueFormat;
  area?: boolean;
  hrefFor?: (d: T) => string | undefined;
  emptyText?: string;
  /** ViewBox width: 1000 for a chart spanning the page, so it is not twice as tall. */
  width?: number;
  className?: string;
}) {
  const { tip, setTip, hide } = useTip();
  const rows = data ?? [];
  const left = 48;
  const top = 10;
  const bottom = 28;
  const plotW = W - left - 10;
  const plotH = H - top - bottom;
  const values = rows.flatMap((d) => series.map((s) => s.value(d) ?? 0));
  const max = niceMax(Math.max(...values, 0));
  const step = rows.length > 1 ? plotW / (rows.length - 1) : plotW;
  const xOf = (i: number) => (rows.length > 1 ? left + i * step : left + plotW / 2);
  const yOf = (v: number) => top + plotH - (Math.max(v, 0) / max) * plotH;
  const every = Math.ceil(rows.length / 8);
  const bucketText = (b: string) => formatBucket(b, interval);
  const columns: TableColumn<T>[] = [
    {
      header: interval === "month" ? "Month" : interval === "week" ? "Week" : "Day",
      cell: (d) => bucketText(d.bucket),
      href: hrefFor,
    },
    ...series.map((s) => ({
      header: s.label,
      cell: (d: T) => {
        const v = s.value(d);
        return v === null ? "—" : format(v);
      },
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
      emptyText={emptyText}
      empty={rows.length === 0 || values.every((v) => v === 0)}
      aspect={W / H}
      className={className}
      table={{ columns, rows, rowKey: (d) => d.bucket }}
      legend={<Legend items={series} />}
    >
      <ChartSvg width={W} height={H} label={title} tip={tip}>
        {ticks(max).map((t) => (
          <g key={t} aria-hidden>
            <line x1={left} x2={W - 10} y1={yOf(t)} y2={yOf(t)} className={GRID_LINE} />
            <text x={left - 6} y={yOf(t) + 4} textAnchor="end" className={AXIS_TEXT}>
              {axisFormat(t)}
            </text>
          </g>
        ))}
        {series.map((s, si) => {
          const pts = rows
            .map((d, i) => [i, s.value(d)] as const)
            .filter((p): p is readonly [number, number] => p[1] !== null);
          if (!pts.length) return null;
          const line = pts.map(([i, v], k) => `${k ? "L" : "M"}${xOf(i)},${yOf(v)}`).join("");
          const color = seriesIndex(si);
          return (
            <g key={s.label} aria-hidden>
              {area && (
                <path
                  d={`${line}L${xOf(pts.at(-1)![0])},${yOf(0)}L${xOf(pts[0]![0])},${yOf(0)}Z`}
                  className={`${SERIES_FILL[color]} opacity-15`}
                />
              )}
              <path
                d={line}
                fill="none"
                strokeWidth={2}
                strokeDasharray={s.dashed ? "5 4" : undefined}
                className={SERIES_STROKE[color]}
              />
            </g>
          );
        })}
        {rows.map((d, i) => {
          const x = xOf(i);
          const band = rows.length > 1 ? step : plotW;
          const parts = series.map((s) => {
            const v = s.value(d);
            return `${s.label} ${v === null ? "—" : format(v)}`;
          });
          const top0 = Math.min(...series.map((s) => yOf(s.value(d) ?? 0)));
          return (
            <DataPoint
              key={d.bucket}
              label={`${bucketText(d.bucket)}: ${parts.join(", ")}`}
              href={hrefFor?.(d)}
              anchor={{ x, y: top0 }}
              onTip={setTip}
              onHide={hide}
            >
              <rect
                x={x - band / 2}
                y={top}
                width={band}
                height={plotH}
                className="fill-transparent"
              />
              {series.map((s, si) => {
                const v = s.value(d);
                return v === null ? null : (
                  <circle
                    key={s.label}
                    cx={x}
                    cy={yOf(v)}
                    r={rows.length > 40 ? 1.5 : 3}
                    className={SERIES_FILL[seriesIndex(si)]}
                  />
                );
              })}
              {i % every === 0 && (
                <text x={x} y={H - 8} textAnchor="middle" className={AXIS_TEXT} aria-hidden>
                  {interval === "week" ? formatBucket(d.bucket, "day") : bucketText(d.bucket)}
                </text>
              )}
            </DataPoint>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}
