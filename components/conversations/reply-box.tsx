"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import type { useConversationActions } from "./use-conversations";

type Reply = ReturnType<typeof useConversationActions>["reply"];

/** Write back by hand. Sending takes the conversation over, so the box says so beforehand. */
export function ReplyBox({
  reply,
  automated,
  disabledReason,
}: {
  reply: Reply;
  automated: boolean;
  disabledReason?: string;
}) {
  const [text, setText] = useState("");
  const id = useId();
  const send = () => {
    if (!text.trim() || reply.isPending) return;
    reply.mutate({ text }, { onSuccess: () => setText("") });
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
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        Reply
      </label>
      <textarea
        id={id}
        rows={4}
        value={text}
        disabled={Boolean(disabledReason)}
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
      {reply.isError && <Alert tone="error">{errorMessage(reply.error)}</Alert>}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {automated ? "Sending pauses this lead's automated sequences until you hand back. " : ""}
          Ctrl+Enter sends.
        </p>
        <Button
          type="submit"
          loading={reply.isPending}
          disabled={!text.trim() || Boolean(disabledReason)}
        >
          Send reply
        </Button>
      </div>
    </form>
  );
}
