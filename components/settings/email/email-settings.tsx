"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { emailSettingsSchema } from "@/lib/mailboxes/mailbox-schemas";
import { InboundReplies } from "./inbound-replies";
import { MailboxDialog, type Mailbox } from "./mailbox-dialog";

type Settings = z.infer<typeof emailSettingsSchema>;

const TRANSPORT_LABELS: Record<string, string> = {
  local_outbox: "Local outbox",
  resend: "Resend",
  smtp: "SMTP",
};

/** Sender mailboxes, the default one, tracking and the compliance footer; a test send. */
export function EmailSettings({ canManage }: { canManage: boolean }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<Mailbox | "new" | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string }>();
  const mailboxes = useQuery({
    queryKey: queryKeys.mailboxes,
    queryFn: ({ signal }) => apiFetch<{ data: Mailbox[] }>("/mailboxes", { signal }),
  });
  const settings = useQuery({
    queryKey: queryKeys.emailSettings,
    queryFn: ({ signal }) => apiFetch<Settings>("/settings/email", { signal }),
  });
  const done = (text: string) => {
    setNotice({ tone: "success", text });
    void client.invalidateQueries({ queryKey: queryKeys.mailboxes });
    void client.invalidateQueries({ queryKey: queryKeys.emailSettings });
  };
  const failed = (e: unknown) => setNotice({ tone: "error", text: errorMessage(e) });
  const saveSettings = useMutation({
    mutationFn: (body: Partial<Settings>) => apiFetch("/settings/email", { method: "PUT", body }),
    onSuccess: () => done("Email settings saved."),
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/mailboxes/${id}`, { method: "DELETE" }),
    onSuccess: () => done("Mailbox removed."),
    onError: failed,
  });
  const test = useMutation({
    mutationFn: (mailboxId: string) =>
      apiFetch<{ to: string }>("/settings/email/test", { method: "POST", body: { mailboxId } }),
    onSuccess: (r) => done(`Test message sent to ${r.to}. It is in the email outbox.`),
    onError: failed,
  });

  const columns: Column<Mailbox>[] = [
    {
      key: "mailbox",
      header: "Mailbox",
      cell: (m) => (
        <div>
          <p className="font-medium">
            {m.name} {m.isDefault && <Badge tone="blue">Default</Badge>}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {m.fromName} &lt;{m.fromAddress}&gt;
          </p>
        </div>
      ),
    },
    { key: "transport", header: "Sends through", cell: (m) => TRANSPORT_LABELS[m.transport] },
    { key: "caps", header: "Caps", cell: (m) => `${m.dailyCap}/day · ${m.hourlyCap}/hour` },
    {
      key: "status",
      header: "Status",
      cell: (m) => (
        <Badge tone={m.status === "active" ? "green" : "amber"}>
          {m.status === "active"
            ? "Active"
            : `Paused${m.pausedReason ? `: ${m.pausedReason}` : ""}`}
        </Badge>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      className: "text-right",
      cell: (m) =>
        canManage ? (
          <div className="flex flex-wrap justify-end gap-1">
            <Button
              size="sm"
              variant="ghost"
              onClick={() => test.mutate(m.id)}
              aria-label={`Send a test from ${m.name}`}
            >
              Send test
            </Button>
            {!m.isDefault && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => saveSettings.mutate({ defaultMailboxId: m.id })}
                aria-label={`Make ${m.name} the default`}
              >
                Make default
              </Button>
            )}
            <Button
              size="sm"
              variant="secondary"
              onClick={() => setEditing(m)}
              aria-label={`Edit ${m.name}`}
            >
              Edit
            </Button>
            <Button
              size="sm"
              variant="secondary"
              aria-label={`Remove ${m.name}`}
              onClick={() => window.confirm(`Remove ${m.name}?`) && remove.mutate(m.id)}
            >
              Remove
            </Button>
          </div>
        ) : null,
    },
  ];

  function submitSettings(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    saveSettings.mutate({
      trackOpens: form.get("trackOpens") === "on",
      trackClicks: form.get("trackClicks") === "on",
      postalAddress: String(form.get("postalAddress") ?? "").trim() || null,
      unsubscribeText: String(form.get("unsubscribeText") ?? "").trim() || null,
    });
  }

  return (
    <div className="space-y-6">
      {notice && (
        <Alert tone={notice.tone} className="mb-3">
          {notice.text}
        </Alert>
      )}
      {!canManage && <Alert tone="info">Only owners and admins can change email settings.</Alert>}
      <Card
        title="Mailboxes"
        description="Who campaign mail is from, where replies go, and how much each may send."
        actions={canManage && <Button onClick={() => setEditing("new")}>Add mailbox</Button>}
      >
        {mailboxes.isError && <Alert tone="error">{errorMessage(mailboxes.error)}</Alert>}
        <DataTable
          caption="Mailboxes"
          columns={columns}
          rows={mailboxes.data?.data}
          rowKey={(m) => m.id}
          loading={mailboxes.isPending}
          empty="No mailbox yet. Add one to send campaigns from."
        />
      </Card>
      {settings.data && (
        <Card title="Sending" description="Applies to every campaign email.">
          <form onSubmit={submitSettings} className="space-y-3">
            <fieldset disabled={!canManage} className="space-y-3">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="trackOpens"
                  defaultChecked={settings.data.trackOpens}
                />
                Track opens (a tracking pixel)
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="trackClicks"
                  defaultChecked={settings.data.trackClicks}
                />
                Track link clicks
              </label>
              <Field
                label="Postal address (shown in the footer, required by anti-spam law)"
                name="postalAddress"
                defaultValue={settings.data.postalAddress ?? ""}
              />
              <Field
                label="Unsubscribe line (optional)"
                name="unsubscribeText"
                placeholder="Don't want these emails? Unsubscribe."
                defaultValue={settings.data.unsubscribeText ?? ""}
              />
            </fieldset>
            {canManage && (
              <Button type="submit" loading={saveSettings.isPending}>
                Save settings
              </Button>
            )}
          </form>
        </Card>
      )}
      {settings.data && (
        <InboundReplies inboundAddress={settings.data.inboundAddress} canManage={canManage} />
      )}
      {editing && (
        <MailboxDialog
          open
          mailbox={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
