"use client";

import Link from "next/link";
import { currencyFormat, formatNumber } from "@/components/charts/format";
import { DataTable } from "@/components/ui/data-table";
import type { CampaignAnalytics } from "./analytics-types";
import { rateText } from "./kpi-format";

type Row = CampaignAnalytics["campaigns"][number];

/** Campaigns of the period with their delivery, engagement and money outcomes. */
export function CampaignTable({
  data,
  loading,
  error,
  limit,
}: {
  data: CampaignAnalytics | undefined;
  loading: boolean;
  error: string | null;
  limit?: number;
}) {
  const money = currencyFormat(data?.currency ?? "USD");
  const rows = data?.campaigns
    .slice()
    .sort((a, b) => b.sent - a.sent)
    .slice(0, limit ?? Infinity);
  return (
    <section
      aria-labelledby="campaign-table-title"
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="campaign-table-title" className="mb-3 text-base font-semibold">
        Campaigns
      </h2>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Couldn’t load campaigns: {error}
        </p>
      ) : (
        <DataTable<Row>
          caption="Campaigns in the period"
          loading={loading}
          rows={rows}
          rowKey={(r) => r.campaignId}
          empty="No campaign sent mail in this period."
          columns={[
            {
              key: "name",
              header: "Campaign",
              cell: (r) => (
                <Link
                  href={`/campaigns/${r.campaignId}`}
                  className="font-medium text-brand-700 hover:underline dark:text-brand-500"
                >
                  {r.name}
                </Link>
              ),
            },
            { key: "status", header: "Status", cell: (r) => r.status },
            {
              key: "sent",
              header: "Sent",
              cell: (r) => formatNumber(r.sent),
              className: "text-right tabular-nums",
            },
            {
              key: "open",
              header: "Open rate",
              cell: (r) => rateText(r.openRate),
              className: "text-right tabular-nums",
            },
            {
              key: "reply",
              header: "Reply rate",
              cell: (r) => rateText(r.replyRate),
              className: "text-right tabular-nums",
            },
            {
              key: "bounce",
              header: "Bounce rate",
              cell: (r) => rateText(r.bounceRate),
              className: "text-right tabular-nums",
            },
            {
              key: "won",
              header: "Won",
              cell: (r) => formatNumber(r.won),
              className: "text-right tabular-nums",
            },
            {
              key: "revenue",
              header: "Revenue",
              cell: (r) => money(r.revenue),
              className: "text-right tabular-nums",
            },
            {
              key: "roi",
              header: "ROI",
              cell: (r) => rateText(r.roi),
              className: "text-right tabular-nums",
            },
          ]}
        />
      )}
    </section>
  );
}
