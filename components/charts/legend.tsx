import { cn } from "@/components/ui/cn";
import { SERIES_SWATCH, seriesIndex } from "./palette";

/** Series names beside their colour; the colour is never the only cue (tables name them too). */
export function Legend({ items }: { items: { label: string; dashed?: boolean }[] }) {
  if (items.length < 2) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      {items.map((item, i) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className={cn(
              "inline-block h-2.5 w-4 rounded-sm",
              SERIES_SWATCH[seriesIndex(i)],
              item.dashed && "opacity-60",
            )}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
