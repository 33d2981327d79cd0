"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import {
  CHANNEL_LABELS,
  channelKeys,
  fetchChannelSettings,
  fetchPreferences,
} from "./channel-queries";
import { CommunicationDefaultsForm } from "./communication-defaults-form";
import { TelegramSettingsForm } from "./telegram-settings-form";
import { TwilioSettingsForm } from "./twilio-settings-form";

/** Settings → Channels: which channels are ready, the providers behind them, the defaults. */
export function ChannelSettings({ canManage }: { canManage: boolean }) {
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string }>();
  const notify = (tone: "success" | "error", text: string) => setNotice({ tone, text });
  const settings = useQuery({
    queryKey: channelKeys.settings,
    queryFn: ({ signal }) => fetchChannelSettings(signal),
  });
  const preferences = useQuery({
    queryKey: channelKeys.preferences(),
    queryFn: ({ signal }) => fetchPreferences(undefined, signal),
  });
  if (settings.error || preferences.error) {
    return <Alert tone="error">{errorMessage(settings.error ?? preferences.error)}</Alert>;
  }
  if (!settings.data || !preferences.data) return <p className="text-sm">Loading…</p>;
  const data = settings.data;
  return (
    <div className="space-y-6">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <Card title="Channels" description="A channel can be used once it is enabled and set up.">
        <ul className="grid gap-2 sm:grid-cols-2" aria-label="Channel status">
          {data.channels.map((c) => (
            <li key={c.channel} className="flex items-start justify-between gap-2 text-sm">
              <span>
                <span className="font-medium">{CHANNEL_LABELS[c.channel]}</span>
                {c.reason && (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {c.reason}
                  </span>
                )}
              </span>
              <Badge tone={c.ready ? "green" : "amber"}>{c.ready ? "Ready" : "Not ready"}</Badge>
            </li>
          ))}
        </ul>
      </Card>
      {/* Keyed by updatedAt: a save re-renders the forms with what was stored. */}
      <TwilioSettingsForm
        key={`twilio-${data.twilio.updatedAt}`}
        settings={data.twilio}
        canManage={canManage}
        notify={notify}
      />
      <TelegramSettingsForm
        key={`telegram-${data.telegram.updatedAt}`}
        settings={data.telegram}
        canManage={canManage}
        notify={notify}
      />
      <CommunicationDefaultsForm
        key={`defaults-${preferences.data.organization.updatedAt}`}
        defaults={preferences.data.organization}
        canManage={canManage}
        notify={notify}
      />
    </div>
  );
}
