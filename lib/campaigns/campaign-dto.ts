import { and, count, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaignRecipients, campaigns, RECIPIENT_STATES } from "@/db/schema";
import type { CampaignDto } from "./campaign-schemas";

export type CampaignRow = typeof campaigns.$inferSelect;
export type RecipientCounts = CampaignDto["recipients"];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function emptyCounts(): RecipientCounts {
  const counts = { total: 0 } as RecipientCounts;
  for (const state of RECIPIENT_STATES) counts[state] = 0;
  return counts;
}

/**
 * Recipients by state for several campaigns in one grouped query (served by the
 * organization/campaign/state index), so a list page costs one extra query, not one per row.
 */
export async function recipientCountsFor(
  db: Queryable,
  orgId: string,
  campaignIds: string[],
): Promise<Map<string, RecipientCounts>> {
  const out = new Map(campaignIds.map((id) => [id, emptyCounts()]));
  if (campaignIds.length === 0) return out;
  const rows = await db
    .select({
      campaignId: campaignRecipients.campaignId,
      state: campaignRecipients.state,
      n: count(),
    })
    .from(campaignRecipients)
    .where(
      and(
        eq(campaignRecipients.organizationId, orgId),
        inArray(campaignRecipients.campaignId, campaignIds),
      ),
    )
    .groupBy(campaignRecipients.campaignId, campaignRecipients.state);
  for (const r of rows) {
    const counts = out.get(r.campaignId)!;
    counts[r.state] = Number(r.n);
    counts.total = (counts.total ?? 0) + Number(r.n);
  }
  return out;
}

export function toCampaignDto(
  row: CampaignRow,
  ownerName: string | null,
  counts: RecipientCounts,
): CampaignDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    owner: row.ownerId ? { id: row.ownerId, name: ownerName ?? "" } : null,
    steps: row.steps.map((s) => ({
      id: s.id,
      delayDays: s.delayDays,
      delayHours: s.delayHours,
      variants: s.variants.map((v) => ({
        id: v.id,
        label: v.label,
        weight: v.weight,
        templateId: v.templateId,
        subject: v.subject,
        html: v.html,
        text: v.text,
      })),
      ai: s.ai ?? { personalize: "off", instructions: null },
    })),
    mailboxIds: row.mailboxIds,
    sendWindow: row.sendWindow,
    timezone: row.timezone,
    useLeadTimezone: row.useLeadTimezone,
    dailyLimit: row.dailyLimit,
    stopConditions: row.stopConditions,
    allowConcurrentCampaigns: row.allowConcurrentCampaigns,
    trackOpens: row.trackOpens,
    trackClicks: row.trackClicks,
    costAmount: row.costAmount,
    costCurrency: row.costCurrency,
    scheduledAt: iso(row.scheduledAt),
    launchedAt: iso(row.launchedAt),
    pausedAt: iso(row.pausedAt),
    pausedReason: row.pausedReason,
    finishedAt: iso(row.finishedAt),
    recipients: counts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
