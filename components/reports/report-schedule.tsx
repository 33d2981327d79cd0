"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import type { SavedReportDto } from "@/lib/reports/report-schemas";

interface Member {
  id: string;
  name: string;
  email: string;
}

/** How often the report is emailed, as what, and to which members. */
export function ReportSchedule({ report }: { report: SavedReportDto }) {
  const client = useQueryClient();
  const [frequency, setFrequency] = useState(report.schedule.frequency ?? "");
  const [format, setFormat] = useState(report.schedule.format);
  const [recipients, setRecipients] = useState<string[]>(report.schedule.recipientIds);
  const members = useQuery({
    queryKey: ["members", "all"],
    queryFn: ({ signal }) =>
      apiFetch<{ data: Member[] }>("/users", { query: { perPage: 100 }, signal }),
  });
  const save = useMutation({
    mutationFn: () =>
      apiFetch<SavedReportDto>(`/reports/${report.id}`, {
        method: "PUT",
        body: {
          schedule: { frequency: frequency || null, format, recipientIds: recipients },
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["reports"] }),
  });
  // Sends what is saved (not unsaved edits), so it is offered once a schedule with recipients is.
  const sendNow = useMutation({
    mutationFn: () =>
      apiFetch<{ emails: number }>(`/reports/${report.id}/send`, { method: "POST" }),
  });
  const sendable = Boolean(report.schedule.frequency && report.schedule.recipientIds.length);
  return (
    <div className="mt-6 space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <h3 className="text-sm font-semibold">Email schedule</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Frequency"
          value={frequency}
          onChange={(e) => setFrequency(e.target.value as typeof frequency)}
          options={[
            { value: "", label: "Not emailed" },
            { value: "daily", label: "Daily" },
            { value: "weekly", label: "Weekly (Mondays)" },
            { value: "monthly", label: "Monthly (the 1st)" },
          ]}
        />
        <SelectField
          label="Format"
          value={format}
          onChange={(e) => setFormat(e.target.value as typeof format)}
          options={[
            { value: "csv", label: "CSV" },
            { value: "xlsx", label: "XLSX" },
            { value: "pdf", label: "PDF" },
          ]}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Recipients</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {members.data?.data.map((m) => (
            <label key={m.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={recipients.includes(m.id)}
                onChange={(e) =>
                  setRecipients((r) =>
                    e.target.checked ? [...r, m.id] : r.filter((x) => x !== m.id),
                  )
                }
              />
              {m.name || m.email}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Emails carry the report as a table and a link back here; it runs with its creator&apos;s
        visibility.
        {report.schedule.lastSentAt &&
          ` Last sent ${new Date(report.schedule.lastSentAt).toLocaleString()}.`}
      </p>
      {save.error && <Alert tone="error">{errorMessage(save.error)}</Alert>}
      {save.isSuccess && <Alert tone="success">Schedule saved.</Alert>}
      {sendNow.error && <Alert tone="error">{errorMessage(sendNow.error)}</Alert>}
      {sendNow.data && (
        <Alert tone="success">
          Emailed to {sendNow.data.emails} recipient{sendNow.data.emails === 1 ? "" : "s"}.
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() => save.mutate()}
          disabled={save.isPending}
        >
          Save schedule
        </Button>
        {sendable && (
          <Button
            type="button"
            variant="ghost"
            onClick={() => sendNow.mutate()}
            disabled={sendNow.isPending}
          >
            Send now
          </Button>
        )}
      </div>
    </div>
  );
}
