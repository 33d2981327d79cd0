"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/client/api";
import type { ConversationDetail } from "./conversation-types";
import type { useConversationActions } from "./use-conversations";

type Actions = ReturnType<typeof useConversationActions>;

/** Whether automation may still write to the lead, and the button that changes it. */
export function ModeControl({
  conversation,
  actions,
  myId,
  names,
}: {
  conversation: ConversationDetail;
  actions: Actions;
  myId?: string;
  names?: Map<string, string>;
}) {
  const manual = conversation.mode === "manual";
  const by = conversation.takenOverBy;
  const label = !manual
    ? "Automation on"
    : !by || by === myId
      ? "You're handling this lead"
      : `${names?.get(by) ?? "A teammate"} is handling this lead`;
  const error = actions.takeOver.error ?? actions.handBack.error;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <span
          role="status"
          data-testid="conversation-mode"
          className={cn(
            "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium",
            manual
              ? "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300"
              : "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
          )}
        >
          <span aria-hidden className="size-1.5 rounded-full bg-current" />
          {label}
        </span>
        {manual ? (
          <Button
            size="sm"
            variant="secondary"
            loading={actions.handBack.isPending}
            onClick={() => actions.handBack.mutate()}
          >
            Hand back
          </Button>
        ) : (
          <Button
            size="sm"
            variant="secondary"
            loading={actions.takeOver.isPending}
            onClick={() => actions.takeOver.mutate()}
          >
            Take over
          </Button>
        )}
      </div>
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
    </div>
  );
}
