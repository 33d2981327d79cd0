import type { Database, Transaction } from "@/db/client";
import { systemCtx, type Ctx } from "@/lib/context";
import { addInquiry } from "@/lib/leads/inquiries";
import { createReminder } from "@/lib/reminders/reminders";

const INQUIRIES = [
  "Is the three-bedroom on Elm Street still available? We'd like to view it this week.",
  "Could you send the pricing sheet and the floor plans?",
  "We're relocating in spring — what do you have near the river for under 600k?",
  "Following up on the open house: can we schedule a second viewing?",
];

const FOLLOW_UPS = [
  "Call back about the viewing",
  "Send the pricing sheet",
  "Check financing status",
  "Confirm the second viewing",
  "Share comparable listings",
  "Ask for a referral",
];

const HOUR = 3_600_000;

/**
 * Make the demo look like a working week: some leads asked about listings (so they score hot) and
 * every rep has follow-ups overdue, due today and coming up — written by the domain functions a
 * rep's own clicks would call.
 */
export async function seedDemoActivity(
  tx: Transaction,
  orgId: string,
  leadIdsByOwner: Map<string, string[]>,
) {
  const system = systemCtx(tx as unknown as Database, orgId);
  const everyLead = [...leadIdsByOwner.values()].flat();
  for (const [i, leadId] of everyLead.entries()) {
    if (i % 15 !== 0) continue;
    for (const message of INQUIRIES.slice(i % 2, 2 + (i % 2))) {
      await addInquiry(system, leadId, { message, channel: "website_form" });
    }
  }
  const now = Date.now();
  const offsets = [-26 * HOUR, -2 * HOUR, 4 * HOUR, 28 * HOUR];
  for (const [userId, leadIds] of leadIdsByOwner) {
    const ctx: Ctx = { ...system, actor: { type: "user", id: userId, userId }, role: "sales_rep" };
    for (const [k, offset] of offsets.entries()) {
      const leadId = leadIds[k * 3];
      if (!leadId) continue;
      await createReminder(ctx, leadId, {
        dueAt: new Date(now + offset).toISOString(),
        message: FOLLOW_UPS[k % FOLLOW_UPS.length]!,
      });
    }
  }
}
