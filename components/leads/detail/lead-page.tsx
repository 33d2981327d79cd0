"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConversationThread } from "@/components/conversations/conversation-thread";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { ConfirmDialog } from "./confirm-dialog";
import { DealCard } from "./deal-card";
import { EventsPanel } from "./events-panel";
import { InquiriesPanel } from "./inquiries-panel";
import { LeadAnalysisPanel } from "./lead-analysis-panel";
import { LeadCampaigns } from "./lead-campaigns";
import { LeadCommunication } from "./lead-communication";
import { LeadFieldsForm } from "./lead-fields-form";
import { LeadHeader } from "./lead-header";
import { LeadNotFound } from "./lead-not-found";
import { LeadTabs, type LeadTab } from "./lead-tabs";
import { LogCallForm } from "./log-call-form";
import type { LeadDetail, LeadPermissions } from "./lead-types";
import { NotesPanel } from "./notes-panel";
import { RemindersPanel } from "./reminders-panel";
import { TimelineFeed } from "./timeline-feed";
import { TrashedLead } from "./trashed-lead";
import { useLead, useTrashedLead } from "./use-lead";

/** The sections of the lead page, in order; a new capability adds its tab here. */
function leadTabs(lead: LeadDetail, perms: LeadPermissions): LeadTab[] {
  return [
    {
      id: "timeline",
      label: "Timeline",
      render: () => (
        <div className="space-y-5">
          <LogCallForm leadId={lead.id} />
          <TimelineFeed leadId={lead.id} />
        </div>
      ),
    },
    { id: "notes", label: "Notes", render: () => <NotesPanel leadId={lead.id} perms={perms} /> },
    { id: "analysis", label: "AI analysis", render: () => <LeadAnalysisPanel lead={lead} /> },
    {
      id: "conversation",
      label: "Conversation",
      render: () => <ConversationThread target={{ leadId: lead.id }} showLead={false} />,
    },
    {
      id: "communication",
      label: "Communication",
      render: () => <LeadCommunication leadId={lead.id} />,
    },
    {
      id: "reminders",
      label: "Reminders",
      render: () => <RemindersPanel leadId={lead.id} perms={perms} />,
    },
    { id: "inquiries", label: "Inquiries", render: () => <InquiriesPanel leadId={lead.id} /> },
    { id: "campaigns", label: "Campaigns", render: () => <LeadCampaigns leadId={lead.id} /> },
    { id: "events", label: "Tracked events", render: () => <EventsPanel leadId={lead.id} /> },
  ];
}

export function LeadPage({ id, perms }: { id: string; perms: LeadPermissions }) {
  const client = useQueryClient();
  const lead = useLead(id);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Right after a delete the last copy is at hand to offer an undo without another request.
  const [trashed, setTrashed] = useState<LeadDetail | null>(null);
  const remove = useMutation({
    mutationFn: () => apiFetch(`/leads/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      setTrashed(lead.data ?? null);
      setConfirmDelete(false);
      client.removeQueries({ queryKey: queryKeys.leads.detail(id) });
      for (const kind of ["list", "count", "stats", "search"])
        void client.invalidateQueries({ queryKey: [...queryKeys.leads.all, kind] });
    },
  });

  const missing = lead.error instanceof ApiError && [400, 404].includes(lead.error.status);
  // A bookmarked lead that was deleted since: found in the trash, it can be restored here.
  const inTrash = useTrashedLead(id, missing && !trashed);
  const restored = () => {
    setTrashed(null);
    client.removeQueries({ queryKey: [...queryKeys.leads.detail(id), "trash"] });
  };

  if (trashed) return <TrashedLead lead={trashed} onRestored={restored} />;
  if (inTrash.data) return <TrashedLead lead={inTrash.data} onRestored={restored} />;
  if (lead.isLoading || (missing && inTrash.isLoading))
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Loading lead…
      </p>
    );
  if (missing) return <LeadNotFound />;
  if (lead.error || !lead.data) return <Alert tone="error">{errorMessage(lead.error)}</Alert>;

  const data = lead.data;
  return (
    <div className="space-y-6">
      <Link
        href="/leads"
        className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500"
      >
        ← Leads
      </Link>
      <LeadHeader
        lead={data}
        canDelete={perms.canDelete}
        canOverrideScore={perms.canOverrideScore}
        onDelete={() => setConfirmDelete(true)}
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div className="space-y-6">
          <LeadFieldsForm lead={data} />
          <DealCard lead={data} />
        </div>
        <LeadTabs label="Lead activity" tabs={leadTabs(data, perms)} />
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${data.displayName}?`}
        confirmLabel="Delete lead"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirmDelete(false)}
      >
        The lead moves to the trash: it leaves every list, but its history is kept and it can be
        restored.
      </ConfirmDialog>
    </div>
  );
}
