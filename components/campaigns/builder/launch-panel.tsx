"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Campaign } from "../campaign-types";
import type { Selection } from "./steps-editor";

type Confirm = "launch" | "schedule" | undefined;

/** Local "YYYY-MM-DDTHH:mm" for a datetime-local input: tomorrow at nine. */
function tomorrowNine(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

/**
 * Test send, launch now, or schedule a start. Each saves the builder first, so what is tested or
 * launched is what is on screen.
 */
export function LaunchPanel({
  campaign,
  selected,
  save,
  onStartError,
  previewLead,
}: {
  campaign: Campaign;
  selected: Selection;
  save: () => Promise<Campaign>;
  onStartError: (error: unknown) => void;
  /** The lead the preview shows: the test is rendered for them too. */
  previewLead?: { id: string; displayName: string };
}) {
  const router = useRouter();
  const client = useQueryClient();
  const [confirm, setConfirm] = useState<Confirm>();
  const [startAt, setStartAt] = useState(tomorrowNine);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string }>();

  const testSend = useMutation({
    mutationFn: async () => {
      const saved = await save();
      const variantId = saved.steps[selected.step]?.variants[selected.variant]?.id;
      return apiFetch<{ to?: string }>(`/campaigns/${saved.id}/test-send`, {
        body: {
          stepIndex: selected.step,
          ...(variantId ? { variantId } : {}),
          ...(previewLead ? { leadId: previewLead.id } : {}),
        },
      });
    },
    onSuccess: (r) =>
      setNotice({
        tone: "success",
        text: `Test of step ${selected.step + 1}${previewLead ? ` for ${previewLead.displayName}` : ""} queued${r?.to ? ` to ${r.to}` : ""}.`,
      }),
    onError: (e) => setNotice({ tone: "error", text: errorMessage(e) }),
  });
  const start = useMutation({
    mutationFn: async (kind: "launch" | "schedule") => {
      const at = new Date(startAt);
      if (kind === "schedule" && Number.isNaN(at.getTime())) throw new Error("Pick a start time.");
      const saved = await save();
      return kind === "launch"
        ? apiFetch<Campaign>(`/campaigns/${saved.id}/launch`, { method: "POST" })
        : apiFetch<Campaign>(`/campaigns/${saved.id}/schedule`, {
            body: { startAt: at.toISOString() },
          });
    },
    onSuccess: async (updated) => {
      client.setQueryData(queryKeys.campaigns.detail(updated.id), updated);
      await client.invalidateQueries({ queryKey: queryKeys.campaigns.all });
      router.push(`/campaigns/${updated.id}`);
    },
    onError: onStartError,
  });
  const isDraft = campaign.status === "draft" || campaign.status === "scheduled";
  const recipients = campaign.recipients.total ?? 0;

  return (
    <div className="space-y-3">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" loading={testSend.isPending} onClick={() => testSend.mutate()}>
          Send me a test of step {selected.step + 1}
        </Button>
        {isDraft && (
          <>
            <Button
              onClick={() => {
                start.reset();
                setConfirm("launch");
              }}
            >
              Launch now
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                start.reset();
                setConfirm("schedule");
              }}
            >
              Schedule…
            </Button>
          </>
        )}
      </div>
      {isDraft && recipients === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Add recipients before launching.
        </p>
      )}

      <Dialog
        open={Boolean(confirm)}
        onClose={() => setConfirm(undefined)}
        title={confirm === "launch" ? "Launch this campaign?" : "Schedule this campaign?"}
      >
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (confirm) start.mutate(confirm);
          }}
        >
          {start.error ? <Alert tone="error">{errorMessage(start.error)}</Alert> : null}
          <p className="text-sm text-slate-700 dark:text-slate-300">
            “{campaign.name}” will start sending to its {recipients}{" "}
            {recipients === 1 ? "recipient" : "recipients"} inside the sending hours
            {confirm === "schedule" ? ", from the time below." : ", starting now."} You can pause it
            at any time.
          </p>
          {confirm === "schedule" && (
            <Field
              label="Start at"
              type="datetime-local"
              required
              hint={`Your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone})`}
              value={startAt}
              onChange={(e) => setStartAt(e.target.value)}
            />
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirm(undefined)}>
              Cancel
            </Button>
            <Button type="submit" loading={start.isPending}>
              {confirm === "launch" ? "Launch" : "Schedule"}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
