"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Draft, Suggestions } from "@/lib/ai/drafting/draft-schemas";

/** Under the conversation's key, so a new message (which refetches the thread) refreshes them. */
const suggestionsKey = (conversationId: string) =>
  [...queryKeys.conversations.detail(conversationId), "suggestions"] as const;

/**
 * Suggested replies to the lead's latest message. Only fetched once asked for (`enabled`): each
 * fetch may spend the organization's AI tokens.
 */
export function useReplySuggestions(conversationId: string, enabled: boolean) {
  return useQuery({
    queryKey: suggestionsKey(conversationId),
    queryFn: ({ signal }) =>
      apiFetch<Suggestions>(`/conversations/${conversationId}/suggestions`, { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** A full reply drafted for the conversation (nothing is sent). */
export function useDraftReply(conversationId: string) {
  return useMutation({
    mutationFn: (body: { instructions?: string }) =>
      apiFetch<Draft>(`/conversations/${conversationId}/generate-response`, {
        method: "POST",
        body,
      }),
  });
}
