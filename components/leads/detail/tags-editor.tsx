"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import type { LeadDetail } from "./lead-types";
import { refreshLead } from "./use-lead";

/** Tags as removable chips plus an inline "add" box; several can be added at once, comma-separated. */
export function TagsEditor({ lead, readOnly }: { lead: LeadDetail; readOnly?: boolean }) {
  const client = useQueryClient();
  const inputId = useId();
  const [draft, setDraft] = useState("");
  const add = useMutation({
    mutationFn: (tags: string[]) =>
      apiFetch<LeadDetail>(`/leads/${lead.id}/tags`, { body: { tags } }),
    onSuccess: (next) => {
      setDraft("");
      refreshLead(client, lead.id, next);
    },
  });
  const remove = useMutation({
    mutationFn: (tag: string) =>
      apiFetch(`/leads/${lead.id}/tags/${encodeURIComponent(tag)}`, { method: "DELETE" }),
    onSuccess: (_, tag) =>
      refreshLead(client, lead.id, { ...lead, tags: lead.tags.filter((t) => t !== tag) }),
  });
  const error = add.error ?? remove.error;
  return (
    <div className="space-y-2">
      <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
        {lead.tags.length === 0 && (
          <li className="text-sm text-slate-600 dark:text-slate-400">No tags</li>
        )}
        {lead.tags.map((tag) => (
          <li
            key={tag}
            className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2.5 pr-1 text-xs font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200"
          >
            {tag}
            {!readOnly && (
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate(tag)}
                className="grid size-5 place-items-center rounded-full text-slate-600 hover:bg-slate-200 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-700 dark:hover:text-white"
              >
                <span aria-hidden>×</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const tags = draft
              .split(",")
              .map((t) => t.trim())
              .filter(Boolean);
            if (tags.length) add.mutate(tags);
          }}
        >
          <label htmlFor={inputId} className="sr-only">
            Add tags
          </label>
          <input
            id={inputId}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="Add tag…"
            maxLength={200}
            className={`${inputClass} h-8 max-w-48 py-1`}
          />
          <Button type="submit" size="sm" variant="secondary" loading={add.isPending}>
            Add tag
          </Button>
        </form>
      )}
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
    </div>
  );
}
