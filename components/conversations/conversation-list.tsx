"use client";

import { LoadMore } from "./load-more";

import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/client/api";
import { CHANNEL_LABELS, type Conversation } from "./conversation-types";
import { onListKeyDown } from "./list-keys";
import { relativeTime } from "./relative-time";
import type { useConversationList } from "./use-conversations";

type ListQuery = ReturnType<typeof useConversationList>;

/** The inbox rows: lead, preview, when, unread count; arrow keys move between rows. */
export function ConversationList({
  list,
  selectedId,
  selectedLeadId,
  onSelect,
}: {
  list: ListQuery;
  selectedId?: string;
  selectedLeadId?: string;
  onSelect: (c: Conversation) => void;
}) {
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (list.isPending)
    return (
      <p role="status" className="p-4 text-sm text-slate-600 dark:text-slate-400">
        Loading…
      </p>
    );
  if (list.isError)
    return <p className="p-4 text-sm text-red-700 dark:text-red-400">{errorMessage(list.error)}</p>;
  if (rows.length === 0)
    return (
      <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">
        No conversations match.
      </p>
    );
  return (
    <div>
      <ul
        aria-label="Conversations"
        onKeyDown={onListKeyDown}
        className="divide-y divide-slate-100 dark:divide-slate-800"
      >
        {rows.map((c) => (
          <li key={c.id}>
            <ConversationRow
              c={c}
              selected={c.id === selectedId || c.lead.id === selectedLeadId}
              onSelect={() => onSelect(c)}
            />
          </li>
        ))}
      </ul>
      <LoadMore list={list} />
    </div>
  );
}

function ConversationRow({
  c,
  selected,
  onSelect,
}: {
  c: Conversation;
  selected: boolean;
  onSelect: () => void;
}) {
  const unread = c.unreadCount > 0;
  return (
    <button
      type="button"
      data-list-item
      aria-current={selected ? "true" : undefined}
      onClick={onSelect}
      className={cn(
        "block w-full px-3 py-3 text-left text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500",
        selected ? "bg-brand-50 dark:bg-slate-800" : "hover:bg-slate-50 dark:hover:bg-slate-800/60",
      )}
    >
      <span className="flex items-baseline justify-between gap-2">
        <span className={cn("truncate", unread ? "font-semibold" : "font-medium")}>
          {unread && <span className="sr-only">Unread: </span>}
          {c.lead.name}
        </span>
        <time
          dateTime={c.lastMessageAt}
          className="shrink-0 text-xs text-slate-600 dark:text-slate-400"
        >
          {relativeTime(c.lastMessageAt)}
        </time>
      </span>
      {c.lead.company && (
        <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
          {c.lead.company}
        </span>
      )}
      <span className="mt-1 flex items-center gap-2">
        <span
          className={cn(
            "min-w-0 flex-1 truncate",
            unread ? "text-slate-900 dark:text-slate-100" : "text-slate-600 dark:text-slate-400",
          )}
        >
          {c.preview || "—"}
        </span>
        {c.mode === "manual" && (
          <span className="shrink-0 text-xs text-amber-700 dark:text-amber-400">Manual</span>
        )}
        {c.needsReply && (
          <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">Needs reply</span>
        )}
        {c.lastChannel && c.lastChannel !== "email" && (
          <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
            {CHANNEL_LABELS[c.lastChannel]}
          </span>
        )}
        {unread && (
          <span
            data-testid="conversation-unread"
            className="shrink-0 rounded-full bg-brand-600 px-1.5 text-xs font-semibold leading-5 text-white"
          >
            {c.unreadCount}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </span>
    </button>
  );
}
