"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { RecipientsAdder } from "../builder/recipients-adder";
import { CampaignStatusBadge } from "../campaign-status-badge";
import type { Campaign } from "../campaign-types";
import { linkClass } from "../links";
import { useCampaign } from "../use-campaign";
import { CampaignControls } from "./campaign-controls";
import { CampaignStatsView } from "./campaign-stats";
import { RecipientsTable } from "./recipients-table";

/** A campaign's results and controls; it polls while sending so the numbers stay current. */
export function CampaignDetail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const campaign = useCampaign(id);
  if (campaign.error) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{errorMessage(campaign.error)}</Alert>
        <Link href="/campaigns" className={linkClass}>
          Back to campaigns
        </Link>
      </div>
    );
  }
  if (!campaign.data) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Loading campaign…
      </p>
    );
  }
  const c = campaign.data;
  const open = c.status !== "completed" && c.status !== "stopped";
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/campaigns" className={linkClass}>
          Campaigns
        </Link>
        <span className="text-slate-600 dark:text-slate-400"> / {c.name}</span>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{c.name}</h1>
          <span data-testid="campaign-status">
            <CampaignStatusBadge status={c.status} />
          </span>
        </div>
        <Facts campaign={c} />
        <CampaignControls campaign={c} canWrite={canWrite} />
      </header>
      <section aria-labelledby="results-heading" className="space-y-3">
        <h2 id="results-heading" className="text-base font-semibold">
          Results
        </h2>
        <CampaignStatsView id={c.id} status={c.status} />
      </section>
      <Card title="Recipients" className="scroll-mt-20" description={undefined}>
        <div id="recipients" className="space-y-5">
          {canWrite && open && <RecipientsAdder campaign={c} />}
          <RecipientsTable campaign={c} canWrite={canWrite} />
        </div>
      </Card>
    </div>
  );
}

function Facts({ campaign: c }: { campaign: Campaign }) {
  const facts = [
    c.description,
    `${c.steps.length} ${c.steps.length === 1 ? "step" : "steps"}`,
    c.owner && `Owner: ${c.owner.name}`,
    c.scheduledAt && c.status === "scheduled" && `Starts ${formatDateTime(c.scheduledAt)}`,
    c.launchedAt && `Launched ${formatDateTime(c.launchedAt)}`,
    c.pausedAt && c.status === "paused" && `Paused ${formatDateTime(c.pausedAt)}`,
    c.finishedAt && `Finished ${formatDateTime(c.finishedAt)}`,
  ].filter(Boolean);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">{facts.join(" · ")}</p>
      {c.status === "paused" && c.pausedReason && (
        <Alert tone="info">Paused automatically: {c.pausedReason}</Alert>
      )}
    </div>
  );
}
