"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { errorMessage } from "@/lib/client/api";
import type { Suggestion } from "@/lib/ai/drafting/draft-schemas";
import type { useReplySuggestions } from "./use-drafting";

/** The suggested replies under the reply box; choosing one puts its text in the box. */
export function ReplySuggestions({
  query,
  onPick,
}: {
  query: ReturnType<typeof useReplySuggestions>;
  onPick: (suggestion: Suggestion) => void;
}) {
  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Finding replies…
      </p>
    );
  }
  if (query.isError) return <Alert tone="error">{errorMessage(query.error)}</Alert>;
  const { suggestions, mode, notes } = query.data;
  return (
    <section aria-label="Suggested replies" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Suggested replies
        </h3>
        {mode === "offline" ? <Badge tone="amber">Offline</Badge> : <Badge tone="blue">AI</Badge>}
      </div>
      {notes && <p className="text-xs text-slate-600 dark:text-slate-400">{notes}</p>}
      {suggestions.length > 0 && (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {suggestions.map((s) => (
            <li key={`${s.intent}-${s.label}`}>
              <button
                type="button"
                onClick={() => onPick(s)}
                aria-label={`Use suggestion: ${s.label}`}
                className="h-full w-full rounded-lg border border-slate-200 bg-white p-2 text-left text-sm hover:border-brand-500 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
              >
                <span className="block font-medium">{s.label}</span>
                <span className="mt-1 line-clamp-3 text-xs text-slate-600 dark:text-slate-400">
                  {s.text}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
