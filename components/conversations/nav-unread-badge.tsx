"use client";

import { useConversationCounts, useConversationsLive } from "./use-conversations";

/**
 * The navigation's unread count. The shell always shows it, so this is also where the
 * conversations live-event subscription lives: every open conversation query refreshes from it.
 */
export function NavUnreadBadge() {
  useConversationsLive();
  const counts = useConversationCounts();
  const unread = counts.data?.unread ?? 0;
  if (unread === 0) return null;
  return (
    <span
      data-testid="nav-unread-conversations"
      className="ml-auto min-w-5 rounded-full bg-brand-600 px-1.5 text-center text-xs font-semibold leading-5 text-white"
    >
      {unread > 99 ? "99+" : unread}
      <span className="sr-only"> unread</span>
    </span>
  );
}
