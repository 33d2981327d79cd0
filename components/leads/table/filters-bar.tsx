"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { useLeadOptions, useMembers } from "@/lib/client/lead-hooks";
import { DealFilters } from "./deal-filters";
import { FilterSelect } from "./filter-select";
import type { LeadsParams } from "./leads-params";
import { ReachedStatusFilter } from "./reached-status-filter";
import { useDebouncedParam } from "./use-debounced-param";
import type { ParamPatch } from "./use-leads-url-state";
import { useSlashFocus } from "./use-slash-focus";

/** Search and the everyday filters; each change is a URL change (shareable, back-able). */
export function FiltersBar({
  params,
  update,
  onClear,
  filtered,
}: {
  params: LeadsParams;
  update: (patch: ParamPatch, opts?: { replace?: boolean }) => void;
  onClear: () => void;
  filtered: boolean;
}) {
  const options = useLeadOptions().data;
  const members = useMembers().data;
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);
  const search = useDebouncedParam(params.q, (q) => update({ q }, { replace: true }));
  const tag = useDebouncedParam(params.tag, (t) => update({ tag: t }, { replace: true }));
  const live = (o: { value: string; label: string; retired?: boolean }[] | undefined) =>
    (o ?? []).filter((x) => !x.retired).map(({ value, label }) => ({ value, label }));

  return (
    <div role="search" aria-label="Filter leads" className="flex flex-wrap items-center gap-2">
      <div className="relative w-full sm:w-72">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search this list"
          value={search.text}
          onChange={(e) => search.onChange(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && search.flush()}
          placeholder="Search name, email, company, phone"
          aria-keyshortcuts="/"
          className={cn(inputClass, "pr-8", params.q && "border-brand-500")}
        />
        {!search.text && (
          <kbd
            aria-hidden
            className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400"
          >
            /
          </kbd>
        )}
      </div>
      <FilterSelect
        label="Status"
        anyLabel="Any status"
        value={params.status}
        options={live(options?.status)}
        onChange={(status) => update({ status })}
      />
      <FilterSelect
        label="Owner"
        anyLabel="Any owner"
        value={params.ownerId}
        options={[
          { value: "me", label: "Me" },
          { value: "unassigned", label: "Unassigned" },
          ...(members ?? []).map((m) => ({ value: m.id, label: m.name || m.email })),
        ]}
        onChange={(ownerId) => update({ ownerId })}
      />
      <FilterSelect
        label="Source"
        anyLabel="Any source"
        value={params.source}
        options={live(options?.source)}
        onChange={(source) => update({ source })}
      />
      <FilterSelect
        label="Temperature"
        anyLabel="Any temperature"
        value={params.temperature}
        options={options?.temperature ?? []}
        onChange={(temperature) => update({ temperature })}
      />
      <DealFilters params={params} update={update} />
      <div className="min-w-0 flex-1 basis-36 sm:flex-none">
        <input
          type="text"
          aria-label="Tag"
          value={tag.text}
          onChange={(e) => tag.onChange(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && tag.flush()}
          placeholder="Tag"
          className={cn(inputClass, "sm:w-32", params.tag && "border-brand-500")}
        />
      </div>
      <ReachedStatusFilter params={params} update={update} />
      {filtered && (
        <Button variant="ghost" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
