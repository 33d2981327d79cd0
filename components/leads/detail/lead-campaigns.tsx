"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { AddResult } from "@/components/campaigns/add-result";
import {
  CampaignStatusBadge,
  RecipientStateBadge,
} from "@/components/campaigns/campaign-status-badge";
import type { AddRecipientsResult, CampaignPage } from "@/components/campaigns/campaign-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { LeadCampaigns as LeadCampaignsDto } from "@/lib/campaigns/lead-campaigns";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { ConfirmDialog } from "./confirm-dialog";

type Membership = LeadCampaignsDto["campaigns"][number];
type Message = Membership["messages"][number];

const muted = "text-slate-600 dark:text-slate-400";
const link =
  "font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-500";
// Campaigns a lead can still join: not finished.
const JOINABLE = new Set(["draft", "scheduled", "active", "paused"]);
const SUPPRESSION_REASONS = {
  unsubscribed: "unsubscribed",
  bounced: "hard-bounced",
  complained: "marked an email as spam",
  manual: "was suppressed by hand",
};

/** The lead's campaigns: where each sequence stands, what was sent, add to or remove from one. */
export function LeadCampaigns({ leadId }: { leadId: string }) {
  const client = useQueryClient();
  const key = queryKeys.campaigns.forLead(leadId);
  const data = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<LeadCampaignsDto>(`/leads/${leadId}/campaigns`, { signal }),
  });
  const [removing, setRemoving] = useState<Membership>();
  const remove = useMutation({
    mutationFn: (m: Membership) =>
      apiFetch(`/campaigns/${m.campaign.id}/recipients/${leadId}`, { method: "DELETE" }),
    onSuccess: () => {
      setRemoving(undefined);
      return client.invalidateQueries({ queryKey: queryKeys.campaigns.all });
    },
  });
  const memberships = data.data?.campaigns ?? [];

  return (
    <div className="space-y-5">
      {data.data?.suppression && (
        <Alert tone="info">
          This address {SUPPRESSION_REASONS[data.data.suppression.reason]} on{" "}
          {formatDateTime(data.data.suppression.createdAt)}: no campaign will email it.
        </Alert>
      )}
      <AddToCampaign leadId={leadId} memberOf={memberships.map((m) => m.campaign.id)} />
      {data.error && <Alert tone="error">{errorMessage(data.error)}</Alert>}
      {data.isLoading && <p className={`text-sm ${muted}`}>Loading…</p>}
      {data.data && memberships.length === 0 && (
        <p className={`text-sm ${muted}`}>Not in any campaign yet.</p>
      )}
      <ul aria-label="Campaigns" className="space-y-3">
        {memberships.map((m) => (
          <li
            key={m.recipientId}
            className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
          >
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/campaigns/${m.campaign.id}`} className={link}>
                {m.campaign.name}
              </Link>
              <CampaignStatusBadge status={m.campaign.status} />
              <span className="sr-only">, this lead:</span>
              <RecipientStateBadge state={m.state} />
              {m.state !== "removed" && JOINABLE.has(m.campaign.status) && (
                <Button
                  size="sm"
                  variant="ghost"
                  className="ml-auto text-red-700 dark:text-red-400"
                  aria-label={`Remove from ${m.campaign.name}`}
                  onClick={() => {
                    remove.reset();
                    setRemoving(m);
                  }}
                >
                  Remove
                </Button>
              )}
            </div>
            <p className={`text-xs ${muted}`}>
              {[
                `${Math.min(m.nextStepIndex, m.stepCount)} of ${m.stepCount} steps sent`,
                m.stateReason,
                m.nextSendAt && `next ${formatDateTime(m.nextSendAt)}`,
                `added ${formatDateTime(m.addedAt)}`,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {m.messages.length > 0 && (
              <ul aria-label={`Emails from ${m.campaign.name}`} className="space-y-1 text-sm">
                {m.messages.map((msg) => (
                  <li key={msg.id} className="flex flex-wrap gap-x-2">
                    <span className={muted}>
                      {msg.stepIndex !== null ? `Step ${msg.stepIndex + 1}` : "Email"}
                    </span>
                    <span className="font-medium">{msg.subject || "(no subject)"}</span>
                    <span className={muted}>{messageFacts(msg)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={Boolean(removing)}
        title={`Remove from ${removing?.campaign.name ?? "campaign"}?`}
        confirmLabel="Remove from campaign"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : undefined}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(undefined)}
      >
        No further emails from this campaign go to this lead.
      </ConfirmDialog>
    </div>
  );
}

function messageFacts(m: Message): string {
  return [
    m.sentAt ? `sent ${formatDateTime(m.sentAt)}` : m.status,
    m.openedAt && "opened",
    m.clickedAt && "clicked",
    m.repliedAt && "replied",
    m.bouncedAt && "bounced",
  ]
    .filter(Boolean)
    .join(" · ");
}

const CAMPAIGN_CHOICES = { perPage: 100, sort: "-updatedAt" };

function AddToCampaign({ leadId, memberOf }: { leadId: string; memberOf: string[] }) {
  const client = useQueryClient();
  const [campaignId, setCampaignId] = useState("");
  const campaigns = useQuery({
    queryKey: queryKeys.campaigns.list(CAMPAIGN_CHOICES),
    queryFn: ({ signal }) =>
      apiFetch<CampaignPage>("/campaigns", { query: CAMPAIGN_CHOICES, signal }),
    select: (d) => d.data.filter((c) => JOINABLE.has(c.status)),
  });
  const add = useMutation({
    mutationFn: (id: string) =>
      apiFetch<AddRecipientsResult>(`/campaigns/${id}/recipients`, {
        body: { leadIds: [leadId] },
      }),
    onSuccess: () => {
      setCampaignId("");
      return client.invalidateQueries({ queryKey: queryKeys.campaigns.all });
    },
  });
  const choices = (campaigns.data ?? []).filter((c) => !memberOf.includes(c.id));
  return (
    <div className="space-y-3">
      <form
        aria-label="Add to a campaign"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (campaignId) add.mutate(campaignId);
        }}
      >
        <SelectField
          label="Add to campaign"
          className="min-w-56 flex-1"
          value={campaignId}
          onChange={(e) => {
            setCampaignId(e.target.value);
            add.reset();
          }}
          options={[
            {
              value: "",
              label: campaigns.isPending
                ? "Loading campaigns…"
                : choices.length
                  ? "Choose a campaign…"
                  : "No open campaigns to join",
            },
            ...choices.map((c) => ({ value: c.id, label: `${c.name} (${c.status})` })),
          ]}
        />
        <Button type="submit" variant="secondary" disabled={!campaignId} loading={add.isPending}>
          Add
        </Button>
      </form>
      {campaigns.error && <Alert tone="error">{errorMessage(campaigns.error)}</Alert>}
      {add.error && <Alert tone="error">{errorMessage(add.error)}</Alert>}
      {add.data && <AddResult result={add.data} />}
    </div>
  );
}
