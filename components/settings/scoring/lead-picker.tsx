"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { z } from "zod";
import type { leadSchema } from "@/lib/leads/lead-schemas";
import { inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { useDebounced } from "./use-scoring";

export type LeadDto = z.infer<typeof leadSchema>;

/** Search the leads the user can see and pick one to fill the preview with. */
export function LeadPicker({ onPick }: { onPick: (lead: LeadDto) => void }) {
  const id = useId();
  const [q, setQ] = useState("");
  const term = useDebounced(q.trim(), 250);
  const params = { q: term, perPage: 5 };
  const results = useQuery({
    queryKey: queryKeys.leads.list(params),
    queryFn: ({ signal }) => apiFetch<{ data: LeadDto[] }>("/leads", { query: params, signal }),
    enabled: term.length >= 2,
    select: (d) => d.data,
  });
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        Load an existing lead
      </label>
      <input
        id={id}
        type="search"
        className={inputClass}
        placeholder="Name, email or company"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-describedby={`${id}-status`}
      />
      <p
        id={`${id}-status`}
        aria-live="polite"
        className="text-xs text-slate-600 dark:text-slate-400"
      >
        {results.error
          ? errorMessage(results.error)
          : term.length < 2
            ? "Type at least two characters."
            : results.isFetching
              ? "Searching…"
              : `${results.data?.length ?? 0} found`}
      </p>
      {term.length >= 2 && results.data && results.data.length > 0 && (
        <ul aria-label="Matching leads" className="space-y-1">
          {results.data.map((lead) => (
            <li key={lead.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(lead);
                  setQ("");
                }}
                className="w-full rounded-lg border border-slate-200 px-3 py-1.5 text-left text-sm hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800"
              >
                <span className="font-medium">{lead.displayName}</span>
                <span className="text-slate-600 dark:text-slate-400">
                  {[lead.company, lead.email].filter(Boolean).map((s) => ` · ${s}`)}
                </span>
                <span className="sr-only"> — use in preview</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
