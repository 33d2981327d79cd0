"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/client/api";
import {
  approvalKeys,
  fetchApprovals,
  type ApprovalStats,
  type QueueTab,
} from "./approval-queries";
import { ApprovalItem } from "./approval-item";

const TABS: { id: QueueTab; label: string }[] = [
  { id: "pending", label: "Pending" },
  { id: "urgent", label: "Urgent" },
  { id: "history", label: "History" },
];

function formatDuration(seconds: number | null) {
  if (seconds === null) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function StatsBar({ stats }: { stats: ApprovalStats }) {
  const items = [
    ["Pending", stats.pending],
    ["Urgent", stats.urgent],
    ["Sent back", stats.changesRequested],
    ["Approved", stats.approved],
    ["Rejected", stats.rejected],
    ["Expired", stats.expired],
    ["Median decision", formatDuration(stats.medianDecisionSeconds)],
  ] as const;
  return (
    <dl
      aria-label="Approval stats"
      className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7"
    >
      {items.map(([label, value]) => (
        <div
          key={label}
          className="rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
        >
          <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="text-lg font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The approval queue: messages a rule held before they went out. Approvers preview, edit,
 * approve, reject, send back or delegate; everyone else follows their leads' held messages.
 */
export function ApprovalQueue({
  canDecide,
  userId,
}: {
  canDecide: boolean;
  userId: string | null;
}) {
  const [tab, setTab] = useState<QueueTab>("pending");
  const [page, setPage] = useState(1);
  const [mine, setMine] = useState(false);
  const list = useQuery({
    queryKey: approvalKeys.list(tab, page, mine),
    queryFn: ({ signal }) => fetchApprovals(tab, page, mine, signal),
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Approvals</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Messages held by an approval rule (Settings → Approvals) wait here until someone decides.
        Campaign sequences wait for the decision; past its deadline the rule&apos;s timeout action
        applies.
      </p>
      {list.data && <StatsBar stats={list.data.stats} />}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="tablist" aria-label="Approval views" className="flex gap-1">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              onClick={() => {
                setTab(t.id);
                setPage(1);
              }}
              className={cn(
                "rounded-lg px-3 py-1.5 text-sm font-medium",
                tab === t.id
                  ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
            >
              {t.label}
            </button>
          ))}
        </div>
        {userId && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={mine}
              onChange={(e) => {
                setMine(e.target.checked);
                setPage(1);
              }}
            />
            Assigned to me
          </label>
        )}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label}>
        {list.error ? (
          <Alert tone="error">{errorMessage(list.error)}</Alert>
        ) : !list.data ? (
          <p className="text-sm">Loading…</p>
        ) : list.data.data.length === 0 ? (
          <p className="text-sm">
            {tab === "history" ? "No decisions yet." : "Nothing waiting for approval."}
          </p>
        ) : (
          <ul className="space-y-3" aria-label="Held messages">
            {list.data.data.map((item) => (
              <ApprovalItem key={item.id} item={item} canDecide={canDecide} />
            ))}
          </ul>
        )}
      </div>
      <Pager page={page} pagination={list.data?.pagination} noun="messages" onPage={setPage} />
    </div>
  );
}
