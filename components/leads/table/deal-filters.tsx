"use client";

import { Field } from "@/components/ui/field";
import type { LeadsParams } from "./leads-params";
import { PopoverMenu } from "./popover-menu";
import { useDebouncedParam } from "./use-debounced-param";
import type { ParamPatch } from "./use-leads-url-state";

const DEAL_FILTERS = [
  { key: "minDealValue", label: "Deal value at least", type: "number" },
  { key: "maxDealValue", label: "Deal value at most", type: "number" },
  { key: "dealCurrency", label: "Deal currency (e.g. EUR, USD)", type: "text" },
  { key: "expectedCloseFrom", label: "Expected close from", type: "date" },
  { key: "expectedCloseTo", label: "Expected close to", type: "date" },
] as const;

type Update = (patch: ParamPatch, opts?: { replace?: boolean }) => void;

/** Deal value and expected close ranges, behind one button so the bar stays one line. */
export function DealFilters({ params, update }: { params: LeadsParams; update: Update }) {
  const active = DEAL_FILTERS.filter((f) => params.filters[f.key]).length;
  return (
    <PopoverMenu label="Deal filters" buttonLabel={active ? `Deal · ${active}` : "Deal"}>
      {() => (
        <div className="space-y-3 p-1">
          {DEAL_FILTERS.map((f) => (
            <DealFilterField
              key={f.key}
              filter={f}
              value={params.filters[f.key] ?? ""}
              update={update}
            />
          ))}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Amounts compare in each deal&apos;s own currency: set a currency to compare like with
            like.
          </p>
        </div>
      )}
    </PopoverMenu>
  );
}

function DealFilterField({
  filter,
  value,
  update,
}: {
  filter: (typeof DEAL_FILTERS)[number];
  value: string;
  update: Update;
}) {
  const input = useDebouncedParam(value, (v) => update({ [filter.key]: v }, { replace: true }));
  return (
    <Field
      label={filter.label}
      type={filter.type}
      inputMode={filter.type === "number" ? "decimal" : undefined}
      min={filter.type === "number" ? 0 : undefined}
      step={filter.type === "number" ? "any" : undefined}
      value={input.text}
      onChange={(e) => input.onChange(e.target.value)}
      onKeyDown={(e) => e.key === "Enter" && input.flush()}
      onBlur={() => value !== input.text.trim() && input.flush()}
    />
  );
}
