"use client";

import { LoadMore } from "./load-more";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { AssignLeadDialog } from "./assign-lead-dialog";
import type { ConversationMessage } from "./conversation-types";
import { MessageBadges } from "./message-badges";
import { useUnmatchedMessages } from "./use-conversations";

/** Inbound mail no lead was found for, kept until someone says whose it is. */
export function UnmatchedList() {
  const list = useUnmatchedMessages(true);
  const [assigning, setAssigning] = useState<ConversationMessage>();
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (list.isPending)
    return (
      <p role="status" className="p-4 text-sm text-slate-600 dark:text-slate-400">
        Loading…
      </p>
    );
  if (list.isError)
    return <p className="p-4 text-sm text-red-700 dark:text-red-400">{errorMessage(list.error)}</p>;
  return (
    <div>
      {rows.length === 0 && (
        <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">
          Every inbound message has found its lead.
        </p>
      )}
      <ul
        aria-label="Unmatched messages"
        className="divide-y divide-slate-100 dark:divide-slate-800"
      >
        {rows.map((m) => (
          <li key={m.id} className="space-y-1 px-3 py-3 text-sm">
            <div className="flex items-baseline justify-between gap-2">
              <span className="truncate font-medium">{m.from ?? "Unknown sender"}</span>
              <time
                dateTime={m.occurredAt}
                className="shrink-0 text-xs text-slate-600 dark:text-slate-400"
              >
                {formatDateTime(m.occurredAt)}
              </time>
            </div>
            {m.subject && (
              <p className="truncate text-slate-800 dark:text-slate-200">{m.subject}</p>
            )}
            <p className="line-clamp-2 text-slate-600 dark:text-slate-400">{m.body}</p>
            <div className="flex items-center justify-between gap-2">
              <span className="flex gap-1">
                <MessageBadges message={m} />
              </span>
              <Button
                size="sm"
                variant="secondary"
                aria-label={`Assign the message from ${m.from ?? "unknown sender"} to a lead`}
                onClick={() => setAssigning(m)}
              >
                Assign to lead
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore list={list} />
      {assigning && (
        <AssignLeadDialog message={assigning} onClose={() => setAssigning(undefined)} />
      )}
    </div>
  );
}
