"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import { ReplySuggestions } from "./reply-suggestions";
import type { useConversationActions } from "./use-conversations";
import { useDraftReply, useReplySuggestions } from "./use-drafting";

type Reply = ReturnType<typeof useConversationActions>["reply"];

/**
 * Write back by hand — or start from a suggested reply or a full AI draft (offline ones are
 * labelled). Sending takes the conversation over, so the box says so beforehand.
 */
export function ReplyBox({
  conversationId,
  reply,
  automated,
  disabledReason,
}: {
  conversationId: string;
  reply: Reply;
  automated: boolean;
  disabledReason?: string;
}) {
  const [text, setText] = useState("");
  const [showSuggestions, setShowSuggestions] = useState(false);
  // Where the text came from, so the box can say an offline draft needs a closer look.
  const [origin, setOrigin] = useState<{ mode: "llm" | "offline"; notes?: string } | null>(null);
  const suggestions = useReplySuggestions(conversationId, showSuggestions);
  const draft = useDraftReply(conversationId);
  const id = useId();
  const disabled = Boolean(disabledReason);
  const fill = (value: string, from: { mode: "llm" | "offline"; notes?: string }) => {
    setText(value);
    setOrigin(from);
    document.getElementById(id)?.focus();
  };
  const send = () => {
    if (!text.trim() || reply.isPending) return;
    reply.mutate(
      { text },
      {
        onSuccess: () => {
          setText("");
          setOrigin(null);
          setShowSuggestions(false);
        },
      },
    );
  };
  return (
    <form
      aria-label="Write a reply"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label
          htmlFor={id}
          className="block text-sm font-medium text-slate-700 dark:text-slate-300"
        >
          Reply
        </label>
        <div className="flex gap-2">
          <Button
            type="button"
            size="sm"
            variant="secondary"
            disabled={disabled}
            aria-expanded={showSuggestions}
            onClick={() => setShowSuggestions((v) => !v)}
          >
            {showSuggestions ? "Hide suggestions" : "Suggest replies"}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="secondary"
            disabled={disabled}
            loading={draft.isPending}
            onClick={() =>
              draft.mutate({}, { onSuccess: (d) => fill(d.text, { mode: d.mode, notes: d.notes }) })
            }
          >
            Draft with AI
          </Button>
        </div>
      </div>
      {showSuggestions && (
        <ReplySuggestions
          query={suggestions}
          onPick={(s) =>
            fill(s.text, {
              mode: suggestions.data?.mode ?? "offline",
              notes: suggestions.data?.notes,
            })
          }
        />
      )}
      {draft.isError && <Alert tone="error">{errorMessage(draft.error)}</Alert>}
      <textarea
        id={id}
        rows={text ? 8 : 4}
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            send();
          }
        }}
        aria-describedby={`${id}-hint`}
        placeholder={disabledReason ?? "Write your reply…"}
        className={inputClass}
      />
      {origin && text && (
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
          {origin.mode === "offline" ? (
            <Badge tone="amber">Offline draft</Badge>
          ) : (
            <Badge tone="blue">AI draft</Badge>
          )}
          <span>
            {origin.mode === "offline"
              ? "Built from your templates and the lead's fields — check it before sending."
              : "Written by your AI model — check it before sending."}
          </span>
        </p>
      )}
      {reply.isError && <Alert tone="error">{errorMessage(reply.error)}</Alert>}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {automated ? "Sending pauses this lead's automated sequences until you hand back. " : ""}
          Ctrl+Enter sends.
        </p>
        <Button type="submit" loading={reply.isPending} disabled={!text.trim() || disabled}>
          Send reply
        </Button>
      </div>
    </form>
  );
}
