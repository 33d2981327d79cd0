"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { REPORT_CATALOG } from "@/lib/reports/report-catalog";
import type { SavedReportDto } from "@/lib/reports/report-schemas";
import { ReportBuilder, useSavedReports } from "./report-builder";

/** Saved reports beside the builder; a saved report opens at /reports/{id}. */
export function ReportsScreen({ reportId, canWrite }: { reportId?: string; canWrite: boolean }) {
  const list = useSavedReports();
  const one = useQuery({
    queryKey: ["reports", "one", reportId],
    queryFn: ({ signal }) => apiFetch<SavedReportDto>(`/reports/${reportId}`, { signal }),
    enabled: Boolean(reportId),
  });
  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <Card title="Saved reports">
        <nav aria-label="Saved reports">
          <ul className="space-y-1 text-sm">
            <li>
              <Link
                href="/reports"
                className="font-medium text-brand-700 hover:underline dark:text-brand-300"
              >
                + New report
              </Link>
            </li>
            {list.error && <Alert tone="error">{errorMessage(list.error)}</Alert>}
            {list.data?.data.length === 0 && <li className="text-slate-500">None yet.</li>}
            {list.data?.data.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/reports/${r.id}`}
                  aria-current={r.id === reportId ? "page" : undefined}
                  className="block rounded px-2 py-1 hover:bg-slate-100 aria-[current=page]:bg-slate-100 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
                >
                  {r.name}
                  <span className="block text-xs text-slate-500">
                    {REPORT_CATALOG[r.definition.dataset].label}
                    {r.schedule.frequency ? ` · emailed ${r.schedule.frequency}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </Card>
      <div>
        {reportId && one.error && <Alert tone="error">{errorMessage(one.error)}</Alert>}
        {reportId ? (
          one.data && <ReportBuilder key={one.data.id} saved={one.data} canWrite={canWrite} />
        ) : (
          <ReportBuilder key="new" canWrite={canWrite} />
        )}
      </div>
    </div>
  );
}
