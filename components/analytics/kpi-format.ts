import {
  currencyFormat,
  formatDuration,
  formatNumber,
  formatPercent,
  type ValueFormat,
} from "@/components/charts/format";

export type KpiUnit = "count" | "ratio" | "money" | "seconds";

export function unitFormat(unit: KpiUnit, currency: string): ValueFormat {
  if (unit === "ratio") return formatPercent;
  if (unit === "money") return currencyFormat(currency);
  if (unit === "seconds") return formatDuration;
  return formatNumber;
}

/** Rates that are null (nothing to divide by) read as a dash, not as 0 %. */
export const rateText = (v: number | null | undefined) => (v == null ? "—" : formatPercent(v));
