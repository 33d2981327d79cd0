"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import type { Inquiry } from "./lead-types";
import { refreshLead } from "./use-lead";

const CHANNELS = ["website_form", "phone", "email", "walk_in", "chat"];

/** What the lead asked for. Recording one re-scores the lead, so the header refreshes too. */
export function InquiriesPanel({ leadId }: { leadId: string }) {
  const client = useQueryClient();
  const inquiries = useQuery({
    queryKey: queryKeys.leads.inquiries(leadId),
    queryFn: ({ signal }) =>
      apiFetch<{ data: Inquiry[] }>(`/leads/${leadId}/inquiries`, { signal }),
  });
  return (
    <div className="space-y-5">
      <AddInquiry
        leadId={leadId}
        onAdded={() => {
          void client.invalidateQueries({ queryKey: queryKeys.leads.inquiries(leadId) });
          refreshLead(client, leadId);
        }}
      />
      {inquiries.error && <Alert tone="error">{errorMessage(inquiries.error)}</Alert>}
      {inquiries.isLoading && (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>
      )}
      {inquiries.data?.data.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">No inquiries yet.</p>
      )}
      <ul aria-label="Inquiries" className="space-y-3">
        {inquiries.data?.data.map((q) => (
          <li key={q.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <p className="text-sm break-words whitespace-pre-wrap">{q.message}</p>
            <p className="mt-1.5 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              {q.channel && <Badge>{q.channel.replace(/_/g, " ")}</Badge>}
              <time dateTime={q.createdAt}>{formatDateTime(q.createdAt)}</time>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddInquiry({ leadId, onAdded }: { leadId: string; onAdded: () => void }) {
  const [message, setMessage] = useState("");
  const [channel, setChannel] = useState("");
  const id = useId();
  const add = useMutation({
    mutationFn: (body: { message: string; channel?: string }) =>
      apiFetch<{ inquiryId: string; newScore: number }>(`/leads/${leadId}/inquiries`, { body }),
    onSuccess: () => {
      setMessage("");
      setChannel("");
      onAdded();
    },
  });
  const err = add.error instanceof ApiError ? add.error : undefined;
  const messageError = err?.fieldError("message");
  return (
    <form
      noValidate
      aria-label="Record an inquiry"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ message, channel: channel.trim() || undefined });
      }}
    >
      {add.error && !messageError && !err?.fieldError("channel") && (
        <Alert tone="error">{errorMessage(add.error)}</Alert>
      )}
      <div className="space-y-1.5">
        <label
          htmlFor={id}
          className="block text-sm font-medium text-slate-700 dark:text-slate-300"
        >
          Inquiry
        </label>
        <textarea
          id={id}
          rows={3}
          value={message}
          maxLength={5000}
          onChange={(e) => setMessage(e.target.value)}
          aria-invalid={messageError ? true : undefined}
          aria-describedby={messageError ? `${id}-error` : undefined}
          className={inputClass}
          placeholder="What did they ask about?"
        />
        {messageError && (
          <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
            {messageError}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="Channel (optional)"
          className="min-w-48 flex-1 sm:max-w-64"
          value={channel}
          maxLength={50}
          list={`${id}-channels`}
          onChange={(e) => setChannel(e.target.value)}
          error={err?.fieldError("channel")}
        />
        <datalist id={`${id}-channels`}>
          {CHANNELS.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Button type="submit" loading={add.isPending} disabled={!message.trim()}>
          Record inquiry
        </Button>
      </div>
    </form>
  );
}
