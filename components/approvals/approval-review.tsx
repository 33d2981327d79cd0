"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { approvalKeys, fetchApproval, type ApprovalDetail } from "./approval-queries";
import { DelegateForm } from "./delegate-form";

/**
 * A held message opened for review: the preview as the lead will see it, the tracked edits, and —
 * while it waits — an editor and the decisions. Edits go with the approval (or, for someone who
 * can't decide, are saved on their own: PATCH).
 */
export function ApprovalReview({ id, canDecide }: { id: string; canDecide: boolean }) {
  const detail = useQuery({
    queryKey: approvalKeys.detail(id),
    queryFn: ({ signal }) => fetchApproval(id, signal),
  });
  if (detail.error) return <Alert tone="error">{errorMessage(detail.error)}</Alert>;
  if (!detail.data) return <p className="text-sm">Loading…</p>;
  return <Review approval={detail.data} canDecide={canDecide} />;
}

function Review({ approval, canDecide }: { approval: ApprovalDetail; canDecide: boolean }) {
  const client = useQueryClient();
  const [subject, setSubject] = useState(approval.subject);
  const [text, setText] = useState(approval.text);
  const [note, setNote] = useState("");
  const waiting = approval.status === "pending" || approval.status === "changes_requested";
  const edited = subject !== approval.subject || text !== approval.text;
  const changes = {
    ...(subject !== approval.subject ? { subject } : {}),
    ...(text !== approval.text ? { text } : {}),
  };
  const act = useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body: unknown }) =>
      apiFetch(`/approvals/${approval.id}${path}`, { method, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: approvalKeys.all }),
  });
  const post = (path: string, body: unknown) => act.mutate({ path, method: "POST", body });
  return (
    <div className="space-y-3 border-t border-slate-200 pt-3 dark:border-slate-800">
      <section aria-label="Preview" className="space-y-1">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          To {approval.preview.to ?? "(no address)"} · Subject: {approval.preview.subject}
        </p>
        <iframe
          title={`Preview of ${approval.subject}`}
          sandbox=""
          srcDoc={approval.preview.html}
          className="h-64 w-full rounded-lg border border-slate-200 bg-white dark:border-slate-700"
        />
      </section>
      {approval.edits.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium">
            {approval.edits.length} edit{approval.edits.length === 1 ? "" : "s"}
          </summary>
          <ul className="mt-1 space-y-1 text-xs">
            {approval.edits.map((e, i) => (
              <li key={i}>
                <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>:{" "}
                {Object.keys(e.changes).join(", ")} changed
              </li>
            ))}
          </ul>
        </details>
      )}
      {waiting && (
        <form
          className="space-y-3"
          aria-label="Edit the message"
          onSubmit={(e) => {
            e.preventDefault();
            if (edited) act.mutate({ path: "", method: "PATCH", body: changes });
          }}
        >
          <Field label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
          <div className="space-y-1.5">
            <label
              htmlFor={`text-${approval.id}`}
              className="block text-sm font-medium text-slate-700 dark:text-slate-300"
            >
              Message
            </label>
            <textarea
              id={`text-${approval.id}`}
              value={text}
              rows={8}
              onChange={(e) => setText(e.target.value)}
              className={inputClass}
            />
            {approval.html && (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Editing the text sends the edited text instead of the formatted version.
              </p>
            )}
          </div>
          {(!canDecide || approval.status === "changes_requested") && (
            <Button type="submit" variant="secondary" disabled={!edited} loading={act.isPending}>
              {approval.status === "changes_requested" ? "Save and resubmit" : "Save edits"}
            </Button>
          )}
        </form>
      )}
      {waiting && canDecide && approval.status === "pending" && (
        <div className="space-y-3">
          <Field
            label="Note or reason"
            hint="Required to reject or to request changes; kept with the decision."
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <Button
              loading={act.isPending}
              onClick={() => post("/approve", { ...changes, ...(note.trim() ? { note } : {}) })}
            >
              {edited ? "Approve with edits" : "Approve"}
            </Button>
            <Button
              variant="danger"
              disabled={!note.trim()}
              onClick={() => post("/reject", { reason: note })}
            >
              Reject
            </Button>
            <Button
              variant="secondary"
              disabled={!note.trim()}
              onClick={() => post("/request-changes", { note })}
            >
              Request changes
            </Button>
          </div>
          <DelegateForm onDelegate={(userId) => post("/delegate", { userId })} />
        </div>
      )}
      {act.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errorMessage(act.error)}
        </p>
      )}
      {act.isSuccess && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Saved.
        </p>
      )}
    </div>
  );
}
