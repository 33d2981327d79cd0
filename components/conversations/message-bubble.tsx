"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/lib/client/format";
import { CHANNEL_LABELS, type ConversationMessage } from "./conversation-types";
import { MessageBadges } from "./message-badges";
import { MessageClassification } from "./message-classification";

/** Who wrote it, as the rep thinks of it. */
function authorLabel(
  m: ConversationMessage,
  leadName: string,
  myId?: string,
  names?: Map<string, string>,
) {
  if (m.author === "lead") return leadName || "Lead";
  if (m.author === "ai") return "AI";
  if (m.author === "system")
    return m.direction === "inbound" ? (m.from ?? "Mail server") : "Automation";
  if (m.authorUserId && m.authorUserId === myId) return "You";
  return (m.authorUserId && names?.get(m.authorUserId)) || "Teammate";
}

/** One message: the lead's on the left, ours on the right, with its delivery state. */
export function MessageBubble({
  message,
  leadName,
  myId,
  names,
}: {
  message: ConversationMessage;
  leadName: string;
  myId?: string;
  names?: Map<string, string>;
}) {
  const [showFull, setShowFull] = useState(false);
  const inbound = message.direction === "inbound";
  const hasQuoted = Boolean(message.fullText && message.fullText.trim() !== message.body.trim());
  const author = authorLabel(message, leadName, myId, names);
  return (
    <li className={cn("flex", inbound ? "justify-start" : "justify-end")}>
      <article
        aria-label={`${inbound ? "From" : "Sent by"} ${author}, ${formatDateTime(message.occurredAt)}`}
        data-direction={message.direction}
        className={cn(
          "max-w-[85%] rounded-2xl border px-4 py-3 text-sm shadow-sm",
          inbound
            ? "rounded-bl-sm border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800"
            : "rounded-br-sm border-brand-100 bg-brand-50 dark:border-slate-700 dark:bg-slate-950",
        )}
      >
        <header className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span className="font-semibold text-slate-800 dark:text-slate-200">{author}</span>
          <time dateTime={message.occurredAt}>{formatDateTime(message.occurredAt)}</time>
          {message.channel !== "email" && <span>· {CHANNEL_LABELS[message.channel]}</span>}
          <MessageBadges message={message} />
        </header>
        {message.subject && (
          <p className="mb-1 font-medium text-slate-900 dark:text-slate-100">{message.subject}</p>
        )}
        <p className="whitespace-pre-wrap break-words text-slate-800 dark:text-slate-200">
          {message.body || <span className="italic text-slate-500">(no text)</span>}
        </p>
        {message.error && (
          <p className="mt-1 text-xs text-red-700 dark:text-red-400">{message.error}</p>
        )}
        {inbound && <MessageClassification message={message} />}
        {hasQuoted && (
          <div className="mt-2">
            <button
              type="button"
              aria-expanded={showFull}
              onClick={() => setShowFull((v) => !v)}
              className="text-xs font-medium text-brand-700 hover:underline dark:text-brand-500"
            >
              {showFull ? "Hide quoted text" : "Show quoted text"}
            </button>
            {showFull && (
              <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap break-words border-l-2 border-slate-300 pl-3 font-sans text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400">
                {message.fullText}
              </pre>
            )}
          </div>
        )}
      </article>
    </li>
  );
}
