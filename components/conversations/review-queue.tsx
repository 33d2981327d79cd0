"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import type { ClassifiedMessageDto } from "@/lib/ai/reply-reviews";
import { REPLY_CATEGORIES, type ReplyCategory } from "@/lib/ai/reply-classification";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { CATEGORY_LABELS } from "./message-classification";

interface ReviewPage {
  data: ClassifiedMessageDto[];
  pagination: { totalPages: number; total: number };
}

/** Under conversations' key, so a correction made in a thread refreshes the queue too. */
const reviewsKey = (page: number) => [...queryKeys.conversations.all, "reviews", page] as const;

const EXCERPT = 280;

/**
 * Replies the classifier wasn't sure about: a person confirms the suggested category or picks
 * another, and the item leaves the queue (the server marks it corrected and applies effects).
 */
export function ReviewQueue() {
  const [page, setPage] = useState(1);
  const reviews = useQuery({
    queryKey: reviewsKey(page),
    queryFn: ({ signal }) =>
      apiFetch<ReviewPage>("/ai/reviews", { query: { page, perPage: 20 }, signal }),
  });
  const total = reviews.data?.pagination.total;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          Review queue{total !== undefined ? ` (${total})` : ""}
        </h1>
        <Link
          href="/conversations"
          className="text-sm text-brand-700 underline dark:text-brand-300"
        >
          Back to conversations
        </Link>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Replies the classifier was not confident about. Confirm its suggestion or correct it; the
        reply&apos;s effects apply once you do.
      </p>
      {reviews.error ? (
        <Alert tone="error">{errorMessage(reviews.error)}</Alert>
      ) : !reviews.data ? (
        <p className="text-sm">Loading…</p>
      ) : reviews.data.data.length === 0 ? (
        <p className="text-sm">Nothing waiting for review.</p>
      ) : (
        <ul className="space-y-3" aria-label="Replies to review">
          {reviews.data.data.map((item) => (
            <ReviewItem key={item.messageId} item={item} />
          ))}
        </ul>
      )}
      <Pager page={page} pagination={reviews.data?.pagination} noun="replies" onPage={setPage} />
    </div>
  );
}

function ReviewItem({ item }: { item: ClassifiedMessageDto }) {
  const client = useQueryClient();
  const suggestion = item.classification;
  const decide = useMutation({
    mutationFn: (category: ReplyCategory) =>
      apiFetch(`/conversations/messages/${item.messageId}/classification`, {
        method: "POST",
        body: {
          category,
          ...(suggestion?.returnDate ? { returnDate: suggestion.returnDate } : {}),
        },
      }),
    // The item is handled: the refetched queue no longer lists it.
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.conversations.all }),
  });
  const excerpt =
    item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT).trimEnd()}…` : item.body;
  const label = item.leadName;
  return (
    <li
      aria-label={`Reply from ${label}`}
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link
          href={`/conversations?lead=${item.leadId}`}
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          {label}
        </Link>
        <time dateTime={item.occurredAt} className="text-xs text-slate-500">
          {new Date(item.occurredAt).toLocaleString()}
        </time>
      </div>
      {item.subject && <p className="font-medium">{item.subject}</p>}
      <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{excerpt}</p>
      {suggestion && (
        <p className="flex flex-wrap items-center gap-2">
          <span>Suggested:</span>
          <Badge tone="amber">{CATEGORY_LABELS[suggestion.category]}</Badge>
          <span>
            {Math.round(suggestion.confidence * 100)}% confident
            {suggestion.mode === "offline" ? " · offline" : ""}
          </span>
          <span className="text-slate-600 dark:text-slate-400">— {suggestion.rationale}</span>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {suggestion && (
          <Button
            size="sm"
            loading={decide.isPending}
            onClick={() => decide.mutate(suggestion.category)}
            aria-label={`Confirm ${CATEGORY_LABELS[suggestion.category]} for ${label}`}
          >
            Confirm
          </Button>
        )}
        <select
          aria-label={`Correct the category for ${label}`}
          value=""
          disabled={decide.isPending}
          onChange={(e) => {
            if (e.target.value) decide.mutate(e.target.value as ReplyCategory);
          }}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="">Correct to…</option>
          {REPLY_CATEGORIES.filter((k) => k !== suggestion?.category).map((k) => (
            <option key={k} value={k}>
              {CATEGORY_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {decide.isError && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {decide.error instanceof ApiError
            ? decide.error.message
            : "The decision could not be saved."}
        </p>
      )}
    </li>
  );
}
