/**
 * Series colours, light and dark. Literal class names (Tailwind only generates what it can read
 * in the source). Dark variants are lighter so marks keep their contrast on slate-900 cards.
 */
export const SERIES_FILL = [
  "fill-brand-600 dark:fill-brand-500",
  "fill-emerald-600 dark:fill-emerald-400",
  "fill-amber-500 dark:fill-amber-300",
  "fill-rose-600 dark:fill-rose-400",
  "fill-violet-600 dark:fill-violet-400",
  "fill-sky-600 dark:fill-sky-300",
  "fill-slate-500 dark:fill-slate-400",
] as const;

export const SERIES_STROKE = [
  "stroke-brand-600 dark:stroke-brand-500",
  "stroke-emerald-600 dark:stroke-emerald-400",
  "stroke-amber-500 dark:stroke-amber-300",
  "stroke-rose-600 dark:stroke-rose-400",
  "stroke-violet-600 dark:stroke-violet-400",
  "stroke-sky-600 dark:stroke-sky-300",
  "stroke-slate-500 dark:stroke-slate-400",
] as const;

export const SERIES_SWATCH = [
  "bg-brand-600 dark:bg-brand-500",
  "bg-emerald-600 dark:bg-emerald-400",
  "bg-amber-500 dark:bg-amber-300",
  "bg-rose-600 dark:bg-rose-400",
  "bg-violet-600 dark:bg-violet-400",
  "bg-sky-600 dark:bg-sky-300",
  "bg-slate-500 dark:bg-slate-400",
] as const;

export const seriesIndex = (i: number) => i % SERIES_FILL.length;

/** Axis text and grid lines. */
export const AXIS_TEXT = "fill-slate-600 text-[11px] dark:fill-slate-400";
export const GRID_LINE = "stroke-slate-200 dark:stroke-slate-800";
