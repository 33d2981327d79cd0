"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import type { ChannelSettings } from "@/lib/communication/provider-schemas";
import { useProviderSettings } from "./use-provider-settings";

type Notify = (tone: "success" | "error", text: string) => void;

/** Twilio's account and numbers; the auth token is write-only (blank keeps the stored one). */
export function TwilioSettingsForm({
  settings,
  canManage,
  notify,
}: {
  settings: ChannelSettings["twilio"];
  canManage: boolean;
  notify: Notify;
}) {
  const { save, remove, error } = useProviderSettings("twilio", "Twilio", notify);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const number = (name: string) => text(name) || null;
    save.mutate({
      accountSid: text("accountSid"),
      ...(text("authToken") ? { authToken: text("authToken") } : {}),
      smsNumber: number("smsNumber"),
      whatsappNumber: number("whatsappNumber"),
      voiceNumber: number("voiceNumber"),
      enabled: form.get("enabled") === "on",
    });
  }

  return (
    <Card
      title="Twilio"
      description="SMS, WhatsApp and voice calls. Numbers in international form, e.g. +14155550100."
      actions={
        <Badge tone={settings.configured ? "green" : "neutral"}>
          {settings.configured
            ? settings.enabled
              ? "Configured"
              : "Switched off"
            : "Not configured"}
        </Badge>
      }
    >
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-label="Twilio settings">
        <Field
          label="Account SID"
          name="accountSid"
          defaultValue={settings.accountSid ?? ""}
          placeholder="AC…"
          required
          disabled={!canManage}
          error={error?.fieldError("accountSid")}
        />
        <Field
          label="Auth token"
          name="authToken"
          type="password"
          autoComplete="off"
          placeholder={settings.configured ? "Stored — leave blank to keep" : ""}
          disabled={!canManage}
          error={error?.fieldError("authToken")}
        />
        <Field
          label="SMS number"
          name="smsNumber"
          defaultValue={settings.smsNumber ?? ""}
          disabled={!canManage}
          error={error?.fieldError("smsNumber")}
        />
        <Field
          label="WhatsApp number"
          name="whatsappNumber"
          defaultValue={settings.whatsappNumber ?? ""}
          disabled={!canManage}
          error={error?.fieldError("whatsappNumber")}
        />
        <Field
          label="Voice number"
          name="voiceNumber"
          defaultValue={settings.voiceNumber ?? ""}
          disabled={!canManage}
          error={error?.fieldError("voiceNumber")}
        />
        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            name="enabled"
            defaultChecked={settings.configured ? settings.enabled : true}
            disabled={!canManage}
          />
          Enabled
        </label>
        <p className="text-xs text-slate-600 sm:col-span-2 dark:text-slate-400">
          In Twilio, set each number&apos;s incoming message webhook to{" "}
          <code className="break-all">{settings.webhookUrl}</code> (HTTP POST).
        </p>
        {canManage && (
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" loading={save.isPending}>
              Save Twilio
            </Button>
            {settings.configured && (
              <Button
                type="button"
                variant="secondary"
                onClick={() =>
                  window.confirm("Remove Twilio and its credentials?") && remove.mutate()
                }
              >
                Remove
              </Button>
            )}
          </div>
        )}
      </form>
    </Card>
  );
}
