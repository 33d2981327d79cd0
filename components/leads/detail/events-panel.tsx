"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { EventsChart } from "./events-chart";
import type { LeadAnalytics } from "./lead-types";

const RANGES = [7, 30, 90];
const DAY = 86_400_000;

/** UTC calendar days, oldest first, ending today — the API groups events by UTC day. */
function lastDays(n: number, today = new Date()): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: n }, (_, i) =>
    new Date(end - (n - 1 - i) * DAY).toISOString().slice(0, 10),
  );
}

/** What the lead did (page views, downloads, …) that was tracked, per day and by type. */
export function EventsPanel({ leadId }: { leadId: string }) {
  const [range, setRange] = useState(30);
  const selectId = useId();
  const days = lastDays(range);
  const from = `${days[0]}T00:00:00.000Z`;
  const analytics = useQuery({
    queryKey: [...queryKeys.leads.analytics(leadId), range],
    queryFn: ({ signal }) =>
      apiFetch<LeadAnalytics>(`/leads/${leadId}/analytics`, { query: { from }, signal }),
    placeholderData: keepPreviousData,
  });
  const perDay = new Map<string, number>();
  for (const row of analytics.data?.byDay ?? [])
    perDay.set(row.date, (perDay.get(row.date) ?? 0) + row.count);
  const series = days.map((date) => ({ date, count: perDay.get(date) ?? 0 }));
  const total = series.reduce((s, d) => s + d.count, 0);
  const busiest = series.reduce((a, b) => (b.count > a.count ? b : a), series[0]!);
  const summary =
    total === 0
      ? `No tracked events in the last ${range} days`
      : `${total} tracked events in the last ${range} days; busiest day ${busiest.date} with ${busiest.count}`;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {analytics.data ? `${summary}.` : ""}
        </p>
        <div className="flex items-center gap-2">
          <label htmlFor={selectId} className="text-sm text-slate-700 dark:text-slate-300">
            Period
          </label>
          <select
            id={selectId}
            value={range}
            onChange={(e) => setRange(Number(e.target.value))}
            className={`${inputClass} h-8 w-auto py-1`}
          >
            {RANGES.map((r) => (
              <option key={r} value={r}>
                Last {r} days
              </option>
            ))}
          </select>
        </div>
      </div>
      {analytics.error && <Alert tone="error">{errorMessage(analytics.error)}</Alert>}
      {analytics.isLoading ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>
      ) : (
        <>
          <EventsChart days={series} label={`Tracked events per day. ${summary}.`} />
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">Show per day as a table</summary>
            <table className="mt-2 w-full text-left">
              <caption className="sr-only">Tracked events per day</caption>
              <thead className="text-xs text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-1">
                    Day (UTC)
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Events
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {series
                  .filter((d) => d.count > 0)
                  .map((d) => (
                    <tr key={d.date}>
                      <td className="py-1">{d.date}</td>
                      <td className="py-1 text-right tabular-nums">{d.count}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </details>
          {(analytics.data?.byType.length ?? 0) > 0 && (
            <table className="w-full text-left text-sm">
              <caption className="mb-1 text-left font-semibold">By type</caption>
              <thead className="text-xs text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-1">
                    Event
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Count
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Last
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {analytics.data?.byType.map((t) => (
                  <tr key={t.type}>
                    <td className="py-1">{t.type}</td>
                    <td className="py-1 text-right tabular-nums">{t.count}</td>
                    <td className="py-1 text-right">{formatDateTime(t.lastAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(analytics.data?.data.length ?? 0) > 0 && (
            <section aria-labelledby={`${selectId}-recent`} className="space-y-2">
              <h3 id={`${selectId}-recent`} className="text-sm font-semibold">
                Latest events
              </h3>
              <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
                {analytics.data?.data.slice(0, 20).map((e) => (
                  <li key={e.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                    <span className="min-w-0 break-all">
                      <span className="font-medium">{e.type}</span>
                      {e.value ? ` · ${e.value}` : ""}
                    </span>
                    <time
                      dateTime={e.occurredAt}
                      className="text-xs text-slate-600 dark:text-slate-400"
                    >
                      {formatDateTime(e.occurredAt)}
                    </time>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
