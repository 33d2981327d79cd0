"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import type { reminderSchema } from "@/lib/reminders/reminders";
import { DaySection } from "./day-section";
import type { DayScope } from "./my-day";

type Reminder = z.infer<typeof reminderSchema>;

const TITLES = { overdue: "Overdue follow-ups", today: "Due today" } as const;

/** Open reminders that are overdue or due today (in the browser's time zone), oldest first. */
export function RemindersDue({ due, scope }: { due: "overdue" | "today"; scope: DayScope }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string>();
  const params = {
    due,
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
    assigneeId: scope === "mine" ? "me" : undefined,
    perPage: 50,
  };
  const list = useQuery({
    queryKey: queryKeys.reminders.list(params),
    queryFn: ({ signal }) =>
      apiFetch<{ data: Reminder[] }>("/reminders", { query: params, signal }),
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      apiFetch(`/reminders/${id}`, { method: "PATCH", body }),
    onSuccess: () => {
      setFailure(undefined);
      void client.invalidateQueries({ queryKey: queryKeys.reminders.all });
      void client.invalidateQueries({ queryKey: queryKeys.leads.all });
    },
    onError: (e) => setFailure(errorMessage(e)),
  });
  const rows = list.data?.data;
  return (
    <DaySection
      title={TITLES[due]}
      count={rows?.length}
      tone={due === "overdue" ? "red" : "amber"}
      loading={list.isPending}
      error={list.isError ? errorMessage(list.error) : undefined}
      notice={failure}
      empty={due === "overdue" ? "Nothing overdue. Nice work." : "Nothing else due today."}
    >
      {rows?.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
          <div className="min-w-0 flex-1">
            <Link
              href={`/leads/${r.leadId}`}
              className="font-medium text-brand-700 hover:underline dark:text-brand-500"
            >
              {r.lead.displayName}
            </Link>
            <p className="truncate text-slate-700 dark:text-slate-300">{r.message}</p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {formatDateTime(r.dueAt)}
              {scope === "team" && ` · ${r.assignee.name}`}
            </p>
          </div>
          <div className="flex gap-1">
            <Button
              size="sm"
              variant="secondary"
              aria-label={`Mark “${r.message}” for ${r.lead.displayName} done`}
              onClick={() => update.mutate({ id: r.id, body: { status: "done" } })}
            >
              Done
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Snooze “${r.message}” for ${r.lead.displayName} until tomorrow`}
              onClick={() => update.mutate({ id: r.id, body: { snoozeMinutes: 24 * 60 } })}
            >
              Snooze 1 day
            </Button>
          </div>
        </li>
      ))}
    </DaySection>
  );
}
