import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { leadOptions } from "@/db/schema";
import { findSuppression } from "@/lib/suppressions/suppressions";
import type { CampaignRow, LeadRow } from "./load-sequence";
import type { RecipientStop } from "./sequence-types";

const SUPPRESSED_AS: Record<string, RecipientStop["state"]> = {
  bounced: "bounced",
  unsubscribed: "unsubscribed",
  complained: "unsubscribed",
  manual: "removed",
};

/**
 * Why this lead must get no further step of the campaign, checked right before every send (the
 * lead may have changed since it was added): gone, do-not-contact, unsubscribed, no address, on
 * the organization's suppression list, or in a won/lost status the campaign stops on.
 */
export async function leadStopReason(
  db: Queryable,
  campaign: CampaignRow,
  lead: LeadRow | undefined,
): Promise<RecipientStop | null> {
  if (!lead || lead.deletedAt) return { state: "removed", reason: "lead deleted" };
  if (lead.doNotContact) return { state: "removed", reason: "do not contact" };
  if (lead.unsubscribed) return { state: "unsubscribed", reason: "unsubscribed" };
  if (!lead.email?.trim()) return { state: "removed", reason: "no email address" };
  const suppressed = await findSuppression(db, lead.organizationId, lead.email);
  if (suppressed) {
    return {
      state: SUPPRESSED_AS[suppressed.reason] ?? "removed",
      reason: `suppressed (${suppressed.reason})`,
    };
  }
  const categories = campaign.stopConditions?.statusCategories ?? [];
  if (categories.length) {
    const [status] = await db
      .select({ category: leadOptions.category })
      .from(leadOptions)
      .where(
        and(
          eq(leadOptions.organizationId, lead.organizationId),
          eq(leadOptions.kind, "status"),
          eq(leadOptions.value, lead.status),
          inArray(leadOptions.category, categories),
        ),
      )
      .limit(1);
    if (status) return { state: "completed", reason: `status ${lead.status}` };
  }
  return null;
}
