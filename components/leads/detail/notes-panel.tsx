"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { ConfirmDialog } from "./confirm-dialog";
import type { LeadPermissions, Note } from "./lead-types";

/** Notes about the lead, newest first: add, edit and delete (the author, or an admin). */
export function NotesPanel({ leadId, perms }: { leadId: string; perms: LeadPermissions }) {
  const client = useQueryClient();
  const notes = useQuery({
    queryKey: queryKeys.leads.notes(leadId),
    queryFn: ({ signal }) => apiFetch<{ data: Note[] }>(`/leads/${leadId}/notes`, { signal }),
  });
  const changed = () => {
    void client.invalidateQueries({ queryKey: queryKeys.leads.notes(leadId) });
    void client.invalidateQueries({ queryKey: queryKeys.leads.timeline(leadId) });
  };
  return (
    <div className="space-y-5">
      <AddNote leadId={leadId} onAdded={changed} />
      {notes.error && <Alert tone="error">{errorMessage(notes.error)}</Alert>}
      {notes.isLoading && <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>}
      {notes.data?.data.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">No notes yet.</p>
      )}
      <ul aria-label="Notes" className="space-y-3">
        {notes.data?.data.map((note) => (
          <NoteItem
            key={note.id}
            leadId={leadId}
            note={note}
            editable={perms.canEditAnyNote || note.author?.id === perms.userId}
            onChanged={changed}
          />
        ))}
      </ul>
    </div>
  );
}

function AddNote({ leadId, onAdded }: { leadId: string; onAdded: () => void }) {
  const [body, setBody] = useState("");
  const id = useId();
  const add = useMutation({
    mutationFn: (text: string) =>
      apiFetch<Note>(`/leads/${leadId}/notes`, { body: { body: text } }),
    onSuccess: () => {
      setBody("");
      onAdded();
    },
  });
  const err = add.error instanceof ApiError ? add.error : undefined;
  const message = err?.fieldError("body") ?? (add.error ? errorMessage(add.error) : undefined);
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(body);
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        New note
      </label>
      <textarea
        id={id}
        rows={3}
        value={body}
        maxLength={10_000}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        className={inputClass}
        placeholder="What did you learn? Next steps?"
      />
      {message && (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {message}
        </p>
      )}
      <Button type="submit" loading={add.isPending} disabled={!body.trim()}>
        Add note
      </Button>
    </form>
  );
}

function NoteItem({
  leadId,
  note,
  editable,
  onChanged,
}: {
  leadId: string;
  note: Note;
  editable: boolean;
  onChanged: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const save = useMutation({
    mutationFn: (body: string) =>
      apiFetch<Note>(`/leads/${leadId}/notes/${note.id}`, { method: "PATCH", body: { body } }),
    onSuccess: () => {
      setDraft(null);
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/leads/${leadId}/notes/${note.id}`, { method: "DELETE" }),
    onSuccess: () => {
      setConfirming(false);
      onChanged();
    },
  });
  const edited = note.updatedAt !== note.createdAt;
  return (
    <li className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      {draft === null ? (
        <p className="text-sm break-words whitespace-pre-wrap">{note.body}</p>
      ) : (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <label htmlFor={id} className="sr-only">
            Edit note
          </label>
          <textarea
            id={id}
            rows={3}
            value={draft}
            maxLength={10_000}
            onChange={(e) => setDraft(e.target.value)}
            className={inputClass}
            autoFocus
          />
          {save.error && <Alert tone="error">{errorMessage(save.error)}</Alert>}
          <div className="flex gap-2">
            <Button type="submit" size="sm" loading={save.isPending} disabled={!draft.trim()}>
              Save note
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {note.author?.name || "Someone"} ·{" "}
          <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
          {edited && " · edited"}
        </p>
        {editable && draft === null && (
          <div className="flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => setDraft(note.body)}>
              Edit<span className="sr-only"> note</span>
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
              Delete<span className="sr-only"> note</span>
            </Button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this note?"
        confirmLabel="Delete note"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      >
        It disappears from the lead; the timeline keeps a record that it was deleted.
      </ConfirmDialog>
    </li>
  );
}
