"use client";

import Link from "next/link";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { useDebounced } from "@/lib/client/use-debounced";
import { ConversationList } from "./conversation-list";
import { ConversationThread } from "./conversation-thread";
import type { InboxFilters as Filters } from "./conversation-types";
import { InboxFilters, type FilterState } from "./inbox-filters";
import { UnmatchedList } from "./unmatched-list";
import { useConversationCounts, useConversationList } from "./use-conversations";

const INITIAL: FilterState = { tab: "all", mine: false, campaignId: "", channel: "", q: "" };

/**
 * The unified inbox: the list on the left, the chosen thread on the right. The thread is in the
 * URL (?id=<conversation> or ?lead=<lead>, which notifications link to) so it survives reloads.
 */
export function Inbox() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const id = search.get("id");
  const leadId = search.get("lead");
  const target = id ? { id } : leadId ? { leadId } : null;

  const [filters, setFilters] = useState(INITIAL);
  const q = useDebounced(filters.q.trim(), 250);
  const query: Filters = {
    unread: filters.tab === "unread" ? "true" : undefined,
    needsReply: filters.tab === "needsReply" ? "true" : undefined,
    ownerId: filters.mine ? "me" : undefined,
    campaignId: filters.campaignId || undefined,
    channel: filters.channel || undefined,
    q: q || undefined,
  };
  const list = useConversationList(query);
  const counts = useConversationCounts();
  const open = (conversationId: string) =>
    router.replace(`${pathname}?id=${conversationId}`, { scroll: false });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Conversations</h1>
        <Link
          href="/conversations/reviews"
          className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400"
        >
          Review queue
        </Link>
      </div>
      <div className="grid min-h-[32rem] grid-cols-1 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div
          className={cn(
            "min-w-0 border-slate-200 dark:border-slate-800 lg:border-r",
            target && "hidden lg:block",
          )}
        >
          <InboxFilters value={filters} onChange={setFilters} counts={counts.data} />
          <div className="max-h-[70vh] overflow-y-auto">
            {filters.tab === "unmatched" ? (
              <UnmatchedList />
            ) : (
              <ConversationList
                list={list}
                selectedId={id ?? undefined}
                selectedLeadId={leadId ?? undefined}
                onSelect={(c) => open(c.id)}
              />
            )}
          </div>
        </div>
        <div className={cn("min-w-0 p-4", !target && "hidden lg:block")}>
          {target ? (
            <>
              <button
                type="button"
                onClick={() => router.replace(pathname, { scroll: false })}
                className="mb-3 text-sm font-medium text-brand-700 hover:underline dark:text-brand-500 lg:hidden"
              >
                ← All conversations
              </button>
              <ConversationThread key={id ?? leadId} target={target} />
            </>
          ) : (
            <p className="py-16 text-center text-sm text-slate-600 dark:text-slate-400">
              Choose a conversation to read it.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
