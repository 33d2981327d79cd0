import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaignRecipients, LIVE_RECIPIENT_STATES } from "@/db/schema";

/**
 * Live sequences, and those a rep holds (`manual`): handed back during the absence, they must
 * not send before the return date either.
 */
const POSTPONABLE_STATES = [...LIVE_RECIPIENT_STATES, "manual" as const];

/**
 * The lead said they are away until `until` (an out-of-office reply): none of their live or
 * held sequences sends a step before then. Only moves the date later — an earlier return date from a
 * second auto-reply doesn't undo a longer absence. Running sequences need no event: planning
 * never picks a time before the date, and a run already sleeping until an earlier time finds it
 * when it wakes and waits again (sendCampaignStep defers). Inside the caller's transaction;
 * returns how many sequences were postponed.
 */
export async function postponeLeadSequences(
  db: Queryable,
  input: { organizationId: string; leadId: string; until: Date },
): Promise<number> {
  const until = input.until.toISOString();
  const postponed = await db
    .update(campaignRecipients)
    .set({
      postponedUntil: sql`greatest(${campaignRecipients.postponedUntil}, ${until}::timestamptz)`,
      // The planned time shown in the recipients table moves with it (planning sets it again).
      nextSendAt: sql`case when ${campaignRecipients.nextSendAt} < ${until}::timestamptz
                           then ${until}::timestamptz else ${campaignRecipients.nextSendAt} end`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(campaignRecipients.organizationId, input.organizationId),
        eq(campaignRecipients.leadId, input.leadId),
        inArray(campaignRecipients.state, POSTPONABLE_STATES),
      ),
    )
    .returning({ id: campaignRecipients.id });
  return postponed.length;
}
