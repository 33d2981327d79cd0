"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Channel } from "@/db/schema";
import {
  CHANNEL_LABELS,
  CHANNEL_LIST,
  channelKeys,
  fetchPreferences,
} from "@/components/settings/channels/channel-queries";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, SelectField, inputClass } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import type { CommunicationPreferences } from "@/lib/communication/preference-schemas";

type LeadPrefs = NonNullable<CommunicationPreferences["lead"]>;
type Notice = { tone: "success" | "error"; text: string };

/**
 * A lead's communication: consent per channel, preferred channel, WhatsApp number and Telegram
 * chat id, whether each channel can be used now (and why not), and a message form that sends on
 * a chosen channel through /communication/send/{leadId}.
 */
export function LeadCommunication({ leadId }: { leadId: string }) {
  // Kept here, not in the form: the form remounts when the saved preferences come back (to reset
  // its fields), and the confirmation must outlive that.
  const [prefsNotice, setPrefsNotice] = useState<Notice>();
  const prefs = useQuery({
    queryKey: channelKeys.preferences(leadId),
    queryFn: ({ signal }) => fetchPreferences(leadId, signal),
  });
  if (prefs.error) return <Alert tone="error">{errorMessage(prefs.error)}</Alert>;
  if (!prefs.data?.lead) return <p className="text-sm">Loading…</p>;
  return (
    <div className="space-y-6">
      <SendMessageForm leadId={leadId} lead={prefs.data.lead} />
      <LeadPreferencesForm
        key={prefs.data.lead.updatedAt ?? "new"}
        leadId={leadId}
        lead={prefs.data.lead}
        notice={prefsNotice}
        onNotice={setPrefsNotice}
      />
    </div>
  );
}

function SendMessageForm({ leadId, lead }: { leadId: string; lead: LeadPrefs }) {
  const client = useQueryClient();
  const usable = lead.channels.filter((c) => c.canSend).map((c) => c.channel);
  const [channel, setChannel] = useState<Channel | "">(
    lead.preferredChannel && usable.includes(lead.preferredChannel)
      ? lead.preferredChannel
      : (usable[0] ?? ""),
  );
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string }>();
  const [error, setError] = useState<ApiError>();
  const send = useMutation({
    mutationFn: (body: { channel: Channel; subject?: string; body: string }) =>
      apiFetch<{ to: string }>(`/communication/send/${leadId}`, { method: "POST", body }),
    onSuccess: (sent, vars) => {
      setError(undefined);
      setNotice({
        tone: "success",
        text: `Sent by ${CHANNEL_LABELS[vars.channel]} to ${sent.to}.`,
      });
      void client.invalidateQueries({ queryKey: channelKeys.preferences(leadId) });
      void client.invalidateQueries({ queryKey: ["conversations"] });
    },
    onError: (e) => {
      if (e instanceof ApiError) setError(e);
      setNotice({ tone: "error", text: errorMessage(e) });
    },
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!channel) return;
    const form = new FormData(event.currentTarget);
    const subject = String(form.get("subject") ?? "").trim();
    send.mutate(
      {
        channel,
        body: String(form.get("body") ?? ""),
        ...(channel === "email" && subject ? { subject } : {}),
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  const blocked = lead.channels.find((c) => c.channel === channel && !c.canSend);
  return (
    <Card title="Send message" description="Recorded on the lead's conversation.">
      {usable.length === 0 ? (
        <Alert tone="info">No channel can reach this lead right now (see below why).</Alert>
      ) : (
        <form onSubmit={submit} className="space-y-3" aria-label="Send message">
          {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
          <SelectField
            label="Channel"
            name="channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value as Channel)}
            options={usable.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          />
          {blocked && <p className="text-xs text-red-600">{blocked.reason}</p>}
          {channel === "email" && (
            <Field label="Subject" name="subject" error={error?.fieldError("subject")} />
          )}
          <div className="space-y-1.5">
            <label htmlFor="lead-message-body" className="block text-sm font-medium">
              Message
            </label>
            <textarea
              id="lead-message-body"
              name="body"
              required
              rows={4}
              className={inputClass}
              aria-invalid={error?.fieldError("body") ? true : undefined}
            />
            {error?.fieldError("body") && (
              <p className="text-xs text-red-600">{error.fieldError("body")}</p>
            )}
          </div>
          <Button type="submit" loading={send.isPending}>
            Send
          </Button>
        </form>
      )}
    </Card>
  );
}

function LeadPreferencesForm({
  leadId,
  lead,
  notice,
  onNotice: setNotice,
}: {
  leadId: string;
  lead: LeadPrefs;
  notice: Notice | undefined;
  onNotice: (notice: Notice | undefined) => void;
}) {
  const client = useQueryClient();
  const [error, setError] = useState<ApiError>();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch("/communication/preferences", { method: "PUT", body: { leadId, ...body } }),
    onSuccess: () => {
      setError(undefined);
      setNotice({ tone: "success", text: "Preferences saved." });
      void client.invalidateQueries({ queryKey: channelKeys.preferences(leadId) });
    },
    onError: (e) => {
      if (e instanceof ApiError) setError(e);
      setNotice({ tone: "error", text: errorMessage(e) });
    },
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    save.mutate({
      preferredChannel: text("preferredChannel"),
      whatsappNumber: text("whatsappNumber"),
      telegramChatId: text("telegramChatId"),
      consent: Object.fromEntries(CHANNEL_LIST.map((c) => [c, form.get(`consent-${c}`)])),
    });
  }

  return (
    <Card title="Communication preferences">
      <form onSubmit={submit} className="space-y-4" aria-label="Communication preferences">
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-400">
              <th className="py-1 font-medium">Channel</th>
              <th className="py-1 font-medium">Consent</th>
              <th className="py-1 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {lead.channels.map((c) => (
              <tr key={c.channel} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-2">
                  {CHANNEL_LABELS[c.channel]}
                  {c.address && (
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {c.address}
                    </span>
                  )}
                </td>
                <td className="py-2">
                  <select
                    name={`consent-${c.channel}`}
                    aria-label={`${CHANNEL_LABELS[c.channel]} consent`}
                    defaultValue={lead.consent[c.channel] ?? "unknown"}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
                  >
                    <option value="unknown">Not asked</option>
                    <option value="granted">Granted</option>
                    <option value="denied">Declined</option>
                  </select>
                </td>
                <td className="py-2">
                  <Badge tone={c.canSend ? "green" : "amber"}>
                    {c.canSend ? "Can send" : "Blocked"}
                  </Badge>
                  {c.reason && (
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {c.reason}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label="Preferred channel"
            name="preferredChannel"
            defaultValue={lead.preferredChannel ?? ""}
            options={[
              { value: "", label: "No preference" },
              ...CHANNEL_LIST.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
            ]}
          />
          <Field
            label="WhatsApp number"
            name="whatsappNumber"
            defaultValue={lead.whatsappNumber ?? ""}
            placeholder="+447700900123"
            error={error?.fieldError("whatsappNumber")}
          />
          <Field
            label="Telegram chat id"
            name="telegramChatId"
            defaultValue={lead.telegramChatId ?? ""}
            error={error?.fieldError("telegramChatId")}
          />
        </div>
        <Button type="submit" loading={save.isPending}>
          Save preferences
        </Button>
      </form>
    </Card>
  );
}
