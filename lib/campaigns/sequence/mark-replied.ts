import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailEvents, emailMessages } from "@/db/schema";
import { completeCampaignIfDone } from "./finish-recipient";
import { stopLeadSequences } from "../stop-sequences";
import type { SequenceRef } from "./sequence-types";

/**
 * The lead answered while its sequence waited: the sequence ends as `replied`, and the reply is
 * put on the message it answers (the latest one this campaign sent the lead) for the stats.
 */
export async function markReplied(
  db: Database,
  ref: SequenceRef,
  input: { lastMessageId: string | null; replyMessageId?: string | null; now?: Date },
): Promise<{ stopped: boolean }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const stopped = await stopLeadSequences(tx, {
      organizationId: ref.organizationId,
      leadId: ref.leadId,
      campaignId: ref.campaignId,
      state: "replied",
      reason: "replied",
    });
    if (input.lastMessageId) {
      const marked = await tx
        .update(emailMessages)
        .set({ repliedAt: now, updatedAt: now })
        .where(
          and(
            eq(emailMessages.organizationId, ref.organizationId),
            eq(emailMessages.id, input.lastMessageId),
            isNull(emailMessages.repliedAt),
          ),
        )
        .returning({ id: emailMessages.id });
      if (marked.length) {
        await tx.insert(emailEvents).values({
          organizationId: ref.organizationId,
          messageId: input.lastMessageId,
          campaignId: ref.campaignId,
          leadId: ref.leadId,
          type: "replied",
          detail: input.replyMessageId ?? null,
          occurredAt: now,
        });
      }
    }
    await completeCampaignIfDone(tx, ref.organizationId, ref.campaignId, now);
    return { stopped: stopped > 0 };
  });
}
