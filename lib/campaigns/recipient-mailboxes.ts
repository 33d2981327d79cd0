import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";

/** A uuid[] literal as one bound parameter (the ids are validated UUIDs). */
export function uuidArray(ids: string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

/**
 * The mailbox a recipient sends from, picked in SQL so thousands of recipients are assigned in
 * the statement that adds them: a stable spread over the campaign's mailboxes by the lead id's
 * random tail. No mailboxes listed: null, and the engine uses the organization's default.
 */
export function mailboxPick(mailboxIds: string[], leadId: SQL): SQL {
  if (mailboxIds.length === 0) return sql`null::uuid`;
  return sql`(${uuidArray(mailboxIds)})[1 + ((get_byte(uuid_send(${leadId}), 14) * 256 + get_byte(uuid_send(${leadId}), 15)) % ${mailboxIds.length}::int)]`;
}

/**
 * After the campaign's mailboxes change, recipients that haven't been sent anything yet move to
 * the new set; anyone already mid-sequence keeps their mailbox so their thread stays in one place.
 */
export async function reassignUnsentMailboxes(
  db: Queryable,
  orgId: string,
  campaignId: string,
  mailboxIds: string[],
) {
  await db.execute(sql`
    update campaign_recipients
       set mailbox_id = ${mailboxPick(mailboxIds, sql`lead_id`)}, updated_at = now()
     where organization_id = ${orgId} and campaign_id = ${campaignId}
       and state = 'queued' and next_step_index = 0 and last_sent_at is null`);
}
