"use client";

import { useMemo, useState } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { currencyFormat, formatNumber } from "@/components/charts/format";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import type { PriceTrends } from "./analytics-types";
import { useAnalytics } from "./use-analytics";

type Point = PriceTrends["series"][number];
const MAX_LINES = 5;

function groupKey(p: Point) {
  return `${p.location} · ${p.type} (${p.currency})`;
}

/** Listing prices by month: median per location and type, and the average asking price. */
export function ListingsAnalytics() {
  const [location, setLocation] = useState("");
  const [type, setType] = useState("");
  const all = useAnalytics<PriceTrends>("/stats/price-trends");
  const trends = useAnalytics<PriceTrends>("/stats/price-trends", {
    location: location || undefined,
    type: type || undefined,
    interval: "month",
  });
  const locations = useMemo(
    () => [...new Set(all.data?.series.map((p) => p.location))].sort(),
    [all.data],
  );
  const types = useMemo(() => [...new Set(all.data?.series.map((p) => p.type))].sort(), [all.data]);
  const series = useMemo(() => trends.data?.series ?? [], [trends.data]);

  // The busiest location/type groups as lines; every group is in the table below.
  const { rows, lines, currency } = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of series) counts.set(groupKey(p), (counts.get(groupKey(p)) ?? 0) + p.count);
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_LINES)
      .map(([k]) => k);
    const buckets = [...new Set(series.map((p) => p.bucket))].sort();
    const at = new Map(series.map((p) => [`${p.bucket}|${groupKey(p)}`, p]));
    const currencies = new Set(series.map((p) => p.currency));
    return {
      rows: buckets.map((bucket) => ({
        bucket,
        values: top.map((k) => at.get(`${bucket}|${k}`)?.medianPrice ?? null),
      })),
      lines: top,
      currency: currencies.size === 1 ? [...currencies][0]! : null,
    };
  }, [series]);
  const money = currency ? currencyFormat(currency) : formatNumber;

  const byLocation = useMemo(() => {
    const acc = new Map<string, { sum: number; count: number; currency: string }>();
    for (const p of series) {
      if (p.averagePrice == null || p.count === 0) continue;
      const key = `${p.location} (${p.currency})`;
      const cur = acc.get(key) ?? { sum: 0, count: 0, currency: p.currency };
      cur.sum += p.averagePrice * p.count;
      cur.count += p.count;
      acc.set(key, cur);
    }
    return [...acc.entries()]
      .map(([label, v]) => ({
        label,
        value: v.sum / v.count,
        count: v.count,
        currency: v.currency,
      }))
      .sort((a, b) => b.value - a.value);
  }, [series]);

  const select = (label: string, value: string, set: (v: string) => void, options: string[]) => (
    <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <select
        value={value}
        onChange={(e) => set(e.target.value)}
        className={cn(inputClass, "mt-1 sm:w-48")}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        {select("Location", location, setLocation, locations)}
        {select("Listing type", type, setType, types)}
      </div>
      <TimeSeriesChart
        width={1000}
        title="Median listing price by month"
        description={
          lines.length === MAX_LINES
            ? `The ${MAX_LINES} busiest location and type groups; choose a location or type for others`
            : "Per location and listing type"
        }
        data={rows}
        loading={trends.loading}
        error={trends.error}
        interval="month"
        series={lines.map((label, i) => ({
          label,
          value: (r: (typeof rows)[number]) => r.values[i] ?? null,
        }))}
        format={money}
        axisFormat={currency ? currencyFormat(currency, true) : formatNumber}
        emptyText="No listings in this period."
      />
      <BarChart
        title="Average asking price by location"
        data={byLocation}
        loading={trends.loading}
        error={trends.error}
        label={(r) => r.label}
        value={(r) => r.value}
        format={(v) => money(v)}
        categoryLabel="Location"
        valueLabel="Average price"
        colorIndex={2}
        emptyText="No listings in this period."
        extraColumns={[{ header: "Listings", cell: (r) => formatNumber(r.count), numeric: true }]}
      />
      <BarChart
        title="Listings sold by month"
        orientation="vertical"
        data={[...new Set(series.map((p) => p.bucket))].sort().map((bucket) => ({
          bucket,
          sold: series.filter((p) => p.bucket === bucket).reduce((s, p) => s + p.soldCount, 0),
        }))}
        loading={trends.loading}
        error={trends.error}
        label={(r) =>
          new Intl.DateTimeFormat(undefined, {
            month: "short",
            year: "numeric",
            timeZone: "UTC",
          }).format(new Date(`${r.bucket}T00:00:00Z`))
        }
        value={(r) => r.sold}
        categoryLabel="Month"
        valueLabel="Sold"
        colorIndex={1}
        emptyText="No listing sold in this period."
      />
    </div>
  );
}
