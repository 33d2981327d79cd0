"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { inboundEmailSetupSchema } from "@/lib/mailboxes/mailbox-schemas";
import { CopyField } from "./copy-field";

type InboundSetup = z.infer<typeof inboundEmailSetupSchema>;

const code = "rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800";

/**
 * Where leads' replies come in: the address replies are routed to, and (for admins) the webhook
 * a mail provider posts them to, with its secret.
 */
export function InboundReplies({
  inboundAddress,
  canManage,
}: {
  inboundAddress: string | null;
  canManage: boolean;
}) {
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const setup = useQuery({
    queryKey: queryKeys.inboundEmailSetup,
    queryFn: ({ signal }) => apiFetch<InboundSetup>("/settings/email/inbound", { signal }),
    enabled: canManage,
  });
  const save = useMutation({
    mutationFn: (address: string | null) =>
      apiFetch("/settings/email", { method: "PUT", body: { inboundAddress: address } }),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: queryKeys.emailSettings });
    },
  });
  const fieldError =
    save.error instanceof ApiError
      ? (save.error.fieldError("inboundAddress") ?? save.error.message)
      : undefined;

  return (
    <Card
      title="Inbound replies"
      description="Replies from leads land in Conversations, matched to the lead and the campaign they answer."
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          const value = String(new FormData(e.currentTarget).get("inboundAddress") ?? "").trim();
          save.mutate(value || null);
        }}
      >
        <fieldset disabled={!canManage} className="space-y-3">
          <Field
            label="Inbound address"
            name="inboundAddress"
            type="email"
            placeholder="reply@in.example.com"
            defaultValue={inboundAddress ?? ""}
            error={fieldError}
            hint="Mail to this address must reach the webhook below. Outgoing mail then asks for replies at a tagged form of it (name+token@…), so every reply finds its thread. Leave empty to rely on threading headers and the sender's address."
          />
        </fieldset>
        {saved && <Alert tone="success">Inbound address saved.</Alert>}
        {canManage && (
          <Button type="submit" loading={save.isPending}>
            Save inbound address
          </Button>
        )}
      </form>
      {canManage && (
        <div className="mt-6 space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <h3 className="text-sm font-semibold">Webhook</h3>
          {setup.isError && <Alert tone="error">{errorMessage(setup.error)}</Alert>}
          {setup.data && (
            <>
              <CopyField label="Webhook URL" value={setup.data.webhookUrl} />
              <CopyField label="Webhook secret" value={setup.data.secret} secret />
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
                <li>
                  Any provider or mail server: POST each raw message to the URL with{" "}
                  <code className={code}>Content-Type: message/rfc822</code> and{" "}
                  <code className={code}>Authorization: Bearer &lt;secret&gt;</code>.
                </li>
                <li>
                  Resend: point the <code className={code}>email.received</code> webhook at the URL.{" "}
                  {setup.data.resendSigned
                    ? "Its signed events are accepted."
                    : "Set RESEND_WEBHOOK_SECRET on the server first, so its signed events are accepted."}
                </li>
              </ul>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
