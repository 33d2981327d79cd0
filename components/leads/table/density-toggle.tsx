"use client";

import { cn } from "@/components/ui/cn";
import type { Density } from "./use-table-prefs";

const CHOICES: { value: Density; label: string }[] = [
  { value: "comfortable", label: "Comfortable" },
  { value: "compact", label: "Compact" },
];

/** Row height: comfortable for reading, compact for scanning many leads at once. */
export function DensityToggle({
  density,
  onChange,
}: {
  density: Density;
  onChange: (density: Density) => void;
}) {
  return (
    <div
      role="group"
      aria-label="Row density"
      className="inline-flex h-9 rounded-lg border border-slate-300 p-0.5 dark:border-slate-700"
    >
      {CHOICES.map((c) => (
        <button
          key={c.value}
          type="button"
          aria-pressed={density === c.value}
          onClick={() => onChange(c.value)}
          className={cn(
            "rounded-md px-2.5 text-sm font-medium",
            density === c.value
              ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
              : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
          )}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
