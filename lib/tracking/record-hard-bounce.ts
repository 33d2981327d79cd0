import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { stopSequencesOn } from "@/lib/campaigns/stop-on-condition";
import { SYSTEM_ACTOR } from "@/lib/context";
import { recordActivity } from "@/lib/leads/activity";
import { suppressEmail } from "@/lib/suppressions/suppressions";

export interface BouncedMessage {
  id: string | null;
  organizationId: string;
  campaignId: string | null;
  leadId: string | null;
  toAddress: string;
}

/**
 * An address that bounced for good, however we heard (the provider's webhook, a DSN in the
 * inbound mail): the message is marked, the address suppressed for the organization, the lead's
 * sequences in campaigns that stop on a bounce end, and the timeline says so. In the caller's
 * transaction.
 */
export async function recordHardBounce(tx: Queryable, m: BouncedMessage, at: Date, detail: string) {
  if (m.id) {
    await tx
      .update(emailMessages)
      .set({
        status: "bounced",
        bouncedAt: sql`coalesce(${emailMessages.bouncedAt}, ${at.toISOString()}::timestamptz)`,
        error: detail,
      })
      .where(and(eq(emailMessages.organizationId, m.organizationId), eq(emailMessages.id, m.id)));
  }
  await suppressEmail(tx, {
    organizationId: m.organizationId,
    email: m.toAddress,
    reason: "bounced",
    detail,
    campaignId: m.campaignId,
    messageId: m.id,
  });
  if (!m.leadId) return;
  await stopSequencesOn(tx, {
    organizationId: m.organizationId,
    leadId: m.leadId,
    condition: "bounce",
    state: "bounced",
    reason: "The address bounced permanently",
    now: at,
  });
  await recordActivity(
    tx,
    { orgId: m.organizationId, actor: SYSTEM_ACTOR },
    m.leadId,
    "email_bounced",
    { messageId: m.id, campaignId: m.campaignId, email: m.toAddress, detail },
    at,
  );
}
