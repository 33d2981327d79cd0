import { sql } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, type Transaction } from "@/db/client";
import { campaignStarted } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { enqueueEvent } from "@/lib/jobs/outbox";
import type { CampaignRow } from "./campaign-dto";
import {
  type addRecipientsInput,
  type addRecipientsResultSchema,
  EXCLUSION_REASONS,
} from "./campaign-schemas";
import { getCampaignRowOrThrow, statusConflict } from "./campaigns";
import { mailboxPick } from "./recipient-mailboxes";
import { targetQuery, type TargetQuery } from "./recipient-targets";

type AddResult = z.infer<typeof addRecipientsResultSchema>;
type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** A UUIDv7 made in SQL (PostgreSQL 15 has no uuidv7()): ms timestamp, version 7, random rest. */
const UUID_V7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/** now() to the millisecond, like timestamps written from JS: list cursors carry milliseconds. */
const MS_NOW = sql`date_trunc('milliseconds', now())`;

/**
 * Every targeted lead with the first reason it can't be added (null: it can; a lead whose
 * conversation a rep has taken over is held back from automation), into a temporary
 * table dropped at commit — in statements of their own, before anything is inserted. Two things
 * keep this linear for 100,000 leads whatever the table statistics say: the target is collected
 * and analyzed first, so the planner knows its real size (freshly imported leads otherwise look
 * like one row, and one-row plans rescan campaign_recipients for every lead); and nothing probes
 * campaign_recipients from the statement that fills it (that rescans a growing table per row).
 */
async function classify(tx: Transaction, campaign: CampaignRow, target: TargetQuery) {
  const org = sql`${campaign.organizationId}::uuid`;
  const cid = sql`${campaign.id}::uuid`;
  await tx.execute(sql`drop table if exists pg_temp.recipients_target, pg_temp.recipients_to_add`);
  await tx.execute(sql`create temporary table recipients_target on commit drop as ${target}`);
  await tx.execute(sql`analyze recipients_target`);
  await tx.execute(sql`
    create temporary table recipients_to_add on commit drop as
    with busy as (
      select distinct o.lead_id from campaign_recipients o
        join campaigns c on c.id = o.campaign_id and c.organization_id = o.organization_id
       where ${!campaign.allowConcurrentCampaigns}::boolean
         and o.organization_id = ${org} and o.campaign_id <> ${cid}
         and o.state in ('queued', 'active') and c.status in ('active', 'paused', 'scheduled'))
    select t.lead_id, case
        when not t.found then 'not_found'
        when e.lead_id is not null then 'already_in_campaign'
        when t.do_not_contact then 'do_not_contact'
        when t.unsubscribed then 'unsubscribed'
        when coalesce(btrim(t.email), '') = '' then 'no_email'
        when s.email is not null then 'suppressed'
        when b.lead_id is not null then 'in_other_campaign'
        when cv.lead_id is not null then 'taken_over'
      end as reason
      from recipients_target t
      left join campaign_recipients e
        on e.organization_id = ${org} and e.campaign_id = ${cid} and e.lead_id = t.lead_id
      left join email_suppressions s
        on s.organization_id = ${org} and s.email = lower(btrim(t.email))
      left join busy b on b.lead_id = t.lead_id
      left join conversations cv
        on cv.organization_id = ${org} and cv.lead_id = t.lead_id and cv.mode = 'manual'`);
}

/** Insert the eligible leads as `queued` with their mailbox; report counts and first exclusions. */
async function insertEligible(tx: Transaction, campaign: CampaignRow, addedBy: string | null) {
  const [row] = await queryRows<{
    added: number;
    eligible: number;
    by_reason: Record<string, number>;
    exclusions: { leadId: string; reason: ExclusionReason }[];
  }>(
    tx,
    sql`
    with inserted as (
      insert into campaign_recipients
        (id, organization_id, campaign_id, lead_id, state, mailbox_id, added_by, created_at, updated_at)
      select ${UUID_V7}, ${campaign.organizationId}::uuid, ${campaign.id}::uuid, a.lead_id, 'queued',
             ${mailboxPick(campaign.mailboxIds, sql`a.lead_id`)}, ${addedBy}::uuid, ${MS_NOW}, ${MS_NOW}
        from recipients_to_add a where a.reason is null
      on conflict do nothing
      returning 1)
    select
      (select count(*)::int from inserted) as added,
      (select count(*)::int from recipients_to_add where reason is null) as eligible,
      (select coalesce(jsonb_object_agg(reason, n), '{}'::jsonb)
         from (select reason, count(*)::int as n from recipients_to_add
                where reason is not null group by reason) g) as by_reason,
      (select coalesce(jsonb_agg(jsonb_build_object('leadId', lead_id, 'reason', reason)), '[]'::jsonb)
         from (select lead_id, reason from recipients_to_add
                where reason is not null order by lead_id limit 100) e) as exclusions`,
  );
  await tx.execute(sql`drop table pg_temp.recipients_target, pg_temp.recipients_to_add`);
  return row!;
}

/**
 * Add leads by id, by filter or by saved view: classified and inserted set-based (a statement
 * each, whatever the number of leads), first matching exclusion reason wins. An active campaign
 * starts the new recipients at once; paused and scheduled ones pick them up when they resume or
 * start.
 */
export async function addRecipients(
  ctx: Ctx,
  campaignId: string,
  input: z.infer<typeof addRecipientsInput>,
): Promise<AddResult> {
  assertCan(ctx, "campaigns:write");
  await getCampaignRowOrThrow(ctx, campaignId);
  const target = await targetQuery(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const campaign = await getCampaignRowOrThrow(ctx, campaignId, tx, { forUpdate: true });
    if (campaign.status === "stopped" || campaign.status === "completed") {
      throw statusConflict(
        campaign.status,
        `A ${campaign.status} campaign takes no new recipients.`,
      );
    }
    await classify(tx, campaign, target);
    const row = await insertEligible(tx, campaign, ctx.actor.userId);
    const byReason = Object.fromEntries(
      EXCLUSION_REASONS.map((r) => [r, Number(row.by_reason[r] ?? 0)]),
    ) as Record<ExclusionReason, number>;
    // Added by a concurrent request between classifying and inserting: already in the campaign.
    byReason.already_in_campaign += row.eligible - row.added;
    const excluded = Object.values(byReason).reduce((a, b) => a + b, 0);
    if (row.added > 0 && campaign.status === "active") {
      await enqueueEvent(
        tx,
        campaignStarted,
        { organizationId: ctx.orgId, campaignId },
        { organizationId: ctx.orgId },
      );
    }
    await recordAudit(tx, ctx, {
      action: "campaign.recipients_added",
      resourceType: "campaign",
      resourceId: campaignId,
      changes: {
        by: input.leadIds ? "ids" : input.savedViewId ? "saved_view" : "filter",
        added: row.added,
        excluded,
      },
    });
    return { added: row.added, excluded, excludedByReason: byReason, exclusions: row.exclusions };
  });
}
