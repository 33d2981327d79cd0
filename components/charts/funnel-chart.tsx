"use client";

import { ChartFrame } from "./chart-frame";
import { ChartSvg, DataPoint, useTip } from "./chart-svg";
import type { TableColumn } from "./chart-table";
import { formatDuration, formatNumber, formatPercent } from "./format";
import { AXIS_TEXT, SERIES_FILL } from "./palette";
import { truncate } from "./bar-chart";

export interface FunnelStage {
  value: string;
  label: string;
  entered: number;
  conversionFromPrevious: number | null;
  conversionFromFirst?: number | null;
  medianSecondsInStage?: number | null;
}

const W = 600;

/**
 * Ordered stages as centred bars narrowing with the count, the stage-to-stage conversion between
 * them and, when known, the median time leads spend in each.
 */
export function FunnelChart<T extends FunnelStage>({
  title,
  description,
  headingLevel,
  data,
  loading,
  error,
  hrefFor,
  className,
}: {
  title: string;
  description?: React.ReactNode;
  headingLevel?: 2 | 3;
  data: T[] | undefined;
  loading?: boolean;
  error?: string | null;
  hrefFor?: (d: T) => string | undefined;
  className?: string;
}) {
  const { tip, setTip, hide } = useTip();
  const rows = data ?? [];
  const rowH = 44;
  const H = Math.max(rows.length, 3) * rowH + 8;
  const labelW = 150;
  const infoW = 130;
  const plotW = W - labelW - infoW;
  const max = Math.max(...rows.map((r) => r.entered), 0) || 1;
  const withTime = rows.some((r) => r.medianSecondsInStage != null);
  const conv = (r: T) =>
    r.conversionFromPrevious == null ? "—" : formatPercent(r.conversionFromPrevious);
  const columns: TableColumn<T>[] = [
    { header: "Stage", cell: (r) => r.label, href: hrefFor },
    { header: "Leads", cell: (r) => formatNumber(r.entered), numeric: true },
    { header: "From previous stage", cell: conv, numeric: true },
    ...(rows.some((r) => r.conversionFromFirst !== undefined)
      ? [
          {
            header: "From first stage",
            cell: (r: T) =>
              r.conversionFromFirst == null ? "—" : formatPercent(r.conversionFromFirst),
            numeric: true,
          },
        ]
      : []),
    ...(withTime
      ? [
          {
            header: "Median time in stage",
            cell: (r: T) =>
              r.medianSecondsInStage == null ? "—" : formatDuration(r.medianSecondsInStage),
            numeric: true,
          },
        ]
      : []),
  ];
  return (
    <ChartFrame
      title={title}
      description={description}
      headingLevel={headingLevel}
      loading={loading}
      error={error}
      empty={rows.length === 0 || rows.every((r) => r.entered === 0)}
      aspect={W / (4 * rowH + 8)}
      className={className}
      table={{ columns, rows, rowKey: (r) => r.value }}
    >
      <ChartSvg width={W} height={H} label={title} tip={tip}>
        {rows.map((r, i) => {
          const w = Math.max((r.entered / max) * plotW, r.entered > 0 ? 2 : 0);
          const x = labelW + (plotW - w) / 2;
          const y = 4 + i * rowH;
          const time =
            r.medianSecondsInStage == null
              ? ""
              : `, median ${formatDuration(r.medianSecondsInStage)} in stage`;
          return (
            <DataPoint
              key={r.value}
              label={`${r.label}: ${formatNumber(r.entered)} leads${
                r.conversionFromPrevious == null ? "" : `, ${conv(r)} of the previous stage`
              }${time}`}
              href={hrefFor?.(r)}
              anchor={{ x: labelW + plotW / 2, y }}
              onTip={setTip}
              onHide={hide}
            >
              <rect x={0} y={y} width={W} height={rowH - 6} className="fill-transparent" />
              <rect x={x} y={y} width={w} height={rowH - 10} rx={4} className={SERIES_FILL[0]} />
              <text x={labelW - 8} y={y + 22} textAnchor="end" className={AXIS_TEXT} aria-hidden>
                {truncate(r.label, 22)}
              </text>
              <text
                x={labelW + plotW + 8}
                y={y + 15}
                className="fill-slate-800 text-[12px] font-semibold dark:fill-slate-100"
                aria-hidden
              >
                {formatNumber(r.entered)}
                {r.conversionFromPrevious != null && ` · ${conv(r)}`}
              </text>
              {r.medianSecondsInStage != null && (
                <text x={labelW + plotW + 8} y={y + 30} className={AXIS_TEXT} aria-hidden>
                  {formatDuration(r.medianSecondsInStage)} in stage
                </text>
              )}
            </DataPoint>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}
