"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { inputClass, SelectField } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { EmailAttachmentLinks, type EmailAttachmentLink } from "./email-attachment-links";

interface EmailSummary {
  id: string;
  kind: string;
  to: string;
  subject: string;
  transport: string;
  status: string;
  createdAt: string;
  openedAt: string | null;
  clickedAt: string | null;
  bouncedAt: string | null;
  attachments: EmailAttachmentLink[];
}
interface EmailDetail extends EmailSummary {
  from: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
}

const KINDS = [
  { value: "", label: "All mail" },
  { value: "campaign", label: "Campaigns" },
  { value: "manual", label: "Manual" },
  { value: "test", label: "Tests" },
  { value: "system", label: "System" },
];

/**
 * Links in a stored message open in a new tab, so following one from the outbox goes through click
 * tracking and the redirect exactly as it would from a recipient's mailbox.
 */
const withNewTabLinks = (html: string) => `<base target="_blank">${html}`;

function trackingBadges(m: EmailSummary) {
  if (m.bouncedAt) return <Badge tone="red">bounced</Badge>;
  return (
    <span className="flex gap-1">
      {m.openedAt && <Badge tone="blue">opened</Badge>}
      {m.clickedAt && <Badge tone="green">clicked</Badge>}
    </span>
  );
}

export function EmailOutbox({ localMode }: { localMode: boolean }) {
  const [q, setQ] = useState("");
  const [kind, setKind] = useState("");
  const [selected, setSelected] = useState<string>();
  const params = { q, perPage: 50, ...(kind ? { kind } : {}) };
  const list = useQuery({
    queryKey: queryKeys.emails.list(params),
    queryFn: ({ signal }) =>
      apiFetch<{ data: EmailSummary[] }>("/email-outbox", { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
  const detail = useQuery({
    queryKey: queryKeys.emails.detail(selected ?? ""),
    queryFn: () => apiFetch<EmailDetail>(`/email-outbox/${selected}`),
    enabled: Boolean(selected),
  });
  const columns: Column<EmailSummary>[] = [
    { key: "when", header: "When", cell: (m) => formatDateTime(m.createdAt) },
    { key: "to", header: "To", cell: (m) => m.to },
    {
      key: "subject",
      header: "Subject",
      cell: (m) => (
        <button
          type="button"
          className="text-left text-brand-600 hover:underline dark:text-brand-500"
          onClick={() => setSelected(m.id)}
        >
          {m.subject}
        </button>
      ),
    },
    {
      key: "status",
      header: "Status",
      cell: (m) => <Badge tone={m.status === "failed" ? "red" : "green"}>{m.status}</Badge>,
    },
    { key: "tracking", header: "Tracking", cell: trackingBadges },
    {
      key: "files",
      header: "Files",
      cell: (m) => <EmailAttachmentLinks files={m.attachments} label={`Files of ${m.subject}`} />,
    },
  ];
  return (
    <>
      <Card
        title="Email outbox"
        description={
          localMode
            ? "No email provider is configured: mail is kept here instead of being sent. Set RESEND_API_KEY to deliver it."
            : "Mail this organization sent, as handed to the provider."
        }
      >
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <label className="min-w-60 flex-1">
            <span className="sr-only">Search email</span>
            <input
              className={inputClass}
              type="search"
              placeholder="Search recipient or subject"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
          </label>
          <SelectField
            label="Kind"
            options={KINDS}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          />
        </div>
        {list.error && <Alert tone="error">{errorMessage(list.error)}</Alert>}
        <DataTable
          caption="Sent email"
          columns={columns}
          rows={list.data?.data}
          rowKey={(m) => m.id}
          loading={list.isLoading}
          empty="No email yet."
        />
      </Card>
      {selected && detail.data && (
        <Card
          title={detail.data.subject}
          description={`From ${detail.data.from} to ${detail.data.to} · ${formatDateTime(detail.data.createdAt)}`}
          actions={
            <Button variant="ghost" size="sm" onClick={() => setSelected(undefined)}>
              Close
            </Button>
          }
        >
          {Object.keys(detail.data.headers).length > 0 && (
            <dl className="mb-3 grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[max-content_1fr]">
              {Object.entries(detail.data.headers).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="font-medium text-slate-600 dark:text-slate-400">{name}</dt>
                  <dd className="break-all font-mono text-slate-800 dark:text-slate-200">
                    {value}
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {detail.data.attachments.length > 0 && (
            <div className="mb-3">
              <h3 className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">
                Attachments
              </h3>
              <EmailAttachmentLinks files={detail.data.attachments} label="Attachments" />
            </div>
          )}
          {detail.data.html ? (
            // Sandboxed: the message's HTML can't run scripts or reach the app; links open in a
            // new tab (through click tracking), never inside the app.
            <iframe
              title="Email content"
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={withNewTabLinks(detail.data.html)}
              className="h-96 w-full rounded-lg border border-slate-200 bg-white dark:border-slate-800"
            />
          ) : (
            <pre className="whitespace-pre-wrap text-sm">{detail.data.text}</pre>
          )}
        </Card>
      )}
    </>
  );
}
