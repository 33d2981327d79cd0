"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { LeadPage } from "./lead-types";
import { listQuery, type LeadsParams } from "./leads-params";

/** One page of GET /leads for the URL's filters; the previous page stays on screen meanwhile. */
export function useLeadsList(params: LeadsParams) {
  const query = listQuery(params);
  const queryKey = queryKeys.leads.list(query);
  const result = useQuery({
    queryKey,
    queryFn: ({ signal }) => apiFetch<LeadPage>("/leads", { query, signal }),
    placeholderData: keepPreviousData,
  });
  return { list: result, queryKey };
}
