"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { useMembers } from "@/lib/client/lead-hooks";
import { queryKeys } from "@/lib/client/query-keys";
import type { LeadPermissions, Reminder } from "./lead-types";

const SNOOZES = [
  { label: "1 hour", minutes: 60 },
  { label: "1 day", minutes: 60 * 24 },
  { label: "1 week", minutes: 60 * 24 * 7 },
];

/** A local date-time as <input type="datetime-local"> wants it (no zone, minutes precision). */
function toLocalInput(d: Date) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function tomorrowMorning() {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return toLocalInput(d);
}

/** Follow-ups on this lead: schedule one, then complete or snooze it as the day goes. */
export function RemindersPanel({ leadId, perms }: { leadId: string; perms: LeadPermissions }) {
  const client = useQueryClient();
  const list = (status: "open" | "done") => ({
    queryKey: [...queryKeys.leads.reminders(leadId), status],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiFetch<{ data: Reminder[] }>("/reminders", {
        query: { leadId, status, perPage: 100 },
        signal,
      }),
  });
  const open = useQuery(list("open"));
  const done = useQuery(list("done"));
  const changed = () => {
    void client.invalidateQueries({ queryKey: queryKeys.leads.reminders(leadId) });
    void client.invalidateQueries({ queryKey: queryKeys.leads.timeline(leadId) });
    void client.invalidateQueries({ queryKey: queryKeys.leads.detail(leadId), exact: true });
    void client.invalidateQueries({ queryKey: queryKeys.reminders.all });
  };
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      apiFetch<Reminder>(`/reminders/${id}`, { method: "PATCH", body }),
    onSuccess: changed,
  });
  // Overdue as of the last fetch, which refreshes on focus and after every change.
  const now = open.dataUpdatedAt;
  return (
    <div className="space-y-6">
      <AddReminder leadId={leadId} defaultAssignee={perms.userId} onAdded={changed} />
      {update.error && <Alert tone="error">{errorMessage(update.error)}</Alert>}
      <section aria-labelledby="open-reminders" className="space-y-2">
        <h3 id="open-reminders" className="text-sm font-semibold">
          Open
        </h3>
        {open.error && <Alert tone="error">{errorMessage(open.error)}</Alert>}
        {open.data?.data.length === 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">No open reminders.</p>
        )}
        <ul aria-label="Open reminders" className="space-y-2">
          {open.data?.data.map((r) => {
            const overdue = new Date(r.dueAt).getTime() < now;
            return (
              <li
                key={r.id}
                className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 sm:flex-row sm:items-center sm:justify-between dark:border-slate-800"
              >
                <div className="min-w-0">
                  <p className="text-sm font-medium break-words">{r.message}</p>
                  <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
                    <time dateTime={r.dueAt}>{formatDateTime(r.dueAt)}</time>
                    {overdue && <Badge tone="red">Overdue</Badge>}
                    <span>· {r.assignee.name || "Unnamed member"}</span>
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-1">
                  <Button
                    size="sm"
                    onClick={() => update.mutate({ id: r.id, body: { status: "done" } })}
                    disabled={update.isPending}
                    aria-label={`Complete reminder: ${r.message}`}
                  >
                    Complete
                  </Button>
                  <span className="ml-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden>
                    Snooze
                  </span>
                  {SNOOZES.map((s) => (
                    <Button
                      key={s.minutes}
                      size="sm"
                      variant="secondary"
                      disabled={update.isPending}
                      aria-label={`Snooze ${s.label}: ${r.message}`}
                      onClick={() =>
                        update.mutate({ id: r.id, body: { snoozeMinutes: s.minutes } })
                      }
                    >
                      {s.label}
                    </Button>
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="done-reminders" className="space-y-2">
        <h3 id="done-reminders" className="text-sm font-semibold">
          Completed
        </h3>
        {done.data?.data.length === 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">None yet.</p>
        )}
        <ul aria-label="Completed reminders" className="space-y-2">
          {done.data?.data.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
            >
              <div className="min-w-0">
                <p className="text-sm break-words text-slate-700 line-through dark:text-slate-300">
                  {r.message}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Done {r.completedAt ? formatDateTime(r.completedAt) : ""} ·{" "}
                  {r.assignee.name || "Unnamed member"}
                </p>
              </div>
              <Button
                size="sm"
                variant="ghost"
                disabled={update.isPending}
                aria-label={`Reopen reminder: ${r.message}`}
                onClick={() => update.mutate({ id: r.id, body: { status: "open" } })}
              >
                Reopen
              </Button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function AddReminder({
  leadId,
  defaultAssignee,
  onAdded,
}: {
  leadId: string;
  defaultAssignee: string;
  onAdded: () => void;
}) {
  const members = useMembers();
  const [message, setMessage] = useState("");
  const [due, setDue] = useState(tomorrowMorning);
  const [assigneeId, setAssigneeId] = useState(defaultAssignee);
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<Reminder>(`/leads/${leadId}/reminders`, { body }),
    onSuccess: () => {
      setMessage("");
      setDue(tomorrowMorning());
      onAdded();
    },
  });
  const err = add.error instanceof ApiError ? add.error : undefined;
  const placed = ["message", "dueAt", "assigneeId"];
  return (
    <form
      noValidate
      aria-label="New reminder"
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        // The input holds local wall-clock time; Date reads it in the browser's zone.
        const at = due ? new Date(due) : null;
        add.mutate({
          message,
          dueAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : due,
          assigneeId: assigneeId || undefined,
        });
      }}
    >
      {add.error && !err?.problem.errors?.some((e) => placed.includes(e.path)) && (
        <Alert tone="error" className="sm:col-span-2">
          {errorMessage(add.error)}
        </Alert>
      )}
      <Field
        label="Reminder"
        className="sm:col-span-2"
        value={message}
        maxLength={1000}
        placeholder="Call back about the offer"
        onChange={(e) => setMessage(e.target.value)}
        error={err?.fieldError("message")}
      />
      <Field
        label="Due"
        type="datetime-local"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        error={err?.fieldError("dueAt")}
        hint={`In your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone})`}
      />
      <SelectField
        label="For"
        value={assigneeId}
        onChange={(e) => setAssigneeId(e.target.value)}
        error={err?.fieldError("assigneeId")}
        options={(members.data ?? []).map((m) => ({
          value: m.id,
          label: m.id === defaultAssignee ? `${m.name || m.email} (me)` : m.name || m.email,
        }))}
      />
      <div className="sm:col-span-2">
        <Button type="submit" loading={add.isPending}>
          Add reminder
        </Button>
      </div>
    </form>
  );
}
