"use client";

import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";

/**
 * One filter as a select with a visible-to-screen-readers label; "any" is the empty value. A URL
 * can hold several values (status=new,won) — shown as such rather than silently dropped.
 */
export function FilterSelect({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  anyLabel: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const known = value === "" || options.some((o) => o.value === value);
  return (
    <div className="min-w-0 flex-1 basis-36 sm:flex-none">
      <select
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={cn(inputClass, "sm:w-40", value && "border-brand-500 dark:border-brand-500")}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {!known && <option value={value}>{value.split(",").join(", ")}</option>}
      </select>
    </div>
  );
}
