"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { useLeadOptions } from "@/lib/client/lead-hooks";
import { apiQuery } from "./analytics-params";
import type { RecentActivity, RecentActivityItem } from "./analytics-types";
import { RelativeTime } from "./relative-time";
import { useAnalyticsFilters } from "./use-analytics";

const PAGE = 15;
const linkClass = "font-medium text-brand-700 hover:underline dark:text-brand-500";

/** What happened, as a sentence with the lead (or campaign) as a link. */
function What({
  item,
  statusLabel,
}: {
  item: RecentActivityItem;
  statusLabel: (v: string) => string;
}) {
  const lead = item.leadId ? (
    <Link href={`/leads/${item.leadId}`} className={linkClass}>
      {item.leadName || "Unnamed lead"}
    </Link>
  ) : (
    <span>a deleted lead</span>
  );
  const who = item.userName;
  switch (item.kind) {
    case "lead_created":
      return who ? (
        <>
          {who} added {lead}
        </>
      ) : (
        <>{lead} came in</>
      );
    case "status_changed":
      return (
        <>
          {lead} moved from {statusLabel(item.fromStatus ?? "")} to{" "}
          {statusLabel(item.toStatus ?? "")}
        </>
      );
    case "won":
      return (
        <>
          {lead} was won ({statusLabel(item.toStatus ?? "")})
        </>
      );
    case "reply_received":
      return (
        <>
          {lead} replied{item.campaignName ? ` to ${item.campaignName}` : ""}
        </>
      );
    case "call_logged":
      return (
        <>
          {who ?? "Someone"} called {lead}
          {item.detail ? ` — ${item.detail.replaceAll("_", " ")}` : ""}
        </>
      );
    case "campaign_launched":
      return (
        <>
          {who ?? "Someone"} launched{" "}
          {item.campaignId ? (
            <Link href={`/campaigns/${item.campaignId}`} className={linkClass}>
              {item.campaignName || "a campaign"}
            </Link>
          ) : (
            "a campaign"
          )}
        </>
      );
  }
}

/**
 * The latest happenings on the leads in the dashboard's scope and period, newest first, a page at
 * a time (the API pages by keyset, so "Show more" costs the same however far one reads).
 */
export function RecentActivityPanel() {
  const { filters } = useAnalyticsFilters();
  const statuses = useLeadOptions().data?.status;
  const statusLabel = (v: string) => statuses?.find((s) => s.value === v)?.label ?? v;
  const query = { ...apiQuery(filters), limit: String(PAGE) };
  const q = useInfiniteQuery({
    queryKey: ["analytics", "/analytics/recent-activity", query],
    queryFn: ({ signal, pageParam }) =>
      apiFetch<RecentActivity>("/analytics/recent-activity", {
        query: { ...query, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <section
      aria-labelledby="recent-activity-title"
      aria-busy={q.isFetching}
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="recent-activity-title" className="text-base font-semibold">
        Recent activity
      </h2>
      <p className="mb-3 mt-0.5 text-sm text-slate-600 dark:text-slate-400">
        Leads added, moved, won, replies and calls in this period, newest first
      </p>
      {q.isPending && (
        <div
          role="status"
          aria-label="Loading recent activity"
          className="h-40 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800"
        />
      )}
      {q.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Couldn’t load recent activity: {errorMessage(q.error)}
        </p>
      )}
      {q.data && items.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Nothing has happened in this period yet.
        </p>
      )}
      {items.length > 0 && (
        <ul
          aria-label="Recent activity"
          className="divide-y divide-slate-100 dark:divide-slate-800"
        >
          {items.map((item) => (
            <li
              key={item.id}
              className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2 text-sm"
            >
              <span className="min-w-0 text-slate-800 dark:text-slate-200">
                <What item={item} statusLabel={statusLabel} />
              </span>
              <RelativeTime
                iso={item.occurredAt}
                className="shrink-0 text-xs text-slate-600 dark:text-slate-400"
              />
            </li>
          ))}
        </ul>
      )}
      {q.hasNextPage && (
        <button
          type="button"
          onClick={() => q.fetchNextPage()}
          disabled={q.isFetchingNextPage}
          className="mt-2 rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {q.isFetchingNextPage ? "Loading…" : "Show more activity"}
        </button>
      )}
    </section>
  );
}
