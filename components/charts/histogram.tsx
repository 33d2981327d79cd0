"use client";

import { BarChart, type BarChartProps } from "./bar-chart";

/** A distribution over ordered buckets (score 0–9, 10–19, …): touching vertical bars. */
export function Histogram<T>(props: Omit<BarChartProps<T>, "orientation" | "contiguous">) {
  return <BarChart {...props} orientation="vertical" contiguous />;
}
