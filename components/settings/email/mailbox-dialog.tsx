"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { mailboxSchema } from "@/lib/mailboxes/mailbox-schemas";

export type Mailbox = z.infer<typeof mailboxSchema>;

const TRANSPORTS = [
  { value: "local_outbox", label: "Local outbox (kept in Leadline)" },
  { value: "resend", label: "Resend" },
  { value: "smtp", label: "Your own SMTP server" },
];

/** Add or edit a mailbox; the API's field messages show under their inputs. */
export function MailboxDialog({
  mailbox,
  open,
  onClose,
}: {
  mailbox?: Mailbox;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [error, setError] = useState<ApiError | Error>();
  const [transport, setTransport] = useState(mailbox?.transport ?? "local_outbox");
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      mailbox
        ? apiFetch(`/mailboxes/${mailbox.id}`, { method: "PATCH", body })
        : apiFetch("/mailboxes", { method: "POST", body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.mailboxes });
      void client.invalidateQueries({ queryKey: queryKeys.emailSettings });
      onClose();
    },
    onError: (e) => setError(e),
  });
  const fieldError = (path: string) =>
    error instanceof ApiError ? error.fieldError(path) : undefined;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const smtp =
      transport === "smtp"
        ? {
            smtpHost: text("smtpHost") || null,
            smtpPort: text("smtpPort") ? Number(text("smtpPort")) : null,
            smtpSecure: form.get("smtpSecure") === "on",
            smtpUsername: text("smtpUsername") || null,
            // Left blank on an edit: keep the stored password.
            ...(text("smtpPassword") ? { smtpPassword: text("smtpPassword") } : {}),
          }
        : {};
    save.mutate({
      ...smtp,
      name: text("name"),
      fromName: text("fromName"),
      fromAddress: text("fromAddress"),
      replyTo: text("replyTo") || null,
      signatureHtml: text("signatureHtml") || null,
      dailyCap: Number(text("dailyCap")),
      hourlyCap: Number(text("hourlyCap")),
      transport: text("transport"),
    });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={mailbox ? `Edit ${mailbox.name}` : "Add a mailbox"}
    >
      <form onSubmit={submit} className="space-y-3" noValidate>
        {error && !(error instanceof ApiError && error.problem.errors?.length) && (
          <Alert tone="error">{errorMessage(error)}</Alert>
        )}
        <Field
          label="Name"
          name="name"
          defaultValue={mailbox?.name}
          error={fieldError("name")}
          required
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="From name"
            name="fromName"
            defaultValue={mailbox?.fromName}
            error={fieldError("fromName")}
            required
          />
          <Field
            label="From address"
            name="fromAddress"
            type="email"
            defaultValue={mailbox?.fromAddress}
            error={fieldError("fromAddress")}
            required
          />
        </div>
        <Field
          label="Reply-to (optional)"
          name="replyTo"
          type="email"
          defaultValue={mailbox?.replyTo ?? ""}
          error={fieldError("replyTo")}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="Daily cap"
            name="dailyCap"
            type="number"
            min={1}
            defaultValue={mailbox?.dailyCap ?? 200}
            error={fieldError("dailyCap")}
          />
          <Field
            label="Hourly cap"
            name="hourlyCap"
            type="number"
            min={1}
            defaultValue={mailbox?.hourlyCap ?? 50}
            error={fieldError("hourlyCap")}
          />
        </div>
        <SelectField
          label="Send through"
          name="transport"
          value={transport}
          onChange={(e) => setTransport(e.target.value as typeof transport)}
          options={TRANSPORTS}
          error={fieldError("transport")}
        />
        {transport === "smtp" && (
          <fieldset className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2 dark:border-slate-700">
            <legend className="px-1 text-sm font-medium">SMTP server</legend>
            <Field
              label="Host"
              name="smtpHost"
              defaultValue={mailbox?.smtpHost ?? ""}
              error={fieldError("smtpHost")}
            />
            <Field
              label="Port"
              name="smtpPort"
              type="number"
              defaultValue={mailbox?.smtpPort ?? 587}
              error={fieldError("smtpPort")}
            />
            <Field
              label="Username"
              name="smtpUsername"
              autoComplete="off"
              defaultValue={mailbox?.smtpUsername ?? ""}
              error={fieldError("smtpUsername")}
            />
            <Field
              label="Password"
              name="smtpPassword"
              type="password"
              autoComplete="new-password"
              hint={
                mailbox?.smtpPasswordSet ? "Stored encrypted; leave blank to keep it" : undefined
              }
              error={fieldError("smtpPassword")}
            />
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input
                type="checkbox"
                name="smtpSecure"
                defaultChecked={mailbox?.smtpSecure ?? false}
              />
              TLS from the start (port 465); otherwise STARTTLS when offered
            </label>
          </fieldset>
        )}
        <Field
          label="Signature (HTML, optional)"
          name="signatureHtml"
          defaultValue={mailbox?.signatureHtml ?? ""}
          error={fieldError("signatureHtml")}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {mailbox ? "Save mailbox" : "Add mailbox"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
