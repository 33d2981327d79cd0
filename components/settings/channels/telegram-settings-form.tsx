"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import type { ChannelSettings } from "@/lib/communication/provider-schemas";
import { useProviderSettings } from "./use-provider-settings";

/** The Telegram bot: token (write-only), username, and registering the webhook with Telegram. */
export function TelegramSettingsForm({
  settings,
  canManage,
  notify,
}: {
  settings: ChannelSettings["telegram"];
  canManage: boolean;
  notify: (tone: "success" | "error", text: string) => void;
}) {
  const { save, remove, error } = useProviderSettings("telegram", "Telegram", notify);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const token = String(form.get("botToken") ?? "").trim();
    const username = String(form.get("botUsername") ?? "").trim();
    save.mutate({
      ...(token ? { botToken: token } : {}),
      botUsername: username || null,
      enabled: form.get("enabled") === "on",
      registerWebhook: form.get("registerWebhook") === "on",
    });
  }

  return (
    <Card
      title="Telegram"
      description="A bot from @BotFather sends and receives Telegram messages."
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
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-label="Telegram settings">
        <Field
          label="Bot token"
          name="botToken"
          type="password"
          autoComplete="off"
          placeholder={settings.configured ? "Stored — leave blank to keep" : "123456:ABC…"}
          disabled={!canManage}
          error={error?.fieldError("botToken")}
        />
        <Field
          label="Bot username"
          name="botUsername"
          defaultValue={settings.botUsername ?? ""}
          disabled={!canManage}
          error={error?.fieldError("botUsername")}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="enabled"
            defaultChecked={settings.configured ? settings.enabled : true}
            disabled={!canManage}
          />
          Enabled
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="registerWebhook" disabled={!canManage} />
          Register the webhook with Telegram (needs a public HTTPS address)
        </label>
        <p className="text-xs text-slate-600 sm:col-span-2 dark:text-slate-400">
          Webhook: <code className="break-all">{settings.webhookUrl}</code> —{" "}
          {settings.webhookRegistered
            ? "registered."
            : settings.webhookError
              ? `not registered: ${settings.webhookError}`
              : "not registered yet."}
        </p>
        {canManage && (
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" loading={save.isPending}>
              Save Telegram
            </Button>
            {settings.configured && (
              <Button
                type="button"
                variant="secondary"
                onClick={() => window.confirm("Remove the Telegram bot?") && remove.mutate()}
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
