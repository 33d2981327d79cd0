"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { CHANNEL_LABELS, type ConversationCounts } from "./conversation-types";

export type InboxTab = "all" | "unread" | "needsReply" | "unmatched";

export interface FilterState {
  tab: InboxTab;
  mine: boolean;
  campaignId: string;
  channel: string;
  q: string;
}

const TABS: { id: InboxTab; label: string; count?: keyof ConversationCounts }[] = [
  { id: "all", label: "All" },
  { id: "unread", label: "Unread", count: "unread" },
  { id: "needsReply", label: "Needs reply", count: "needsReply" },
  { id: "unmatched", label: "Unmatched", count: "unmatched" },
];

const CAMPAIGN_QUERY = { perPage: 100, sort: "-updatedAt" };

/** Which conversations the inbox shows: a view (with its count) and narrowing filters. */
export function InboxFilters({
  value,
  onChange,
  counts,
}: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  counts?: ConversationCounts;
}) {
  const id = useId();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const campaigns = useQuery({
    queryKey: queryKeys.campaigns.list(CAMPAIGN_QUERY),
    queryFn: ({ signal }) =>
      apiFetch<{ data: { id: string; name: string }[] }>("/campaigns", {
        query: CAMPAIGN_QUERY,
        signal,
      }),
    staleTime: 60_000,
  });
  const small = `${inputClass} h-9 py-1`;
  return (
    <div className="space-y-3 border-b border-slate-200 p-3 dark:border-slate-800">
      <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
        {TABS.map((t) => {
          const n = t.count && counts ? counts[t.count] : undefined;
          return (
            <button
              key={t.id}
              type="button"
              aria-pressed={value.tab === t.id}
              onClick={() => set({ tab: t.id })}
              className={cn(
                "rounded-lg px-2.5 py-1.5 text-sm font-medium",
                value.tab === t.id
                  ? "bg-brand-600 text-white"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
            >
              {t.label}
              {n ? <span className="ml-1 text-xs opacity-80">({n})</span> : null}
            </button>
          );
        })}
      </div>
      {value.tab !== "unmatched" && (
        <div className="grid grid-cols-2 gap-2">
          <div className="col-span-2">
            <label htmlFor={`${id}-q`} className="sr-only">
              Search conversations
            </label>
            <input
              id={`${id}-q`}
              type="search"
              value={value.q}
              placeholder="Search name, email, company"
              onChange={(e) => set({ q: e.target.value })}
              className={small}
            />
          </div>
          <div>
            <label htmlFor={`${id}-campaign`} className="sr-only">
              Campaign
            </label>
            <select
              id={`${id}-campaign`}
              value={value.campaignId}
              onChange={(e) => set({ campaignId: e.target.value })}
              className={small}
            >
              <option value="">All campaigns</option>
              {campaigns.data?.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-channel`} className="sr-only">
              Channel
            </label>
            <select
              id={`${id}-channel`}
              value={value.channel}
              onChange={(e) => set({ channel: e.target.value })}
              className={small}
            >
              <option value="">All channels</option>
              {Object.entries(CHANNEL_LABELS).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <label className="col-span-2 flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
            <input
              type="checkbox"
              checked={value.mine}
              onChange={(e) => set({ mine: e.target.checked })}
            />
            Only my leads
          </label>
        </div>
      )}
    </div>
  );
}
