"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { CALL_OUTCOMES } from "@/db/schema";
import type { LogCallInput } from "@/lib/activity/call-schemas";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { refreshLead } from "./use-lead";

export const CALL_OUTCOME_LABELS: Record<(typeof CALL_OUTCOMES)[number], string> = {
  connected: "Connected",
  voicemail: "Left a voicemail",
  no_answer: "No answer",
  busy: "Busy",
  wrong_number: "Wrong number",
  meeting_booked: "Meeting booked",
};

/** Log a call made to the lead: it lands on the timeline below and counts as contact. */
export function LogCallForm({ leadId }: { leadId: string }) {
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<LogCallInput["outcome"]>("connected");
  const [minutes, setMinutes] = useState("");
  const [notes, setNotes] = useState("");
  const log = useMutation({
    mutationFn: (body: LogCallInput) =>
      apiFetch(`/leads/${leadId}/calls`, { method: "POST", body }),
    onSuccess: () => {
      setMinutes("");
      setNotes("");
      refreshLead(client, leadId);
    },
  });
  const err = log.error instanceof ApiError ? log.error : undefined;
  return (
    <form
      aria-label="Log call"
      className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        log.mutate({
          outcome,
          durationSeconds: Math.round(Math.max(0, Number(minutes) || 0) * 60),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        });
      }}
    >
      <h3 className="text-sm font-semibold">Log call</h3>
      {log.error && !err?.problem.errors && <Alert tone="error">{errorMessage(log.error)}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="Outcome"
          className="w-44"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as LogCallInput["outcome"])}
          options={Object.entries(CALL_OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
          error={err?.fieldError("outcome")}
        />
        <Field
          label="Duration (minutes)"
          type="number"
          min={0}
          step="0.5"
          inputMode="decimal"
          className="w-36"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={err?.fieldError("durationSeconds")}
        />
        <Field
          label="Notes"
          className="min-w-48 flex-1"
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={err?.fieldError("notes")}
        />
        <Button type="submit" loading={log.isPending}>
          Log call
        </Button>
      </div>
      {log.isSuccess && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Call logged.
        </p>
      )}
    </form>
  );
}
