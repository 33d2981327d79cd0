"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { formatBucket, formatDuration, formatNumber } from "@/components/charts/format";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { ACT_LABEL, ACTIVITY } from "./activity-kinds";
import type { UserActivity } from "./analytics-types";
import { RelativeTime } from "./relative-time";
import { useAnalytics, useAnalyticsFilters } from "./use-analytics";

const linkClass = "font-medium text-brand-700 hover:underline dark:text-brand-500";

/**
 * One member's activity in the period (opened from the Team tab, kept in the URL as `member`):
 * their counts per day as a chart with its table, and their latest acts.
 */
export function MemberActivity({ memberId, closeHref }: { memberId: string; closeHref: string }) {
  const { interval } = useAnalyticsFilters();
  const q = useAnalytics<UserActivity>("/activity/user-activity", {
    userId: memberId,
    limit: "15",
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a member moves focus here, so keyboard and screen reader users land on what opened.
  useEffect(() => headingRef.current?.focus(), [memberId]);
  const d = q.data?.user.userId === memberId ? q.data : undefined;
  const name = d ? d.user.name || d.user.email : "Member";
  const total = d ? Object.values(d.totals).reduce((s, n) => s + n, 0) : 0;

  return (
    <section
      aria-labelledby="member-activity-title"
      data-testid="member-activity"
      className="min-w-0 space-y-4 rounded-xl border border-brand-500/40 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2
            id="member-activity-title"
            ref={headingRef}
            tabIndex={-1}
            className="text-base font-semibold"
          >
            {d ? `${name}’s activity` : "Member activity"}
          </h2>
          {d && (
            <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
              {formatNumber(total)} logged in this period ·{" "}
              {ACTIVITY.map(([k, label]) => `${label} ${formatNumber(d.totals[k])}`).join(" · ")}
            </p>
          )}
        </div>
        <Link
          href={closeHref}
          scroll={false}
          className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Close member activity
        </Link>
      </div>
      {q.error && !q.loading ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Couldn’t load this member’s activity: {q.error}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          <StackedBarChart
            className="lg:col-span-2"
            headingLevel={3}
            title={`Activity per ${interval} — ${name}`}
            description="Sign-ins, calls, emails, follow-ups, meetings and notes"
            data={d?.daily}
            loading={!d}
            category={(r) => formatBucket(r.bucket, interval)}
            categoryLabel={interval === "month" ? "Month" : interval === "week" ? "Week" : "Day"}
            stacks={ACTIVITY.map(([k, label]) => ({
              label,
              value: (r: UserActivity["daily"][number]) => r[k],
            }))}
          />
          <div className="min-w-0">
            <h3 className="mb-2 text-sm font-semibold">Latest actions</h3>
            {!d && <div className="h-40 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" />}
            {d && d.data.length === 0 && (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Nothing logged in this period.
              </p>
            )}
            {d && d.data.length > 0 && (
              <ul
                aria-label={`${name}’s latest actions`}
                className="divide-y divide-slate-100 text-sm dark:divide-slate-800"
              >
                {d.data.map((a) => (
                  <li key={a.id} className="flex items-baseline justify-between gap-2 py-1.5">
                    <span className="min-w-0">
                      <span className="font-medium">{ACT_LABEL[a.kind] ?? a.kind}</span>
                      {a.leadId && (
                        <>
                          {" · "}
                          <Link href={`/leads/${a.leadId}`} className={linkClass}>
                            {a.leadName || "Unnamed lead"}
                          </Link>
                        </>
                      )}
                      {a.outcome && (
                        <span className="text-slate-600 dark:text-slate-400">
                          {" "}
                          — {a.outcome.replaceAll("_", " ")}
                        </span>
                      )}
                      {a.durationSeconds != null && a.durationSeconds > 0 && (
                        <span className="text-slate-600 dark:text-slate-400">
                          {" "}
                          ({formatDuration(a.durationSeconds)})
                        </span>
                      )}
                    </span>
                    <RelativeTime
                      iso={a.occurredAt}
                      className="shrink-0 text-xs text-slate-600 dark:text-slate-400"
                    />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
