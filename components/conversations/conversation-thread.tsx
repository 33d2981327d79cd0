"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { useMembers } from "@/lib/client/lead-hooks";
import { errorMessage } from "@/lib/client/api";
import type { ConversationDetail } from "./conversation-types";
import { MessageBubble } from "./message-bubble";
import { ModeControl } from "./mode-control";
import { ReplyBox } from "./reply-box";
import { useConversation, useConversationActions, useMyUserId } from "./use-conversations";

type Target = { id: string } | { leadId: string };

/** A conversation by id or by lead: loads it, marks it read while it is open. */
export function ConversationThread({
  target,
  showLead = true,
}: {
  target: Target;
  showLead?: boolean;
}) {
  const conversation = useConversation(target);
  if (conversation.isPending)
    return (
      <p role="status" className="p-4 text-sm text-slate-600 dark:text-slate-400">
        Loading…
      </p>
    );
  if (conversation.isError) return <Alert tone="error">{errorMessage(conversation.error)}</Alert>;
  return (
    <ThreadView key={conversation.data.id} conversation={conversation.data} showLead={showLead} />
  );
}

function ThreadView({
  conversation,
  showLead,
}: {
  conversation: ConversationDetail;
  showLead: boolean;
}) {
  const actions = useConversationActions(conversation.id);
  const myId = useMyUserId();
  const members = useMembers();
  const names = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.id, m.name || m.email])),
    [members.data],
  );
  const { markRead } = actions;
  // Opening a thread reads it; a reply arriving while it is open is read as it shows up.
  useEffect(() => {
    if (conversation.unreadCount > 0 && !markRead.isPending) markRead.mutate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-run only when new mail arrives
  }, [conversation.id, conversation.unreadCount]);

  const end = useRef<HTMLDivElement>(null);
  const count = conversation.messages.length;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "nearest" });
  }, [conversation.id, count]);

  const { lead } = conversation;
  const noEmail = !lead.email ? "This lead has no email address to reply to." : undefined;
  return (
    <section aria-label={`Conversation with ${lead.name}`} className="flex min-h-0 flex-col gap-3">
      <header className="flex flex-wrap items-start justify-between gap-3">
        {showLead ? (
          <div className="min-w-0">
            <h2 className="truncate text-base font-semibold">
              <Link href={`/leads/${lead.id}`} className="hover:underline">
                {lead.name}
              </Link>
            </h2>
            <p className="truncate text-sm text-slate-600 dark:text-slate-400">
              {[lead.email, lead.company].filter(Boolean).join(" · ")}
            </p>
          </div>
        ) : (
          <h2 className="sr-only">Conversation</h2>
        )}
        <ModeControl conversation={conversation} actions={actions} myId={myId} names={names} />
      </header>
      <div
        tabIndex={0}
        aria-label="Messages"
        className="max-h-[60vh] min-h-40 overflow-y-auto rounded-lg bg-slate-50 p-3 dark:bg-slate-950/60"
      >
        {count === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600 dark:text-slate-400">
            No messages with this lead yet.
          </p>
        ) : (
          <ol className="space-y-3">
            {conversation.messages.map((m) => (
              <MessageBubble
                key={m.id}
                message={m}
                leadName={lead.name}
                myId={myId}
                names={names}
              />
            ))}
          </ol>
        )}
        <div ref={end} />
      </div>
      <ReplyBox
        key={conversation.id}
        conversationId={conversation.id}
        reply={actions.reply}
        automated={conversation.mode === "automated"}
        disabledReason={noEmail}
      />
    </section>
  );
}
