"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { useLeadOptions, useMembers } from "@/lib/client/lead-hooks";
import { queryKeys } from "@/lib/client/query-keys";
import { describeActivity } from "./describe-activity";
import type { TimelineItem, TimelinePage } from "./lead-types";

/**
 * Everything that happened to the lead, newest first. The next page loads when the end of the
 * list scrolls into view; the button does the same for keyboards and browsers without
 * IntersectionObserver.
 */
export function TimelineFeed({ leadId }: { leadId: string }) {
  const options = useLeadOptions();
  const members = useMembers();
  const timeline = useInfiniteQuery({
    queryKey: queryKeys.leads.timeline(leadId),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TimelinePage>(`/leads/${leadId}/timeline`, {
        query: { perPage: 25, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (timeline.isLoading)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  if (timeline.isError && !timeline.data)
    return <Alert tone="error">{errorMessage(timeline.error)}</Alert>;
  const items = timeline.data?.pages.flatMap((p) => p.data) ?? [];
  const memberName = (id: string) => members.data?.find((m) => m.id === id)?.name;

  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing has happened yet.</p>
      ) : (
        <ol
          aria-label="Timeline"
          className="relative space-y-4 border-l border-slate-200 pl-5 dark:border-slate-700"
        >
          {items.map((item) => {
            const { title, details } = describeActivity(item, {
              options: options.data,
              memberName,
              formatDateTime,
            });
            return (
              <li key={item.id} className="relative">
                <span
                  aria-hidden
                  className="absolute -left-[1.65rem] top-1.5 size-2.5 rounded-full border-2 border-white bg-brand-600 dark:border-slate-900 dark:bg-brand-500"
                />
                <p className="text-sm font-medium">{title}</p>
                {details.filter(Boolean).map((line, i) => (
                  <p
                    key={i}
                    className="text-sm break-words whitespace-pre-line text-slate-700 dark:text-slate-300"
                  >
                    {line}
                  </p>
                ))}
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
                  {actorLabel(item.actor)}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <div ref={sentinel} />
      {hasNextPage && (
        <Button
          variant="secondary"
          loading={isFetchingNextPage}
          onClick={() => void fetchNextPage()}
        >
          Load more
        </Button>
      )}
      {timeline.isFetchNextPageError && <Alert tone="error">{errorMessage(timeline.error)}</Alert>}
    </div>
  );
}

function actorLabel(actor: TimelineItem["actor"]) {
  if (actor?.name) return ` · ${actor.name}`;
  if (actor?.type === "api_key") return " · via the API";
  if (actor?.type === "system") return " · automatic";
  return "";
}
