"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { REPLY_CATEGORIES, type ReplyCategory } from "@/lib/ai/reply-classification";
import { ApiError, apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { ConversationMessage } from "./conversation-types";

export const CATEGORY_LABELS: Record<ReplyCategory, string> = {
  interested: "Interested",
  meeting_request: "Meeting request",
  question: "Question",
  not_interested: "Not interested",
  unsubscribe: "Unsubscribe",
  out_of_office: "Out of office",
  wrong_person: "Wrong person",
  bounce: "Bounce",
  auto_reply: "Auto-reply",
  other: "Other",
};

const TONE: Record<ReplyCategory, "neutral" | "green" | "amber" | "red" | "blue"> = {
  interested: "green",
  meeting_request: "green",
  question: "blue",
  not_interested: "neutral",
  unsubscribe: "red",
  out_of_office: "amber",
  wrong_person: "amber",
  bounce: "red",
  auto_reply: "neutral",
  other: "neutral",
};

/**
 * What an inbound message was classified as: category, confidence and whether the offline
 * classifier decided it, the rationale on hover and when expanded, and a one-step correction
 * (the server keeps it as a label and applies the corrected category).
 */
export function MessageClassification({ message }: { message: ConversationMessage }) {
  const client = useQueryClient();
  const selectId = useId();
  const [open, setOpen] = useState(false);
  const correct = useMutation({
    mutationFn: (category: ReplyCategory) =>
      apiFetch(`/conversations/messages/${message.id}/classification`, {
        method: "POST",
        body: { category },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.conversations.all }),
  });
  const c = message.classification;
  if (message.direction !== "inbound" || !c) return null;
  const percent = Math.round(c.confidence * 100);
  const state = message.classificationState;
  return (
    <div className="mt-2 text-xs text-slate-600 dark:text-slate-400">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        title={c.rationale}
        className="inline-flex flex-wrap items-center gap-1 rounded hover:opacity-80"
      >
        <Badge tone={TONE[c.category]}>{CATEGORY_LABELS[c.category]}</Badge>
        {state === "corrected" ? (
          <span>corrected</span>
        ) : (
          <span>
            {percent}%{c.mode === "offline" ? " · offline" : ""}
          </span>
        )}
        {state === "review" && <Badge tone="amber">Needs review</Badge>}
      </button>
      {open && (
        <div className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
          <p>{c.rationale}</p>
          {c.returnDate && <p>Back on {c.returnDate}</p>}
          {c.referral && (
            <p>
              Refers to{" "}
              {[c.referral.name, c.referral.title, c.referral.email].filter(Boolean).join(", ")}
            </p>
          )}
          <div className="flex items-center gap-2">
            <label htmlFor={selectId}>Correct to</label>
            <select
              id={selectId}
              value=""
              disabled={correct.isPending}
              onChange={(e) => {
                if (e.target.value) correct.mutate(e.target.value as ReplyCategory);
              }}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">Choose a category…</option>
              {REPLY_CATEGORIES.filter((k) => k !== c.category).map((k) => (
                <option key={k} value={k}>
                  {CATEGORY_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          {correct.isError && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {correct.error instanceof ApiError
                ? correct.error.message
                : "The correction could not be saved."}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
