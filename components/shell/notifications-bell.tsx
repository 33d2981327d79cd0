"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { z } from "zod";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/components/ui/use-dismiss";
import { apiFetch } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import type { notificationSchema } from "@/lib/notifications/notifications";
import { useLiveEvent } from "./live-events";

type Notification = z.infer<typeof notificationSchema>;
interface NotificationList {
  data: Notification[];
  unreadCount: number;
}

const LIST = { perPage: 10 };

/** The bell: unread count kept live by the event stream, the latest notifications on click. */
export function NotificationsBell() {
  const client = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, () => setOpen(false));

  const list = useQuery({
    queryKey: queryKeys.notifications.list(LIST),
    queryFn: ({ signal }) => apiFetch<NotificationList>("/notifications", { query: LIST, signal }),
  });
  useLiveEvent("notifications", (data) => {
    const { unreadCount } = data as { unreadCount: number };
    client.setQueryData<NotificationList>(queryKeys.notifications.list(LIST), (old) =>
      old ? { ...old, unreadCount } : old,
    );
    if (unreadCount !== list.data?.unreadCount) {
      void client.invalidateQueries({ queryKey: queryKeys.notifications.all });
    }
  });

  const markRead = useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/notifications/${id}`, { method: "PATCH", body: { read: true } }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
  const markAll = useMutation({
    mutationFn: () => apiFetch("/notifications/read-all", { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });

  const unread = list.data?.unreadCount ?? 0;
  const openNotification = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link) router.push(n.link);
  };

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className="relative rounded-lg p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor">
          <path
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
          />
        </svg>
        <span className="sr-only">
          Notifications{unread > 0 ? `, ${unread} unread` : ", none unread"}
        </span>
        {unread > 0 && (
          <span
            aria-hidden
            data-testid="unread-count"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          role="region"
          aria-label="Notifications"
          className="absolute right-0 z-20 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white shadow-lg dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2 dark:border-slate-800">
            <p className="text-sm font-semibold">Notifications</p>
            <button
              type="button"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
              className="text-xs font-medium text-brand-700 hover:underline disabled:text-slate-400 disabled:no-underline dark:text-brand-500"
            >
              Mark all as read
            </button>
          </div>
          {list.isError && (
            <p className="px-3 py-4 text-sm text-red-700 dark:text-red-400">{list.error.message}</p>
          )}
          {list.data?.data.length === 0 && (
            <p className="px-3 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
              You&apos;re all caught up.
            </p>
          )}
          <ul className="max-h-96 overflow-y-auto py-1">
            {list.data?.data.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  onClick={() => openNotification(n)}
                  className={cn(
                    "block w-full px-3 py-2 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800",
                    !n.readAt && "bg-brand-50/60 dark:bg-slate-800/60",
                  )}
                >
                  <span className="flex items-start gap-2">
                    {!n.readAt && (
                      <span
                        aria-hidden
                        className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600"
                      />
                    )}
                    <span className="min-w-0">
                      <span className="block font-medium">
                        {!n.readAt && <span className="sr-only">Unread: </span>}
                        {n.title}
                      </span>
                      {n.body && (
                        <span className="block truncate text-slate-600 dark:text-slate-400">
                          {n.body}
                        </span>
                      )}
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {formatDateTime(n.createdAt)}
                      </span>
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
