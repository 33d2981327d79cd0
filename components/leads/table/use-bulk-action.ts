"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { BulkAction } from "./lead-types";

/** POST /leads/bulk, then refresh every lead list and count. */
export function useBulkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkAction) =>
      apiFetch<{ affected: number }>("/leads/bulk", { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.leads.all }),
  });
}
