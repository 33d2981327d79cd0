import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { validationError } from "@/lib/http/problem";
import { loadAnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { isoText, leadFilter, statusList, ts } from "./analytics-sql";
import type { RECENT_ACTIVITY_KINDS, RecentActivityQuery } from "./dashboard-schemas";

type RecentActivityKind = (typeof RECENT_ACTIVITY_KINDS)[number];

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(at));
    if (typeof id === "string" && id.length <= 100 && !Number.isNaN(date.getTime()))
      return { at: date, id };
  } catch {
    // falls through to the 400 below
  }
  throw validationError([{ path: "cursor", message: "Not a cursor this endpoint gave out" }]);
}

/**
 * The latest things that happened to the scoped leads in the period — created, status changed,
 * won, a reply received, a call logged — and campaigns launched, newest first, keyset-paged on
 * (time, id) so each page costs the same however deep.
 */
export async function getRecentActivity(ctx: Ctx, query: RecentActivityQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { from, to } = ac.scope.period;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const f = leadFilter(ctx, ac.scope);
  const inPeriod = (col: string) =>
    sql`${sql.raw(col)} >= ${ts(from)} and ${sql.raw(col)} < ${ts(to)}`;
  const rows = await queryRows<{
    id: string;
    kind: string;
    at: string;
    lead_id: string | null;
    lead_name: string | null;
    campaign_id: string | null;
    campaign_name: string | null;
    user_id: string | null;
    user_name: string | null;
    from_status: string | null;
    to_status: string | null;
    detail: string | null;
  }>(
    ctx.db,
    sql`with items as (
          select 'lead_created:' || l.id as id, 'lead_created' as kind, l.created_at as at, l.id as lead_id,
                 null::uuid as campaign_id, l.created_by_id as user_id,
                 null as from_status, null as to_status, null as detail
            from leads l where ${f} and ${inPeriod("l.created_at")}
          union all
          select 'status:' || sc.id, case when sc.to_status in ${statusList(ac.statuses, "won")}
                 then 'won' else 'status_changed' end, sc.changed_at, sc.lead_id, null, null,
                 sc.from_status, sc.to_status, null
            from lead_status_changes sc join leads l on l.id = sc.lead_id
           where sc.organization_id = ${ctx.orgId} and ${f} and sc.from_status is not null
             and ${inPeriod("sc.changed_at")}
          union all
          select 'reply:' || m.id, 'reply_received', m.occurred_at, m.lead_id, m.campaign_id, null,
                 null, null, left(m.body, 140)
            from conversation_messages m join leads l on l.id = m.lead_id
           where m.organization_id = ${ctx.orgId} and ${f} and m.direction = 'inbound'
             and coalesce(m.inbound_kind, 'human_reply') = 'human_reply' and ${inPeriod("m.occurred_at")}
          union all
          select 'call:' || a.id, 'call_logged', a.occurred_at, a.lead_id, null, a.user_id,
                 null, null, a.outcome
            from user_activities a join leads l on l.id = a.lead_id
           where a.organization_id = ${ctx.orgId} and ${f} and a.kind = 'call'
             and ${inPeriod("a.occurred_at")}
          union all
          select 'campaign:' || c.id, 'campaign_launched', c.launched_at, null, c.id, c.created_by,
                 null, null, null
            from campaigns c
           where c.organization_id = ${ctx.orgId} and ${inPeriod("c.launched_at")}
             ${ac.scope.campaignId ? sql`and c.id = ${ac.scope.campaignId}` : sql``})
        select i.id, i.kind, ${isoText(sql`i.at_ms`)} as at, i.lead_id, l.display_name as lead_name,
               coalesce(i.campaign_id, null) as campaign_id, c.name as campaign_name,
               i.user_id, coalesce(u.name, u.email) as user_name,
               i.from_status, i.to_status, i.detail
          from (select *, date_trunc('milliseconds', at) as at_ms from items) i
          left join leads l on l.id = i.lead_id
          left join campaigns c on c.id = i.campaign_id
          left join users u on u.id = i.user_id
         ${after ? sql`where (i.at_ms, i.id) < (${ts(after.at)}, ${after.id})` : sql``}
         order by i.at_ms desc, i.id desc
         limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    period: periodDto(ac.scope.period),
    data: page.map((r) => ({
      id: r.id,
      kind: r.kind as RecentActivityKind,
      occurredAt: r.at,
      leadId: r.lead_id,
      leadName: r.lead_name,
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      userId: r.user_id,
      userName: r.user_name,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      detail: r.detail,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}
