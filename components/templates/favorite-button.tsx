"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cn } from "@/components/ui/cn";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Template } from "./template-types";

/** A star toggle; the star is the caller's own, so it's shown pressed or not. */
export function FavoriteButton({
  template,
  onError,
}: {
  template: Pick<Template, "id" | "name" | "favorite">;
  onError: (error: unknown) => void;
}) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () =>
      apiFetch<Template>(`/templates/${template.id}/favorite`, {
        method: template.favorite ? "DELETE" : "POST",
      }),
    onSuccess: (updated) => {
      client.setQueryData(queryKeys.templates.detail(updated.id), updated);
      return client.invalidateQueries({ queryKey: queryKeys.templates.all });
    },
    onError,
  });
  return (
    <button
      type="button"
      aria-pressed={template.favorite}
      aria-label={`Favorite ${template.name}`}
      disabled={toggle.isPending}
      onClick={() => toggle.mutate()}
      className={cn(
        "inline-flex size-8 items-center justify-center rounded-lg text-lg leading-none hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:hover:bg-slate-800",
        template.favorite ? "text-amber-500" : "text-slate-500 dark:text-slate-400",
      )}
    >
      <span aria-hidden>{template.favorite ? "★" : "☆"}</span>
    </button>
  );
}
