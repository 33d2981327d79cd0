"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { DuplicateNotice, duplicateOf } from "./duplicate-notice";
import type { LeadDetail } from "./lead-types";
import { refreshLead } from "./use-lead";

/** Right after a delete: say so, and offer to undo it while the lead is still at hand. */
export function TrashedLead({ lead, onRestored }: { lead: LeadDetail; onRestored: () => void }) {
  const client = useQueryClient();
  const restore = useMutation({
    mutationFn: () => apiFetch<LeadDetail>(`/leads/${lead.id}/restore`, { method: "POST" }),
    onSuccess: (restored) => {
      refreshLead(client, lead.id, restored);
      onRestored();
    },
  });
  const existingId = duplicateOf(restore.error);
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">{lead.displayName} is in the trash</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        It no longer shows in lists and counts. Its history is kept, and it can be restored.
      </p>
      {existingId ? (
        <DuplicateNotice existingId={existingId} />
      ) : (
        restore.error && <Alert tone="error">{errorMessage(restore.error)}</Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button loading={restore.isPending} onClick={() => restore.mutate()}>
          Restore lead
        </Button>
        <Link
          href="/leads"
          className="inline-flex h-9 items-center rounded-lg px-3.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Back to leads
        </Link>
      </div>
    </div>
  );
}
