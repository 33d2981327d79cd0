"use client";

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useLiveEvent } from "@/components/shell/live-events";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type {
  Conversation,
  ConversationCounts,
  ConversationDetail,
  ConversationMessage,
  InboxFilters,
  Paged,
} from "./conversation-types";

const PER_PAGE = 25;
const keys = queryKeys.conversations;

/** The inbox list, newest first, one keyset page after another ("Load more"). */
export function useConversationList(filters: InboxFilters) {
  const params = { ...filters, perPage: PER_PAGE };
  return useInfiniteQuery({
    queryKey: keys.list(params),
    queryFn: ({ signal, pageParam }) =>
      apiFetch<Paged<Conversation>>("/conversations", {
        query: { ...params, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.pagination.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useConversationCounts() {
  return useQuery({
    queryKey: keys.counts,
    queryFn: ({ signal }) => apiFetch<ConversationCounts>("/conversations/counts", { signal }),
  });
}

/** One conversation by its id, or the lead's conversation when only the lead is known. */
export function useConversation(target: { id: string } | { leadId: string }) {
  const byLead = "leadId" in target;
  return useQuery({
    queryKey: byLead ? keys.forLead(target.leadId) : keys.detail(target.id),
    queryFn: ({ signal }) =>
      apiFetch<ConversationDetail>(
        byLead ? `/leads/${target.leadId}/conversation` : `/conversations/${target.id}`,
        { signal },
      ),
  });
}

/**
 * Any conversation change (a reply arriving, one read elsewhere, a takeover) refetches the
 * inbox, its counts and the open thread. Mounted once, in the shell, so the nav badge stays live.
 */
export function useConversationsLive() {
  const client = useQueryClient();
  useLiveEvent("conversations.changed", () => {
    void client.invalidateQueries({ queryKey: keys.all });
  });
}

/** Read, reply, take over, hand back: each answer refreshes every conversation query. */
export function useConversationActions(id: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: keys.all });
  const path = `/conversations/${id}`;
  const markRead = useMutation({
    mutationFn: () => apiFetch<ConversationDetail>(`${path}/read`, { method: "POST" }),
    onSuccess: refresh,
  });
  const reply = useMutation({
    mutationFn: (body: { text: string; subject?: string }) =>
      apiFetch<ConversationMessage>(`${path}/messages`, { method: "POST", body }),
    onSuccess: refresh,
  });
  const takeOver = useMutation({
    mutationFn: () => apiFetch<ConversationDetail>(`${path}/takeover`, { method: "POST" }),
    onSuccess: refresh,
  });
  const handBack = useMutation({
    mutationFn: () => apiFetch<ConversationDetail>(`${path}/handback`, { method: "POST" }),
    onSuccess: refresh,
  });
  return { markRead, reply, takeOver, handBack };
}

export function useUnmatchedMessages(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.unmatched,
    queryFn: ({ signal, pageParam }) =>
      apiFetch<Paged<ConversationMessage>>("/conversations/unmatched", {
        query: { perPage: PER_PAGE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.pagination.nextCursor ?? undefined,
    enabled,
  });
}

export function useAssignUnmatched() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, leadId }: { messageId: string; leadId: string }) =>
      apiFetch<ConversationMessage>(`/conversations/unmatched/${messageId}/assign`, {
        method: "POST",
        body: { leadId },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** The signed-in user's id, to tell "You" from a teammate in threads. */
export function useMyUserId() {
  const me = useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => apiFetch<{ user: { id: string } | null }>("/auth/me", { signal }),
    staleTime: 5 * 60_000,
  });
  return me.data?.user?.id;
}
