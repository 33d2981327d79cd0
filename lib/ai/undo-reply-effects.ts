import { and, eq, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { leads } from "@/db/schema";
import { liftUnsubscribe } from "@/lib/tracking/unsubscribe-lead";
import type { ReplyCategory } from "./reply-classification";

/**
 * Before a person's correction applies its category's effects: take back what the wrong verdict
 * did that would otherwise stand. An unsubscribe the reply caused is lifted (one from a link, a
 * complaint or an admin stays); a temperature the verdict pinned is released to the score's, so
 * the corrected category (or the score) decides it. Stopped sequences stay stopped — the lead
 * replied, which ends them anyway — and score points follow the events on the next rescore.
 */
export async function undoReplyEffects(
  tx: Queryable,
  input: { organizationId: string; leadId: string; messageId: string; wrong: ReplyCategory },
): Promise<string[]> {
  const undone: string[] = [];
  const scope = and(eq(leads.organizationId, input.organizationId), eq(leads.id, input.leadId));
  const [lead] = await tx.select({ email: leads.email }).from(leads).where(scope).limit(1);
  if (!lead) return undone;
  if (input.wrong === "unsubscribe" && lead.email) {
    const lifted = await liftUnsubscribe(tx, {
      organizationId: input.organizationId,
      leadId: input.leadId,
      email: lead.email,
      source: "reply",
      activity: { messageId: input.messageId, reason: "reply classification corrected" },
    });
    if (lifted) undone.push("resubscribed");
  }
  const released = await tx
    .update(leads)
    .set({ temperatureOverride: null })
    .where(and(scope, isNotNull(leads.temperatureOverride)))
    .returning({ id: leads.id });
  if (released.length > 0) undone.push("temperature_released");
  return undone;
}
