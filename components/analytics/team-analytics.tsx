"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { BarChart } from "@/components/charts/bar-chart";
import { currencyFormat, formatDuration, formatNumber } from "@/components/charts/format";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { formatBucket } from "@/components/charts/format";
import { DataTable } from "@/components/ui/data-table";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { ACTIVITY, memberHref } from "./activity-kinds";
import { leadsHref, periodDays } from "./analytics-params";
import type { ActivityReport, LoginNow, SalespersonReport } from "./analytics-types";
import { rateText } from "./kpi-format";
import { MemberActivity } from "./member-activity";
import { useAnalytics, useAnalyticsFilters } from "./use-analytics";

type Member = SalespersonReport["members"][number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
function ago(iso: string): string {
  const minutes = Math.round((new Date(iso).getTime() - Date.now()) / 60_000);
  return Math.abs(minutes) < 60
    ? relative.format(minutes, "minute")
    : relative.format(Math.round(minutes / 60), "hour");
}

/** Who is online now: refreshed every minute, independent of the period. */
function OnlineNow() {
  const q = useQuery({
    queryKey: ["analytics", "/activity/login-now"],
    queryFn: ({ signal }) => apiFetch<LoginNow>("/activity/login-now", { signal }),
    refetchInterval: 60_000,
  });
  return (
    <section
      aria-labelledby="online-now-title"
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="online-now-title" className="mb-3 text-base font-semibold">
        Online now
      </h2>
      {q.isPending && (
        <div className="h-16 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" />
      )}
      {q.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Couldn’t load who is online: {errorMessage(q.error)}
        </p>
      )}
      {q.data && q.data.members.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nobody else is active right now.
        </p>
      )}
      <ul className="space-y-2">
        {q.data?.members.map((m) => (
          <li key={m.userId} className="flex items-center gap-2 text-sm">
            <span aria-hidden className="size-2 rounded-full bg-emerald-500" />
            <span className="font-medium">{m.name || m.email}</span>
            <span className="text-slate-600 dark:text-slate-400">active {ago(m.lastSeenAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The team: each salesperson's results, their activity over time, and who is online. */
export function TeamAnalytics() {
  const { filters, interval } = useAnalyticsFilters();
  const report = useAnalytics<SalespersonReport>("/reports/salesperson-report");
  const activity = useAnalytics<ActivityReport>("/reports/activity-report");
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const memberParam = searchParams.get("member");
  const member = memberParam && UUID.test(memberParam) ? memberParam : null;
  const openMember = (id: string | null) => memberHref(pathname, search, id);
  const money = currencyFormat(report.data?.currency ?? "USD");
  const a = activity.data;
  // The team's activity per bucket: the members' series summed.
  const series = a?.members[0]?.series.map((b, i) => {
    const sum = {
      bucket: b.bucket,
      logins: 0,
      calls: 0,
      emails: 0,
      followUps: 0,
      meetings: 0,
      notes: 0,
    };
    for (const m of a.members) {
      const s = m.series[i];
      if (!s) continue;
      for (const [k] of ACTIVITY) sum[k] += s[k];
    }
    return sum;
  });

  return (
    <div className="space-y-4">
      {member && <MemberActivity memberId={member} closeHref={openMember(null)} />}
      <section
        aria-labelledby="salesperson-title"
        className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="salesperson-title" className="mb-3 text-base font-semibold">
          Salesperson report
        </h2>
        {report.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Couldn’t load the report: {report.error}
          </p>
        ) : (
          <DataTable<Member>
            caption="Salesperson report"
            loading={report.loading}
            rows={report.data?.members}
            rowKey={(m) => m.userId}
            empty="No salespeople in this scope."
            columns={[
              {
                key: "name",
                header: "Salesperson",
                cell: (m) => (
                  <Link
                    href={openMember(m.userId)}
                    scroll={false}
                    aria-current={member === m.userId ? "true" : undefined}
                    aria-label={`${m.name || m.email}: show activity`}
                    className="font-medium text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {m.name || m.email}
                  </Link>
                ),
              },
              {
                key: "leads",
                header: "Leads",
                cell: (m) => (
                  <Link
                    href={leadsHref(filters, null, {
                      ownerId: m.userId,
                      assigned: report.data ? periodDays(report.data.period) : undefined,
                    })}
                    aria-label={`Leads assigned to ${m.name || m.email} in this period`}
                    className="text-brand-700 hover:underline dark:text-brand-500"
                  >
                    Leads
                  </Link>
                ),
              },
              {
                key: "assigned",
                header: "Assigned",
                cell: (m) => formatNumber(m.leadsAssigned),
                className: "text-right tabular-nums",
              },
              {
                key: "contacted",
                header: "Contacted",
                cell: (m) => formatNumber(m.contacted),
                className: "text-right tabular-nums",
              },
              {
                key: "converted",
                header: "Converted",
                cell: (m) => formatNumber(m.converted),
                className: "text-right tabular-nums",
              },
              {
                key: "rate",
                header: "Conversion",
                cell: (m) => rateText(m.conversionRate),
                className: "text-right tabular-nums",
              },
              {
                key: "pipeline",
                header: "Pipeline",
                cell: (m) => money(m.pipelineValue),
                className: "text-right tabular-nums",
              },
              {
                key: "avg",
                header: "Avg deal",
                cell: (m) => (m.averageDealValue == null ? "—" : money(m.averageDealValue)),
                className: "text-right tabular-nums",
              },
              {
                key: "response",
                header: "Response time",
                cell: (m) =>
                  m.medianResponseSeconds == null ? "—" : formatDuration(m.medianResponseSeconds),
                className: "text-right tabular-nums",
              },
              {
                key: "calls",
                header: "Calls",
                cell: (m) => formatNumber(m.calls),
                className: "text-right tabular-nums",
              },
            ]}
          />
        )}
      </section>
      <div className="grid gap-4 lg:grid-cols-3">
        <StackedBarChart
          className="lg:col-span-2"
          width={1000}
          title="Team activity"
          description="Calls, emails, follow-ups, meetings, notes and sign-ins"
          data={series}
          loading={activity.loading}
          error={activity.error}
          category={(r) => formatBucket(r.bucket, a?.interval ?? interval)}
          categoryLabel={
            (a?.interval ?? interval) === "month"
              ? "Month"
              : (a?.interval ?? interval) === "week"
                ? "Week"
                : "Day"
          }
          stacks={ACTIVITY.map(([k, label]) => ({
            label,
            value: (r: NonNullable<typeof series>[number]) => r[k],
          }))}
        />
        <OnlineNow />
      </div>
      <BarChart
        title="Activity by person"
        description="All logged work in the period — select a member to see their activity"
        data={a?.members.map((m) => ({
          ...m,
          total:
            m.totals.calls +
            m.totals.emails +
            m.totals.followUps +
            m.totals.meetings +
            m.totals.notes,
        }))}
        loading={activity.loading}
        error={activity.error}
        label={(m) => m.name || m.email}
        value={(m) => m.total}
        categoryLabel="Member"
        valueLabel="Activities"
        colorIndex={2}
        hrefFor={(m) => openMember(m.userId)}
        extraColumns={ACTIVITY.map(([k, label]) => ({
          header: label,
          cell: (m: { totals: Record<(typeof ACTIVITY)[number][0], number> }) =>
            formatNumber(m.totals[k]),
          numeric: true,
        }))}
      />
    </div>
  );
}
