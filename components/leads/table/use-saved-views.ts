"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { SavedView } from "./lead-types";

type ViewState = SavedView["state"];
const key = queryKeys.savedViews("leads");

/** The signed-in user's saved views of the leads table, newest first. */
export function useSavedViews() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      apiFetch<{ data: SavedView[] }>("/saved-views", { query: { resource: "leads" }, signal }),
    select: (d) => d.data,
  });
}

export function useSavedViewMutations() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: (body: { name: string; state: ViewState }) =>
      apiFetch<SavedView>("/saved-views", { body: { resource: "leads", ...body } }),
    onSuccess,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; state?: ViewState }) =>
      apiFetch<SavedView>(`/saved-views/${id}`, { method: "PATCH", body }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/saved-views/${id}`, { method: "DELETE" }),
    onSuccess,
  });
  return { create, update, remove };
}
