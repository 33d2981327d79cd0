"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/leads/detail/confirm-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { cn } from "@/components/ui/cn";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { useDebounced } from "@/lib/client/use-debounced";
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_STATUS_LABELS,
  CampaignStatusBadge,
} from "./campaign-status-badge";
import type { Campaign, CampaignPage, CampaignStatus } from "./campaign-types";
import { campaignHref, linkClass, primaryLinkClass } from "./links";

const PER_PAGE = 25;
const n = new Intl.NumberFormat();

/** The organization's campaigns: filter by status, search by name, copy and delete drafts. */
export function CampaignsList({ canWrite }: { canWrite: boolean }) {
  const client = useQueryClient();
  const router = useRouter();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<CampaignStatus>();
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string }>();
  const [deleting, setDeleting] = useState<Campaign>();
  const term = useDebounced(q.trim(), 250);
  const params = { q: term, status, page, perPage: PER_PAGE, sort: "-updatedAt" };
  const list = useQuery({
    queryKey: queryKeys.campaigns.list(params),
    queryFn: ({ signal }) => apiFetch<CampaignPage>("/campaigns", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.campaigns.all });
  const fail = (error: unknown) => setNotice({ tone: "error", text: errorMessage(error) });

  const duplicate = useMutation({
    mutationFn: (c: Campaign) =>
      apiFetch<Campaign>(`/campaigns/${c.id}/duplicate`, { method: "POST" }),
    onSuccess: async (copy) => {
      await refresh();
      router.push(`/campaigns/${copy.id}/edit`);
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (c: Campaign) => apiFetch(`/campaigns/${c.id}`, { method: "DELETE" }),
    onSuccess: (_, c) => {
      setDeleting(undefined);
      setNotice({ tone: "success", text: `Deleted “${c.name}”.` });
      return refresh();
    },
  });

  const columns: Column<Campaign>[] = [
    {
      key: "name",
      header: "Name",
      cell: (c) => (
        <div className="min-w-0">
          <Link href={campaignHref(c)} className={linkClass}>
            {c.name}
          </Link>
          {c.description && (
            <p className="truncate text-xs text-slate-600 dark:text-slate-400">{c.description}</p>
          )}
        </div>
      ),
    },
    { key: "status", header: "Status", cell: (c) => <CampaignStatusBadge status={c.status} /> },
    {
      key: "steps",
      header: "Steps",
      className: "tabular-nums",
      cell: (c) => n.format(c.steps.length),
    },
    {
      key: "recipients",
      header: "Recipients",
      className: "tabular-nums",
      cell: (c) => n.format(c.recipients.total ?? 0),
    },
    {
      key: "progress",
      header: "In sequence",
      className: "tabular-nums",
      cell: (c) => n.format((c.recipients.queued ?? 0) + (c.recipients.active ?? 0)),
    },
    {
      key: "owner",
      header: "Owner",
      cell: (c) => c.owner?.name ?? <span className="text-slate-600 dark:text-slate-400">—</span>,
    },
    {
      key: "updated",
      header: "Updated",
      className: "whitespace-nowrap text-slate-600 dark:text-slate-400",
      cell: (c) => formatDateTime(c.updatedAt),
    },
    ...(canWrite
      ? [
          {
            key: "actions",
            header: "Actions",
            className: "text-right whitespace-nowrap",
            cell: (c: Campaign) => (
              <div className="flex justify-end gap-1">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Duplicate ${c.name}`}
                  loading={duplicate.isPending && duplicate.variables?.id === c.id}
                  onClick={() => duplicate.mutate(c)}
                >
                  Duplicate
                </Button>
                {c.status === "draft" && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete ${c.name}`}
                    className="text-red-700 dark:text-red-400"
                    onClick={() => {
                      remove.reset();
                      setDeleting(c);
                    }}
                  >
                    Delete
                  </Button>
                )}
              </div>
            ),
          },
        ]
      : []),
  ];

  const pagination = list.data?.pagination;
  const filtered = Boolean(term || status);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Campaigns</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Email sequences that stop for a lead the moment they reply, unsubscribe or bounce.
          </p>
        </div>
        {canWrite && (
          <Link href="/campaigns/new" className={primaryLinkClass}>
            New campaign
          </Link>
        )}
      </header>

      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="Search campaigns"
          className="min-w-48 flex-1"
          type="search"
          placeholder="Name"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
        />
      </div>
      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
        {[undefined, ...CAMPAIGN_STATUSES].map((s) => (
          <button
            key={s ?? "all"}
            type="button"
            aria-pressed={status === s}
            onClick={() => {
              setStatus(s);
              setPage(1);
            }}
            className={cn(
              "rounded-full border px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
              status === s
                ? "border-brand-600 bg-brand-50 text-brand-700 dark:border-brand-500 dark:bg-slate-800 dark:text-white"
                : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800",
            )}
          >
            {s ? CAMPAIGN_STATUS_LABELS[s] : "All"}
          </button>
        ))}
      </div>

      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {list.error && <Alert tone="error">{errorMessage(list.error)}</Alert>}

      {!filtered && list.data?.data.length === 0 ? (
        <EmptyState canWrite={canWrite} />
      ) : (
        <DataTable
          caption="Campaigns"
          columns={columns}
          rows={list.data?.data}
          rowKey={(c) => c.id}
          loading={list.isPending}
          empty="No campaigns match these filters."
        />
      )}

      <Pager page={page} pagination={pagination} noun="campaigns" onPage={setPage} />

      <ConfirmDialog
        open={Boolean(deleting)}
        title="Delete campaign?"
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : undefined}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(undefined)}
      >
        The draft “{deleting?.name}” and its recipient list will be deleted. This can’t be undone.
      </ConfirmDialog>
    </div>
  );
}

function EmptyState({ canWrite }: { canWrite: boolean }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center dark:border-slate-700 dark:bg-slate-900">
      <h2 className="text-base font-semibold">No campaigns yet</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600 dark:text-slate-400">
        A campaign sends a sequence of emails to a list of leads, one step at a time, inside the
        hours you choose.
      </p>
      {canWrite && (
        <Link href="/campaigns/new" className={cn(primaryLinkClass, "mt-4")}>
          Create your first campaign
        </Link>
      )}
    </div>
  );
}
