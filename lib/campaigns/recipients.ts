import { and, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { queryRows } from "@/db/client";
import { campaignRecipients, leads } from "@/db/schema";
import { campaignStarted } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { paginate } from "@/lib/http/pagination";
import { containsPattern } from "@/lib/http/query";
import { parseSort } from "@/lib/http/sort";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { leadScope } from "@/lib/leads/visibility";
import {
  type addRecipientsInput,
  EXCLUSION_REASONS,
  type addRecipientsResultSchema,
  type listRecipientsQuery,
  type recipientSchema,
} from "./campaign-schemas";
import { getCampaignRowOrThrow, statusConflict } from "./campaigns";
import { mailboxPick } from "./recipient-mailboxes";
import { targetQuery } from "./recipient-targets";
import { stopLeadSequences } from "./stop-sequences";

type Recipient = z.infer<typeof recipientSchema>;
type AddResult = z.infer<typeof addRecipientsResultSchema>;
type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Leads the caller may see, live or in the trash: a recipient stays listed after its lead is deleted. */
async function visibleLead(ctx: Ctx): Promise<SQL> {
  return or(await leadScope(ctx), await leadScope(ctx, { deleted: true }))!;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const SORTABLE = {
  createdAt: { expr: campaignRecipients.createdAt, type: "date" as const },
  state: { expr: campaignRecipients.state, type: "string" as const },
  displayName: { expr: leads.displayName, type: "string" as const },
  lastSentAt: {
    expr: sql`coalesce(${campaignRecipients.lastSentAt}, '-infinity'::timestamptz)`,
    type: "date" as const,
    nullValue: "-infinity",
  },
  nextSendAt: {
    expr: sql`coalesce(${campaignRecipients.nextSendAt}, 'infinity'::timestamptz)`,
    type: "date" as const,
    nullValue: "infinity",
  },
};

/** The campaign's recipients whose leads the caller can see, with the lead's name and address. */
export async function listRecipients(
  ctx: Ctx,
  campaignId: string,
  query: z.infer<typeof listRecipientsQuery>,
) {
  assertCan(ctx, "campaigns:read");
  await getCampaignRowOrThrow(ctx, campaignId);
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const filter = and(
    eq(campaignRecipients.organizationId, ctx.orgId),
    eq(campaignRecipients.campaignId, campaignId),
    query.state ? eq(campaignRecipients.state, query.state) : undefined,
    pattern ? or(ilike(leads.displayName, pattern), ilike(leads.email, pattern)) : undefined,
    await visibleLead(ctx),
  );
  const sort = parseSort(query.sort, SORTABLE, {
    default: "-createdAt",
    tieBreaker: { field: "id", expr: campaignRecipients.id, type: "string" },
  });
  const from = () =>
    ctx.db
      .select({
        r: campaignRecipients,
        displayName: leads.displayName,
        email: leads.email,
        company: leads.company,
      })
      .from(campaignRecipients)
      .innerJoin(leads, eq(leads.id, campaignRecipients.leadId));
  const page = await paginate({
    query,
    sort,
    fetch: async ({ where, orderBy, limit, offset }) =>
      (
        await from()
          .where(and(filter, where))
          .orderBy(...orderBy)
          .limit(limit)
          .offset(offset)
      ).map((row) => ({ ...row, ...row.r, displayName: row.displayName })),
    count: async () =>
      (
        await ctx.db
          .select({ n: count() })
          .from(campaignRecipients)
          .innerJoin(leads, eq(leads.id, campaignRecipients.leadId))
          .where(filter)
      )[0]!.n,
  });
  return {
    ...page,
    data: page.data.map((row): Recipient => ({
      id: row.r.id,
      leadId: row.r.leadId,
      lead: { displayName: row.displayName, email: row.email, company: row.company },
      state: row.r.state,
      stateReason: row.r.stateReason,
      nextStepIndex: row.r.nextStepIndex,
      mailboxId: row.r.mailboxId,
      nextSendAt: iso(row.r.nextSendAt),
      lastSentAt: iso(row.r.lastSentAt),
      createdAt: row.r.createdAt.toISOString(),
    })),
  };
}

/** A UUIDv7 made in SQL (PostgreSQL 15 has no uuidv7()): ms timestamp, version 7, random rest. */
const UUID_V7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/**
 * Add leads by id, by filter or by saved view. One INSERT … SELECT classifies every targeted lead
 * (first matching reason wins), inserts the eligible ones as `queued` with their mailbox, and
 * reports counts by reason — so adding 100,000 leads by filter is one statement, not a loop.
 * An active campaign starts the new recipients at once; paused and scheduled ones pick them up
 * when they resume or start.
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
    const org = sql`${ctx.orgId}::uuid`;
    const cid = sql`${campaignId}::uuid`;
    const [row] = await queryRows<{
      added: number;
      eligible: number;
      by_reason: Record<string, number>;
      exclusions: { leadId: string; reason: ExclusionReason }[];
    }>(
      tx,
      sql`
      with target as (${target}),
      classified as (
        select t.lead_id, case
          when not t.found then 'not_found'
          when exists (select 1 from campaign_recipients x
                        where x.organization_id = ${org} and x.campaign_id = ${cid} and x.lead_id = t.lead_id)
            then 'already_in_campaign'
          when t.do_not_contact then 'do_not_contact'
          when t.unsubscribed then 'unsubscribed'
          when coalesce(btrim(t.email), '') = '' then 'no_email'
          when exists (select 1 from email_suppressions s
                        where s.organization_id = ${org} and s.email = lower(btrim(t.email)))
            then 'suppressed'
          when ${!campaign.allowConcurrentCampaigns}::boolean and exists (
                 select 1 from campaign_recipients o
                   join campaigns c on c.id = o.campaign_id and c.organization_id = o.organization_id
                  where o.organization_id = ${org} and o.lead_id = t.lead_id and o.campaign_id <> ${cid}
                    and o.state in ('queued', 'active') and c.status in ('active', 'paused', 'scheduled'))
            then 'in_other_campaign'
        end as reason
        from target t),
      inserted as (
        insert into campaign_recipients
          (id, organization_id, campaign_id, lead_id, state, mailbox_id, added_by, created_at, updated_at)
        select ${UUID_V7}, ${org}, ${cid}, c.lead_id, 'queued',
               ${mailboxPick(campaign.mailboxIds, sql`c.lead_id`)}, ${ctx.actor.userId}::uuid, now(), now()
          from classified c where c.reason is null
        on conflict do nothing
        returning lead_id)
      select
        (select count(*)::int from inserted) as added,
        (select count(*)::int from classified where reason is null) as eligible,
        (select coalesce(jsonb_object_agg(reason, n), '{}'::jsonb)
           from (select reason, count(*)::int as n from classified where reason is not null group by reason) g
        ) as by_reason,
        (select coalesce(jsonb_agg(jsonb_build_object('leadId', lead_id, 'reason', reason)), '[]'::jsonb)
           from (select lead_id, reason from classified where reason is not null order by lead_id limit 100) e
        ) as exclusions`,
    );
    const byReason = Object.fromEntries(
      EXCLUSION_REASONS.map((r) => [r, Number(row!.by_reason[r] ?? 0)]),
    ) as Record<ExclusionReason, number>;
    // Added by a concurrent request between the check and the insert: already in the campaign.
    byReason.already_in_campaign += row!.eligible - row!.added;
    const excluded = Object.values(byReason).reduce((a, b) => a + b, 0);
    if (row!.added > 0 && campaign.status === "active") {
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
        added: row!.added,
        excluded,
      },
    });
    return { added: row!.added, excluded, excludedByReason: byReason, exclusions: row!.exclusions };
  });
}

/** Take a lead out of the campaign: its sequence ends at once (state `removed`). */
export async function removeRecipient(ctx: Ctx, campaignId: string, leadId: string) {
  assertCan(ctx, "campaigns:write");
  const visible = await visibleLead(ctx);
  await ctx.db.transaction(async (tx) => {
    await getCampaignRowOrThrow(ctx, campaignId, tx, { forUpdate: true });
    const [recipient] = await tx
      .select({ id: campaignRecipients.id, state: campaignRecipients.state })
      .from(campaignRecipients)
      .innerJoin(leads, eq(leads.id, campaignRecipients.leadId))
      .where(
        and(
          eq(campaignRecipients.organizationId, ctx.orgId),
          eq(campaignRecipients.campaignId, campaignId),
          eq(campaignRecipients.leadId, leadId),
          visible,
        ),
      );
    if (!recipient) throw notFound("Recipient");
    // Already finished (replied, completed, removed…): nothing left to stop, and that's fine.
    const stopped = await stopLeadSequences(tx, {
      organizationId: ctx.orgId,
      leadId,
      campaignId,
      state: "removed",
      reason: "removed from the campaign",
    });
    await recordAudit(tx, ctx, {
      action: "campaign.recipient_removed",
      resourceType: "campaign",
      resourceId: campaignId,
      changes: { leadId, from: recipient.state, stopped: stopped > 0 },
    });
  });
}
