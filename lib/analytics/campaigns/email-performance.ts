import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { CampaignStep } from "@/db/schema";
import { resolveAnalyticsScope } from "@/lib/analytics/analytics-filters";
import { inList, ts } from "@/lib/analytics/analytics-sql";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { validationError } from "@/lib/http/problem";
import type { EmailPerformance, EmailPerformanceQuery } from "./campaign-analytics-schemas";
import { share } from "./campaign-metrics";

interface Row {
  level: number;
  step_index: number | null;
  campaign_id: string | null;
  variant_id: string | null;
  weekday: number | null;
  hour: number | null;
  sent: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
}

/**
 * A zone the runtime knows but the database's time zone data doesn't (older tzdata) is the
 * caller's mistake to correct, not a server error.
 */
async function withKnownZone<T>(timezone: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && /time zone .* not recognized/i.test(error.message))
      throw validationError([{ path: "timezone", message: `Unknown time zone ${timezone}` }]);
    throw error;
  }
}

function performance(row: Row | undefined) {
  const n = (v: number | undefined) => Number(v ?? 0);
  const sent = n(row?.sent);
  const bounced = n(row?.bounced);
  const m = {
    sent,
    opened: n(row?.opened),
    clicked: n(row?.clicked),
    replied: n(row?.replied),
    bounced,
  };
  return {
    ...m,
    openRate: share(m.opened, sent - bounced),
    clickRate: share(m.clicked, sent - bounced),
    replyRate: share(m.replied, sent - bounced),
  };
}

/**
 * GET /analytics/email-performance: campaign mail sent in the period to leads in scope, by step,
 * by variant and by the weekday × hour it went out (in the asked time zone) — one grouped query
 * (grouping sets), plus the names and variant labels of the campaigns that appear.
 */
export async function getEmailPerformance(
  ctx: Ctx,
  query: EmailPerformanceQuery,
  now = new Date(),
): Promise<EmailPerformance> {
  assertCan(ctx, "analytics:read");
  const { timezone, ...filters } = query;
  const scope = await resolveAnalyticsScope(ctx, filters, now);
  const p = scope.period;
  const leadParts = [
    ...(scope.ownerIds ? [sql`l.owner_id in ${inList(scope.ownerIds)}`] : []),
    ...(scope.sources ? [sql`l.source in ${inList(scope.sources)}`] : []),
  ];
  const local = sql`(m.sent_at at time zone ${timezone})`;
  const rows = await withKnownZone(timezone, () =>
    queryRows<Row>(
      ctx.db,
      sql`with ev as (
          select e.message_id from email_events e
           where e.organization_id = ${ctx.orgId} and e.type = 'replied'
             ${scope.campaignId ? sql`and e.campaign_id = ${scope.campaignId}` : sql`and e.campaign_id is not null`}
           group by e.message_id),
        f as (
          select m.campaign_id, m.step_index, m.variant_id,
                 extract(isodow from ${local})::int as weekday,
                 extract(hour from ${local})::int as hour,
                 m.opened_at is not null as opened, m.clicked_at is not null as clicked,
                 (m.replied_at is not null or ev.message_id is not null) as replied,
                 m.bounced_at is not null as bounced
            from email_messages m
            left join ev on ev.message_id = m.id
           where m.organization_id = ${ctx.orgId} and m.kind = 'campaign' and m.sent_at is not null
             and m.sent_at >= ${ts(p.from)} and m.sent_at < ${ts(p.to)}
             ${scope.campaignId ? sql`and m.campaign_id = ${scope.campaignId}` : sql``}
             ${
               leadParts.length
                 ? sql`and exists (select 1 from leads l where l.organization_id = ${ctx.orgId}
                         and l.id = m.lead_id and ${sql.join(leadParts, sql` and `)})`
                 : sql``
             })
        select grouping(f.step_index, f.campaign_id, f.variant_id, f.weekday, f.hour)::int as level,
               f.step_index, f.campaign_id, f.variant_id, f.weekday, f.hour,
               count(*)::int as sent,
               count(*) filter (where f.opened)::int as opened,
               count(*) filter (where f.clicked)::int as clicked,
               count(*) filter (where f.replied)::int as replied,
               count(*) filter (where f.bounced)::int as bounced
          from f
         group by grouping sets ((), (f.step_index), (f.campaign_id, f.step_index, f.variant_id),
                                 (f.weekday, f.hour))`,
    ),
  );

  // grouping() bits, high to low: step_index, campaign_id, variant_id, weekday, hour (1 = rolled up).
  const total = rows.find((r) => Number(r.level) === 0b11111);
  const steps = rows.filter((r) => Number(r.level) === 0b01111);
  const variants = rows.filter((r) => Number(r.level) === 0b00011 && r.variant_id !== null);
  const slots = rows.filter((r) => Number(r.level) === 0b11100);

  const campaignIds = [...new Set(variants.map((v) => v.campaign_id!))];
  const campaigns = campaignIds.length
    ? await queryRows<{ id: string; name: string; steps: CampaignStep[] }>(
        ctx.db,
        sql`select id, name, steps from campaigns
             where organization_id = ${ctx.orgId} and id in ${inList(campaignIds)}`,
      )
    : [];

  return {
    period: periodDto(p),
    timezone,
    totals: performance(total),
    byStep: steps
      .map((s) => ({
        value: Number(s.step_index ?? -1),
        label: s.step_index === null ? "(no step)" : `Step ${Number(s.step_index) + 1}`,
        ...performance(s),
      }))
      .sort((a, b) => a.value - b.value),
    byVariant: variants
      .map((v) => {
        const campaign = campaigns.find((c) => c.id === v.campaign_id);
        const stepIndex = Number(v.step_index ?? -1);
        const label =
          campaign?.steps[stepIndex]?.variants.find((x) => x.id === v.variant_id)?.label ??
          v.variant_id!;
        return {
          campaignId: v.campaign_id!,
          campaignName: campaign?.name ?? "",
          stepIndex,
          value: v.variant_id!,
          label,
          ...performance(v),
        };
      })
      .sort(
        (a, b) =>
          a.campaignName.localeCompare(b.campaignName) ||
          a.campaignId.localeCompare(b.campaignId) ||
          a.stepIndex - b.stepIndex ||
          a.value.localeCompare(b.value),
      ),
    bySendTime: Array.from({ length: 7 * 24 }, (_, i) => {
      const weekday = Math.floor(i / 24) + 1;
      const hour = i % 24;
      return {
        weekday,
        hour,
        ...performance(slots.find((s) => Number(s.weekday) === weekday && Number(s.hour) === hour)),
      };
    }),
  };
}
