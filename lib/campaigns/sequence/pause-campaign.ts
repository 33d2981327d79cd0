import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaigns } from "@/db/schema";
import { campaignPaused } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { createNotification } from "@/lib/notifications/notifications";
import type { CampaignRow } from "./load-sequence";

/**
 * Pause a running campaign that can't send at all (no mailbox to send from, a step with nothing
 * in it): every recipient would hit the same wall, so stopping the whole campaign — and telling
 * its owner why — beats failing each sequence. Resuming continues each lead where it stood.
 */
export async function pauseCampaignForProblem(
  db: Queryable,
  campaign: CampaignRow,
  reason: string,
  now: Date,
): Promise<void> {
  const paused = await db
    .update(campaigns)
    .set({ status: "paused", pausedAt: now, pausedReason: reason, updatedAt: now })
    .where(
      and(
        eq(campaigns.organizationId, campaign.organizationId),
        eq(campaigns.id, campaign.id),
        eq(campaigns.status, "active"),
      ),
    )
    .returning({ id: campaigns.id });
  if (!paused.length) return;
  await enqueueEvent(
    db,
    campaignPaused,
    { organizationId: campaign.organizationId, campaignId: campaign.id },
    { organizationId: campaign.organizationId },
  );
  const owner = campaign.ownerId ?? campaign.createdBy;
  if (owner) {
    await createNotification(db, {
      organizationId: campaign.organizationId,
      userId: owner,
      type: "campaign_paused",
      title: `Campaign “${campaign.name}” paused`,
      body: reason,
      link: `/campaigns/${campaign.id}`,
      data: { campaignId: campaign.id },
      dedupeKey: `campaign_paused:${campaign.id}:${now.toISOString()}`,
    });
  }
}
