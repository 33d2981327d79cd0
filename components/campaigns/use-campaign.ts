"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Campaign, CampaignStatus } from "./campaign-types";

/** While a campaign is sending (or about to), its numbers move: poll them every few seconds. */
export const LIVE_POLL_MS = 5_000;
export const isLive = (status: CampaignStatus | undefined) =>
  status === "active" || status === "scheduled";

export function useCampaign(id: string) {
  return useQuery({
    queryKey: queryKeys.campaigns.detail(id),
    queryFn: ({ signal }) => apiFetch<Campaign>(`/campaigns/${id}`, { signal }),
    refetchInterval: (q) => (isLive(q.state.data?.status) ? LIVE_POLL_MS : false),
  });
}
