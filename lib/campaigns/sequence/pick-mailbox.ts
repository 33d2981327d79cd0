import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mailboxes } from "@/db/schema";
import type { CampaignRow, RecipientRow } from "./load-sequence";
import { stableFraction } from "./pick-variant";

export type MailboxRow = typeof mailboxes.$inferSelect;

/**
 * The mailbox a recipient's steps leave from. Once assigned it is kept, so the whole thread comes
 * from one sender. A new assignment spreads recipients over the campaign's mailboxes by a hash of
 * the recipient (even shares without counting anything), preferring ones that aren't paused; a
 * campaign without (existing) mailboxes uses the organization's default. Null: nowhere to send from.
 */
export async function pickMailbox(
  db: Queryable,
  campaign: CampaignRow,
  recipient: RecipientRow,
): Promise<MailboxRow | null> {
  const org = eq(mailboxes.organizationId, campaign.organizationId);
  if (recipient.mailboxId) {
    const [kept] = await db
      .select()
      .from(mailboxes)
      .where(and(org, eq(mailboxes.id, recipient.mailboxId)))
      .limit(1);
    if (kept) return kept;
  }
  let candidates = campaign.mailboxIds.length
    ? await db
        .select()
        .from(mailboxes)
        .where(and(org, inArray(mailboxes.id, campaign.mailboxIds)))
        .orderBy(asc(mailboxes.id))
    : [];
  // The campaign names none (or only deleted ones): the organization's default sends.
  if (!candidates.length) {
    candidates = await db
      .select()
      .from(mailboxes)
      .where(and(org, eq(mailboxes.isDefault, true)));
  }
  const active = candidates.filter((m) => m.status === "active");
  const pool = active.length ? active : candidates;
  if (!pool.length) return null;
  return pool[Math.floor(stableFraction(`mailbox:${recipient.id}`) * pool.length)]!;
}
