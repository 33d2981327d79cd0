"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Campaign } from "../campaign-types";
import { secondaryLinkClass } from "../links";

type Action = "launch" | "pause" | "resume" | "stop" | "send";

const CONFIRM: Partial<Record<Action, { title: string; body: string; label: string }>> = {
  launch: {
    title: "Launch this campaign?",
    body: "It starts sending to its recipients inside the sending hours, starting now.",
    label: "Launch",
  },
  stop: {
    title: "Stop this campaign?",
    body: "No further emails go out and it can't be resumed. Recipients keep their history.",
    label: "Stop campaign",
  },
  send: {
    title: "Send the next step now?",
    body: "Every recipient still in the sequence gets their next email now, without waiting for its delay. Sending hours and limits still apply.",
    label: "Send now",
  },
};

/** The lifecycle buttons a campaign's status allows, plus copy and export. */
export function CampaignControls({
  campaign,
  canWrite,
}: {
  campaign: Campaign;
  canWrite: boolean;
}) {
  const client = useQueryClient();
  const router = useRouter();
  const [confirm, setConfirm] = useState<Action>();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string }>();
  const act = useMutation({
    mutationFn: async (action: Action): Promise<Campaign | { recipients: number }> =>
      action === "send"
        ? apiFetch<{ recipients: number }>(`/campaigns/${campaign.id}/send`, { body: {} })
        : apiFetch<Campaign>(`/campaigns/${campaign.id}/${action}`, { method: "POST" }),
    // A poll already in flight would land after the change and show the old status again.
    onMutate: () => client.cancelQueries({ queryKey: queryKeys.campaigns.detail(campaign.id) }),
    onSuccess: (result) => {
      setConfirm(undefined);
      if (!("id" in result)) {
        const n = result.recipients;
        setNotice({
          tone: "success",
          text: `The next step is going out to ${n} ${n === 1 ? "recipient" : "recipients"}.`,
        });
      } else {
        client.setQueryData(queryKeys.campaigns.detail(campaign.id), result);
        setNotice(undefined);
      }
      return client.invalidateQueries({ queryKey: queryKeys.campaigns.all });
    },
    onError: (e) => {
      if (!confirm) setNotice({ tone: "error", text: errorMessage(e) });
    },
  });
  const duplicate = useMutation({
    mutationFn: () => apiFetch<Campaign>(`/campaigns/${campaign.id}/duplicate`, { method: "POST" }),
    onSuccess: async (copy) => {
      await client.invalidateQueries({ queryKey: queryKeys.campaigns.all });
      router.push(`/campaigns/${copy.id}/edit`);
    },
    onError: (e) => setNotice({ tone: "error", text: errorMessage(e) }),
  });
  const run = (action: Action) => {
    setNotice(undefined);
    act.reset();
    if (CONFIRM[action]) setConfirm(action);
    else act.mutate(action);
  };
  const s = campaign.status;
  const busy = (a: Action) => act.isPending && act.variables === a;
  const question = confirm ? CONFIRM[confirm] : undefined;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canWrite && (s === "draft" || s === "scheduled") && (
          <Button onClick={() => run("launch")}>Launch now</Button>
        )}
        {canWrite && (s === "active" || s === "scheduled") && (
          <Button variant="secondary" loading={busy("pause")} onClick={() => run("pause")}>
            Pause
          </Button>
        )}
        {canWrite && s === "paused" && (
          <Button loading={busy("resume")} onClick={() => run("resume")}>
            Resume
          </Button>
        )}
        {canWrite && s === "active" && (
          <Button variant="secondary" onClick={() => run("send")}>
            Send next step now
          </Button>
        )}
        {canWrite && (s === "active" || s === "paused" || s === "scheduled") && (
          <Button variant="danger" onClick={() => run("stop")}>
            Stop
          </Button>
        )}
        {canWrite && s !== "completed" && s !== "stopped" && (
          <Link href={`/campaigns/${campaign.id}/edit`} className={secondaryLinkClass}>
            Edit
          </Link>
        )}
        {canWrite && (
          <Button variant="ghost" loading={duplicate.isPending} onClick={() => duplicate.mutate()}>
            Duplicate
          </Button>
        )}
        <a href={`/api/v1/campaigns/${campaign.id}/export`} download className={secondaryLinkClass}>
          Export CSV
        </a>
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <Dialog
        open={Boolean(question)}
        onClose={() => setConfirm(undefined)}
        title={question?.title ?? ""}
      >
        <div className="space-y-4">
          {act.error && <Alert tone="error">{errorMessage(act.error)}</Alert>}
          <p className="text-sm text-slate-700 dark:text-slate-300">{question?.body}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirm(undefined)}>
              Cancel
            </Button>
            <Button
              variant={confirm === "stop" ? "danger" : "primary"}
              loading={act.isPending}
              onClick={() => confirm && act.mutate(confirm)}
            >
              {question?.label}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
