"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Lead, LeadPage, LeadPatch } from "./lead-types";

export interface LeadUpdate {
  lead: Lead;
  patch: LeadPatch;
  /** How the row should look until the server answers (e.g. the new owner's name). */
  optimistic: Partial<Lead>;
}

/**
 * PATCH one lead from a table cell. The row changes at once; a refusal (403, 422, …) puts it
 * back and leaves the error for the table to show.
 */
export function useUpdateLead(listKey: QueryKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ lead, patch }: LeadUpdate) =>
      apiFetch<Lead>(`/leads/${lead.id}`, { method: "PATCH", body: patch }),
    onMutate: async ({ lead, optimistic }) => {
      await client.cancelQueries({ queryKey: listKey });
      const previous = client.getQueryData<LeadPage>(listKey);
      client.setQueryData<LeadPage>(listKey, (page) =>
        page
          ? {
              ...page,
              data: page.data.map((l) => (l.id === lead.id ? { ...l, ...optimistic } : l)),
            }
          : page,
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) client.setQueryData(listKey, context.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.leads.all }),
  });
}
