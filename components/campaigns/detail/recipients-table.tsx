"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/leads/detail/confirm-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Field, SelectField } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { useDebounced } from "@/lib/client/use-debounced";
import {
  RECIPIENT_STATES,
  RECIPIENT_STATE_LABELS,
  RecipientStateBadge,
} from "../campaign-status-badge";
import type { Campaign, Recipient, RecipientPage, RecipientState } from "../campaign-types";
import { linkClass } from "../links";
import { isLive, LIVE_POLL_MS } from "../use-campaign";

const PER_PAGE = 25;
const muted = "text-slate-600 dark:text-slate-400";

/** Who is in the campaign and where each sequence stands; filter by state, page, remove. */
export function RecipientsTable({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  const client = useQueryClient();
  const [state, setState] = useState<RecipientState | "">("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [removing, setRemoving] = useState<Recipient>();
  const term = useDebounced(q.trim(), 250);
  const params = { state: state || undefined, q: term, page, perPage: PER_PAGE };
  const list = useQuery({
    queryKey: queryKeys.campaigns.recipients(campaign.id, params),
    queryFn: ({ signal }) =>
      apiFetch<RecipientPage>(`/campaigns/${campaign.id}/recipients`, { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: isLive(campaign.status) ? LIVE_POLL_MS : false,
  });
  const remove = useMutation({
    mutationFn: (r: Recipient) =>
      apiFetch(`/campaigns/${campaign.id}/recipients/${r.leadId}`, { method: "DELETE" }),
    onSuccess: () => {
      setRemoving(undefined);
      return client.invalidateQueries({ queryKey: queryKeys.campaigns.all });
    },
  });
  const steps = campaign.steps.length;

  const columns: Column<Recipient>[] = [
    {
      key: "lead",
      header: "Lead",
      cell: (r) => (
        <div className="min-w-0">
          <Link href={`/leads/${r.leadId}`} className={linkClass}>
            {r.lead.displayName}
          </Link>
          <p className={`truncate text-xs ${muted}`}>
            {[r.lead.email, r.lead.company].filter(Boolean).join(" · ")}
          </p>
        </div>
      ),
    },
    {
      key: "state",
      header: "State",
      cell: (r) => (
        <div>
          <RecipientStateBadge state={r.state} />
          {r.stateReason && <p className={`text-xs ${muted}`}>{r.stateReason}</p>}
        </div>
      ),
    },
    {
      key: "progress",
      header: "Progress",
      className: "whitespace-nowrap tabular-nums",
      cell: (r) =>
        r.nextStepIndex >= steps ? `All ${steps} sent` : `${r.nextStepIndex} of ${steps} sent`,
    },
    {
      key: "next",
      header: "Next email",
      className: `whitespace-nowrap ${muted}`,
      cell: (r) => (r.nextSendAt ? formatDateTime(r.nextSendAt) : "—"),
    },
    {
      key: "last",
      header: "Last sent",
      className: `whitespace-nowrap ${muted}`,
      cell: (r) => (r.lastSentAt ? formatDateTime(r.lastSentAt) : "—"),
    },
    ...(canWrite
      ? [
          {
            key: "actions",
            header: "Actions",
            className: "text-right",
            cell: (r: Recipient) =>
              r.state === "removed" ? null : (
                <Button
                  size="sm"
                  variant="ghost"
                  className="text-red-700 dark:text-red-400"
                  aria-label={`Remove ${r.lead.displayName} from the campaign`}
                  onClick={() => {
                    remove.reset();
                    setRemoving(r);
                  }}
                >
                  Remove
                </Button>
              ),
          },
        ]
      : []),
  ];

  const pagination = list.data?.pagination;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="State"
          className="w-48"
          value={state}
          onChange={(e) => {
            setState(e.target.value as RecipientState | "");
            setPage(1);
          }}
          options={[
            { value: "", label: "All states" },
            ...RECIPIENT_STATES.map((s) => ({ value: s, label: RECIPIENT_STATE_LABELS[s] })),
          ]}
        />
        <Field
          label="Search recipients"
          className="min-w-48 flex-1"
          type="search"
          placeholder="Name, email or company"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
        />
      </div>
      {list.error && <Alert tone="error">{errorMessage(list.error)}</Alert>}
      <DataTable
        caption="Recipients"
        columns={columns}
        rows={list.data?.data}
        rowKey={(r) => r.id}
        loading={list.isPending}
        empty={state || term ? "No recipients match." : "No recipients yet."}
      />
      <Pager
        page={page}
        pagination={pagination}
        noun="recipients"
        label="Recipient pages"
        onPage={setPage}
      />
      <ConfirmDialog
        open={Boolean(removing)}
        title={`Remove ${removing?.lead.displayName ?? "lead"}?`}
        confirmLabel="Remove from campaign"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : undefined}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(undefined)}
      >
        Their sequence stops: no further emails from this campaign. Emails already sent stay in
        their history.
      </ConfirmDialog>
    </div>
  );
}
