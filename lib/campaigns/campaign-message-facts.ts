import { and, eq, sql, type SQL } from "drizzle-orm";
import { campaigns } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";

/**
 * The campaign a report is about, scoped in the query to the caller's organization (another
 * organization's campaign is simply not found). Reports read only these columns, so they don't
 * depend on the campaign CRUD module.
 */
export async function campaignForReport(ctx: Ctx, id: string) {
  assertCan(ctx, "campaigns:read");
  const [row] = await ctx.db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      status: campaigns.status,
      steps: campaigns.steps,
      timezone: campaigns.timezone,
      launchedAt: campaigns.launchedAt,
      finishedAt: campaigns.finishedAt,
      createdAt: campaigns.createdAt,
    })
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, ctx.orgId), eq(campaigns.id, id)))
    .limit(1);
  if (!row) throw notFound("Campaign");
  return row;
}

/**
 * One row per campaign message with the moment each outcome first happened, as a subquery the
 * stats and the timeline both read — so a timeline summed over all time equals the stats.
 * Delivery, human open, click, bounce and reply come from the columns kept on the message (bot
 * opens never set `opened_at`); unsubscribes and complaints exist only as events, and a reply
 * recorded only as an event still counts. Test sends are not campaign mail and are left out.
 */
export function campaignMessageFacts(orgId: string, campaignId: string): SQL {
  return sql`(
    with ev as (
      select e.message_id,
             min(e.occurred_at) filter (where e.type in ('unsubscribed', 'complained')) as unsubscribed_at,
             min(e.occurred_at) filter (where e.type = 'complained') as complained_at,
             min(e.occurred_at) filter (where e.type = 'replied') as replied_at
        from email_events e
       where e.organization_id = ${orgId} and e.campaign_id = ${campaignId}
         and e.type in ('unsubscribed', 'complained', 'replied')
       group by e.message_id
    )
    select m.id, m.lead_id, m.step_id, m.step_index, m.variant_id, m.status,
           m.sent_at, m.delivered_at, m.opened_at, m.clicked_at, m.bounced_at,
           coalesce(m.replied_at, ev.replied_at) as replied_at,
           ev.unsubscribed_at, ev.complained_at
      from email_messages m
      left join ev on ev.message_id = m.id
     where m.organization_id = ${orgId} and m.campaign_id = ${campaignId} and m.kind = 'campaign'
  )`;
}

/** A share rounded to 4 places; 0 (never NaN or Infinity) when nothing is in the denominator. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}
