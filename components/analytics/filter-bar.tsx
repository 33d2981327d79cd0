"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { useLeadOptions, useMembers, type MemberOption } from "@/lib/client/lead-hooks";
import { RANGE_PRESETS } from "./analytics-params";
import { teamIds, useAnalyticsFilters, useViewer } from "./use-analytics";

type MemberWithManager = MemberOption & { managerId?: string | null };

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="min-w-0 flex-1 basis-36 sm:flex-none">
      <label
        htmlFor={id}
        className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
      >
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={cn(inputClass, "sm:w-44")}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {!options.some((o) => o.value === value) && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}

function DateInput({
  label,
  value,
  onChange,
  min,
  max,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  min?: string;
  max?: string;
}) {
  const id = useId();
  return (
    <div className="min-w-0 flex-1 basis-36 sm:flex-none">
      <label
        htmlFor={id}
        className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
      >
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.value)}
        className={cn(inputClass, "sm:w-40")}
      />
    </div>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Period, whose numbers, source and bucket size — all in the URL and shared by every analytics
 * view. Reps only see their own numbers, so they get no owner or team choice.
 */
export function AnalyticsFilterBar() {
  const viewer = useViewer();
  const { filters, update } = useAnalyticsFilters();
  const members = (useMembers().data ?? []) as MemberWithManager[];
  const sources = useLeadOptions().data?.source.filter((o) => !o.retired) ?? [];
  const custom = Boolean(filters.from);
  const isRep = viewer.role === "sales_rep";
  const inScope =
    viewer.role === "manager"
      ? members.filter((m) => teamIds(members, viewer.userId).includes(m.id))
      : members;
  const managers = inScope.filter(
    (m) => m.role === "manager" || m.role === "owner" || m.role === "admin",
  );
  const filtered =
    custom ||
    filters.range !== "30d" ||
    filters.ownerId.length > 0 ||
    Boolean(filters.teamId) ||
    filters.source.length > 0 ||
    Boolean(filters.interval);

  return (
    <div role="search" aria-label="Analytics filters" className="flex flex-wrap items-end gap-3">
      <Select
        label="Period"
        value={custom ? "custom" : filters.range}
        options={[...RANGE_PRESETS, { value: "custom", label: "Custom dates…" }]}
        onChange={(v) =>
          v === "custom"
            ? update({ range: null, from: filters.from ?? daysAgo(29), to: filters.to ?? today() })
            : update({ range: v === "30d" ? null : v, from: null, to: null })
        }
      />
      {custom && (
        <>
          <DateInput
            label="From"
            value={filters.from ?? ""}
            max={filters.to ?? today()}
            onChange={(from) => from && update({ from })}
          />
          <DateInput
            label="To"
            value={filters.to ?? ""}
            min={filters.from ?? undefined}
            max={today()}
            onChange={(to) => update({ to })}
          />
        </>
      )}
      {!isRep && (
        <>
          <Select
            label="Team"
            value={filters.teamId ?? ""}
            options={[
              { value: "", label: viewer.role === "manager" ? "My team" : "All teams" },
              ...managers.map((m) => ({ value: m.id, label: `${m.name || m.email}’s team` })),
            ]}
            onChange={(teamId) => update({ teamId })}
          />
          <Select
            label="Owner"
            value={filters.ownerId.join(",")}
            options={[
              { value: "", label: "Everyone in scope" },
              { value: "me", label: "Me" },
              ...inScope
                .filter((m) => m.id !== viewer.userId)
                .map((m) => ({ value: m.id, label: m.name || m.email })),
            ]}
            onChange={(ownerId) => update({ ownerId })}
          />
        </>
      )}
      <Select
        label="Source"
        value={filters.source.join(",")}
        options={[
          { value: "", label: "All sources" },
          ...sources.map((s) => ({ value: s.value, label: s.label })),
        ]}
        onChange={(source) => update({ source })}
      />
      <Select
        label="Group by"
        value={filters.interval ?? ""}
        options={[
          { value: "", label: "Automatic" },
          { value: "day", label: "Day" },
          { value: "week", label: "Week" },
          { value: "month", label: "Month" },
        ]}
        onChange={(interval) => update({ interval })}
      />
      {filtered && (
        <Button
          variant="ghost"
          onClick={() =>
            update({
              range: null,
              from: null,
              to: null,
              ownerId: null,
              teamId: null,
              source: null,
              interval: null,
            })
          }
        >
          Reset filters
        </Button>
      )}
    </div>
  );
}
