"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { UpdateLeadInput } from "@/lib/leads/lead-schemas";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { LeadDetail } from "./lead-types";

export function useLead(id: string) {
  return useQuery({
    queryKey: queryKeys.leads.detail(id),
    queryFn: ({ signal }) => apiFetch<LeadDetail>(`/leads/${id}`, { signal }),
  });
}

/** The same lead in the trash — asked only once the live one is not found. */
export function useTrashedLead(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.leads.detail(id), "trash"],
    queryFn: ({ signal }) =>
      apiFetch<LeadDetail>(`/leads/${id}`, { query: { deleted: "true" }, signal }),
    enabled,
  });
}

/**
 * After any change to a lead: store the fresh copy if the API returned one, and refetch what
 * derives from it — its timeline (every write lands there) and the lists, counts and stats the
 * table shows. Sibling tabs (notes, reminders, …) are left alone unless they changed themselves.
 */
export function refreshLead(client: QueryClient, id: string, lead?: LeadDetail) {
  if (lead) client.setQueryData(queryKeys.leads.detail(id), lead);
  else void client.invalidateQueries({ queryKey: queryKeys.leads.detail(id), exact: true });
  void client.invalidateQueries({ queryKey: queryKeys.leads.timeline(id) });
  for (const kind of ["list", "count", "stats", "search"]) {
    void client.invalidateQueries({ queryKey: [...queryKeys.leads.all, kind] });
  }
}

/** PATCH the lead; the 200 carries the whole lead, which replaces the cached one. */
export function useUpdateLead(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateLeadInput) =>
      apiFetch<LeadDetail>(`/leads/${id}`, { method: "PATCH", body }),
    onSuccess: (lead) => refreshLead(client, id, lead),
  });
}
