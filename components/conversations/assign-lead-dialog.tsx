"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { useDebounced } from "@/lib/client/use-debounced";
import type { ConversationMessage } from "./conversation-types";
import { onListKeyDown } from "./list-keys";
import { useAssignUnmatched } from "./use-conversations";

interface LeadHit {
  id: string;
  displayName: string;
  email: string | null;
  company: string | null;
}

/** Find the lead an unmatched message is from (search starts with its sender) and file it there. */
export function AssignLeadDialog({
  message,
  onClose,
}: {
  message: ConversationMessage;
  onClose: () => void;
}) {
  const [q, setQ] = useState(() => senderAddress(message.from) ?? "");
  const term = useDebounced(q.trim(), 250);
  const params = { q: term, perPage: 8 };
  const leads = useQuery({
    queryKey: queryKeys.leads.list(params),
    queryFn: ({ signal }) => apiFetch<{ data: LeadHit[] }>("/leads", { query: params, signal }),
    enabled: term.length > 0,
  });
  const assign = useAssignUnmatched();
  return (
    <Dialog open onClose={onClose} title="Assign to lead">
      <div className="space-y-3">
        <Field
          label="Find lead"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoFocus
        />
        {leads.isError && <Alert tone="error">{errorMessage(leads.error)}</Alert>}
        {leads.data?.data.length === 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">No lead matches.</p>
        )}
        <ul
          aria-label="Matching leads"
          onKeyDown={onListKeyDown}
          className="max-h-64 space-y-1 overflow-y-auto"
        >
          {leads.data?.data.map((lead) => (
            <li key={lead.id}>
              <button
                type="button"
                data-list-item
                disabled={assign.isPending}
                onClick={() =>
                  assign.mutate({ messageId: message.id, leadId: lead.id }, { onSuccess: onClose })
                }
                className="block w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                <span className="block font-medium">{lead.displayName}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {[lead.email, lead.company].filter(Boolean).join(" · ")}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {assign.isError && <Alert tone="error">{errorMessage(assign.error)}</Alert>}
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/** "Ann <ann@x.com>" → "ann@x.com". */
function senderAddress(from: string | null): string | undefined {
  if (!from) return undefined;
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
