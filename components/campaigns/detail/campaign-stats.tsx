"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { DataTable, type Column } from "@/components/ui/data-table";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { CampaignStats } from "@/lib/campaigns/campaign-stats";
import type { CampaignStatus } from "../campaign-types";
import { isLive, LIVE_POLL_MS } from "../use-campaign";

type Metrics = CampaignStats["totals"];
type Row = Metrics & { key: string; label: string; isVariant: boolean };

const n = new Intl.NumberFormat();
const pct = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });

/** Live numbers: cards for the whole campaign, and a table per step and variant. */
export function CampaignStatsView({ id, status }: { id: string; status: CampaignStatus }) {
  const stats = useQuery({
    queryKey: queryKeys.campaigns.stats(id),
    queryFn: ({ signal }) => apiFetch<CampaignStats>(`/campaigns/${id}/stats`, { signal }),
    refetchInterval: isLive(status) ? LIVE_POLL_MS : false,
  });
  if (stats.error) return <Alert tone="error">{errorMessage(stats.error)}</Alert>;
  const s = stats.data;
  const cards = [
    { label: "Recipients", value: s ? n.format(s.totalLeads) : "…" },
    { label: "Contacted", value: s ? n.format(s.contactedLeads) : "…" },
    { label: "Emails sent", value: s ? n.format(s.totals.sent) : "…" },
    { label: "Open rate", value: s ? pct.format(s.openRate) : "…" },
    { label: "Click rate", value: s ? pct.format(s.clickRate) : "…" },
    { label: "Reply rate", value: s ? pct.format(s.replyRate) : "…" },
    { label: "Bounced", value: s ? n.format(s.totals.bounced) : "…" },
    { label: "Unsubscribed", value: s ? n.format(s.totals.unsubscribed) : "…" },
  ];
  const rows: Row[] = (s?.steps ?? []).flatMap((step) => [
    {
      ...step,
      key: `${step.index}-${step.id}`,
      label: step.index >= 0 ? `Step ${step.index + 1}` : "Removed step",
      isVariant: false,
    },
    // A single variant's numbers are the step's own: only an A/B split gets its own rows.
    ...(step.variants.length > 1
      ? step.variants.map((v) => ({
          ...v,
          key: `${step.index}-${step.id}-${v.id}`,
          label: `Variant ${v.label}`,
          isVariant: true,
        }))
      : []),
  ]);
  return (
    <div className="space-y-4">
      <dl
        aria-label="Campaign totals"
        className="grid grid-cols-2 gap-3 sm:grid-cols-4"
        aria-busy={stats.isPending || undefined}
      >
        {cards.map((c) => (
          <div
            key={c.label}
            className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
          >
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
              {c.label}
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{c.value}</dd>
          </div>
        ))}
      </dl>
      <DataTable
        caption="Results per step and variant"
        columns={COLUMNS}
        rows={s ? rows : undefined}
        rowKey={(r) => r.key}
        loading={stats.isPending}
        empty="No steps yet."
      />
    </div>
  );
}

const withRate = (count: number, rate: number) => (
  <>
    {n.format(count)}{" "}
    <span className="text-xs text-slate-600 dark:text-slate-400">({pct.format(rate)})</span>
  </>
);

const COLUMNS: Column<Row>[] = [
  {
    key: "label",
    header: "Email",
    cell: (r) => (
      <span className={r.isVariant ? "pl-4 text-slate-700 dark:text-slate-300" : "font-medium"}>
        {r.label}
      </span>
    ),
  },
  { key: "sent", header: "Sent", className: "tabular-nums", cell: (r) => n.format(r.sent) },
  {
    key: "delivered",
    header: "Delivered",
    className: "tabular-nums",
    cell: (r) => n.format(r.delivered),
  },
  {
    key: "opened",
    header: "Opened",
    className: "tabular-nums",
    cell: (r) => withRate(r.opened, r.openRate),
  },
  {
    key: "clicked",
    header: "Clicked",
    className: "tabular-nums",
    cell: (r) => withRate(r.clicked, r.clickRate),
  },
  {
    key: "replied",
    header: "Replied",
    className: "tabular-nums",
    cell: (r) => withRate(r.replied, r.replyRate),
  },
  {
    key: "bounced",
    header: "Bounced",
    className: "tabular-nums",
    cell: (r) => withRate(r.bounced, r.bounceRate),
  },
  {
    key: "unsubscribed",
    header: "Unsubscribed",
    className: "tabular-nums",
    cell: (r) => n.format(r.unsubscribed),
  },
];
