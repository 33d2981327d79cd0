import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

/**
 * Notes came with the lead; the seed's inquiries arrived in the last week (so their leads are
 * still hot, as the score's decay would have it), never before the lead; follow-ups were set a
 * couple of days before they fell due — their timeline entries move with them.
 */
export async function backdateEarlierWrites(tx: Transaction, orgId: string, now: number) {
  const nowTs = sql`${new Date(now).toISOString()}::timestamptz`;
  await tx.execute(sql`
    update lead_notes n set created_at = l.created_at, updated_at = l.created_at
      from leads l where n.organization_id = ${orgId} and l.organization_id = ${orgId} and l.id = n.lead_id`);
  await tx.execute(sql`
    update lead_inquiries i
       set created_at = t.at, updated_at = t.at
      from (select i.id, greatest(
                   l.created_at + interval '1 minute' * row_number() over w,
                   ${nowTs} - interval '2 days' * (count(*) over p - row_number() over w + 1)
                            - interval '1 hour' * (extract(epoch from l.created_at)::bigint % 40)) as at
              from lead_inquiries i join leads l on l.id = i.lead_id
             where i.organization_id = ${orgId}
            window p as (partition by i.lead_id),
                   w as (partition by i.lead_id order by i.created_at, i.id)) t
     where i.id = t.id`);
  await tx.execute(sql`
    update reminders r
       set created_at = t.at, updated_at = t.at
      from (select r.id, least(${nowTs} - interval '5 minutes',
                               greatest(l.created_at + interval '1 hour', r.due_at - interval '2 days')) as at
              from reminders r join leads l on l.id = r.lead_id
             where r.organization_id = ${orgId}) t
     where r.id = t.id`);
  // Timeline entries of those writes: at the inquiry (with the re-score it caused) or reminder.
  await tx.execute(sql`
    update lead_activities a set occurred_at = i.created_at, created_at = i.created_at, updated_at = i.created_at
      from lead_inquiries i
     where a.organization_id = ${orgId} and a.type = 'inquiry_received' and a.data->>'inquiryId' = i.id::text`);
  await tx.execute(sql`
    update lead_activities a set occurred_at = r.created_at, created_at = r.created_at, updated_at = r.created_at
      from reminders r
     where a.organization_id = ${orgId} and a.type = 'reminder_added' and a.data->>'reminderId' = r.id::text`);
  await tx.execute(sql`
    update lead_activities a set occurred_at = t.at, created_at = t.at, updated_at = t.at
      from (select s.id, (select max(i.created_at) from lead_inquiries i
                           where i.organization_id = ${orgId} and i.lead_id = s.lead_id) as at
              from lead_activities s
             where s.organization_id = ${orgId} and s.type = 'score_changed') t
     where a.id = t.id and t.at is not null`);
}
