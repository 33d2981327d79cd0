import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import {
  campaignRecipients,
  campaigns,
  CAMPAIGN_STATUSES,
  emailMessages,
  RECIPIENT_STATES,
  SUPPRESSION_REASONS,
} from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { findSuppression } from "@/lib/suppressions/suppressions";

const iso = z.iso.datetime().nullable();

export const leadCampaignMessageSchema = z
  .object({
    id: z.uuid(),
    stepIndex: z.number().int().nullable(),
    subject: z.string(),
    status: z.string(),
    sentAt: iso,
    openedAt: iso.meta({ description: "First human open" }),
    clickedAt: iso,
    repliedAt: iso,
    bouncedAt: iso,
  })
  .meta({ id: "LeadCampaignMessage" });

export const leadCampaignSchema = z
  .object({
    campaign: z.object({ id: z.uuid(), name: z.string(), status: z.enum(CAMPAIGN_STATUSES) }),
    recipientId: z.uuid(),
    state: z.enum(RECIPIENT_STATES),
    stateReason: z.string().nullable(),
    nextStepIndex: z
      .number()
      .int()
      .meta({ description: "0-based index of the next step; equals stepCount when all went out" }),
    stepCount: z.number().int(),
    nextSendAt: iso,
    postponedUntil: iso.meta({ description: "The lead said they are away until then" }),
    lastSentAt: iso,
    addedAt: z.iso.datetime(),
    messages: z.array(leadCampaignMessageSchema).meta({ description: "Oldest first" }),
  })
  .meta({ id: "LeadCampaign" });

export const leadCampaignsSchema = z
  .object({
    leadId: z.uuid(),
    email: z.string().nullable(),
    suppressed: z.boolean().meta({ description: "The organization may not email this address" }),
    suppression: z
      .object({
        reason: z.enum(SUPPRESSION_REASONS),
        detail: z.string().nullable(),
        campaignId: z.uuid().nullable(),
        createdAt: z.iso.datetime(),
      })
      .nullable(),
    campaigns: z.array(leadCampaignSchema).meta({ description: "Most recently added first" }),
  })
  .meta({ id: "LeadCampaigns" });
export type LeadCampaigns = z.infer<typeof leadCampaignsSchema>;

const toIso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * GET /leads/{id}/campaigns: the lead page's campaigns section — every campaign the lead is a
 * recipient of, where its sequence stands, the messages it was sent, and whether its address is
 * on the organization's suppression list. The lead must be visible to the caller (else 404).
 */
export async function listLeadCampaigns(ctx: Ctx, leadId: string): Promise<LeadCampaigns> {
  assertCan(ctx, "campaigns:read");
  const lead = await getLeadOrThrow(ctx, leadId);
  const [memberships, suppression] = await Promise.all([
    ctx.db
      .select({
        recipient: campaignRecipients,
        campaign: {
          id: campaigns.id,
          name: campaigns.name,
          status: campaigns.status,
          stepCount: sql<number>`jsonb_array_length(${campaigns.steps})::int`,
        },
      })
      .from(campaignRecipients)
      .innerJoin(
        campaigns,
        and(
          eq(campaigns.organizationId, ctx.orgId),
          eq(campaigns.id, campaignRecipients.campaignId),
        ),
      )
      .where(
        and(
          eq(campaignRecipients.organizationId, ctx.orgId),
          eq(campaignRecipients.leadId, lead.id),
        ),
      )
      .orderBy(desc(campaignRecipients.createdAt), desc(campaignRecipients.id)),
    lead.email ? findSuppression(ctx.db, ctx.orgId, lead.email) : Promise.resolve(undefined),
  ]);

  const campaignIds = memberships.map((m) => m.campaign.id);
  const messages = campaignIds.length
    ? await ctx.db
        .select({
          id: emailMessages.id,
          campaignId: emailMessages.campaignId,
          stepIndex: emailMessages.stepIndex,
          subject: emailMessages.subject,
          status: emailMessages.status,
          sentAt: emailMessages.sentAt,
          openedAt: emailMessages.openedAt,
          clickedAt: emailMessages.clickedAt,
          repliedAt: emailMessages.repliedAt,
          bouncedAt: emailMessages.bouncedAt,
        })
        .from(emailMessages)
        .where(
          and(
            eq(emailMessages.organizationId, ctx.orgId),
            eq(emailMessages.leadId, lead.id),
            eq(emailMessages.kind, "campaign"),
            inArray(emailMessages.campaignId, campaignIds),
          ),
        )
        .orderBy(asc(emailMessages.createdAt), asc(emailMessages.id))
    : [];

  return {
    leadId: lead.id,
    email: lead.email,
    suppressed: Boolean(suppression),
    suppression: suppression
      ? {
          reason: suppression.reason,
          detail: suppression.detail,
          campaignId: suppression.campaignId,
          createdAt: suppression.createdAt.toISOString(),
        }
      : null,
    campaigns: memberships.map(({ recipient: r, campaign: c }) => ({
      campaign: { id: c.id, name: c.name, status: c.status },
      recipientId: r.id,
      state: r.state,
      stateReason: r.stateReason,
      nextStepIndex: r.nextStepIndex,
      stepCount: Number(c.stepCount),
      nextSendAt: toIso(r.nextSendAt),
      postponedUntil: toIso(r.postponedUntil),
      lastSentAt: toIso(r.lastSentAt),
      addedAt: r.createdAt.toISOString(),
      messages: messages
        .filter((m) => m.campaignId === c.id)
        .map(({ campaignId: _campaignId, ...m }) => ({
          ...m,
          sentAt: toIso(m.sentAt),
          openedAt: toIso(m.openedAt),
          clickedAt: toIso(m.clickedAt),
          repliedAt: toIso(m.repliedAt),
          bouncedAt: toIso(m.bouncedAt),
        })),
    })),
  };
}
