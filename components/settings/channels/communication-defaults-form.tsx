"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Channel } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import type { CommunicationPreferences } from "@/lib/communication/preference-schemas";
import { CHANNEL_LABELS, CHANNEL_LIST as CHANNELS, channelKeys } from "./channel-queries";

/**
 * The organization's defaults: which channels anyone may use, the preferred one, and per
 * channel whether a lead who hasn't said counts as consenting ("Ask first" = needs consent).
 */
export function CommunicationDefaultsForm({
  defaults,
  canManage,
  notify,
}: {
  defaults: CommunicationPreferences["organization"];
  canManage: boolean;
  notify: (tone: "success" | "error", text: string) => void;
}) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch("/communication/preferences", { method: "PUT", body }),
    onSuccess: () => {
      notify("success", "Communication defaults saved.");
      void client.invalidateQueries({ queryKey: channelKeys.all });
    },
    onError: (e) => notify("error", errorMessage(e)),
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const preferred = String(form.get("preferredChannel") ?? "");
    save.mutate({
      enabledChannels: CHANNELS.filter((c) => form.get(`enabled-${c}`) === "on"),
      preferredChannel: preferred ? (preferred as Channel) : null,
      consent: Object.fromEntries(
        CHANNELS.map((c) => [c, form.get(`consent-${c}`) === "denied" ? "denied" : "unknown"]),
      ),
    });
  }

  return (
    <Card
      title="Communication defaults"
      description="Channels your team may use, and which need a lead's explicit consent first."
    >
      <form onSubmit={submit} className="space-y-4" aria-label="Communication defaults">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-400">
              <th className="py-1 font-medium">Channel</th>
              <th className="py-1 font-medium">Enabled</th>
              <th className="py-1 font-medium">Without a lead&apos;s answer</th>
            </tr>
          </thead>
          <tbody>
            {CHANNELS.map((channel) => (
              <tr key={channel} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-2">{CHANNEL_LABELS[channel]}</td>
                <td className="py-2">
                  <input
                    type="checkbox"
                    name={`enabled-${channel}`}
                    aria-label={`${CHANNEL_LABELS[channel]} enabled`}
                    defaultChecked={defaults.enabledChannels.includes(channel)}
                    disabled={!canManage}
                  />
                </td>
                <td className="py-2">
                  <select
                    name={`consent-${channel}`}
                    aria-label={`${CHANNEL_LABELS[channel]} without a lead's answer`}
                    defaultValue={defaults.consent[channel] === "denied" ? "denied" : "unknown"}
                    disabled={!canManage}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
                  >
                    <option value="unknown">May contact</option>
                    <option value="denied">Ask first (consent needed)</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <SelectField
          label="Preferred channel"
          name="preferredChannel"
          defaultValue={defaults.preferredChannel ?? ""}
          disabled={!canManage}
          options={[
            { value: "", label: "No preference" },
            ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
          ]}
        />
        {canManage && (
          <Button type="submit" loading={save.isPending}>
            Save defaults
          </Button>
        )}
      </form>
    </Card>
  );
}
