import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { loadAnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { isoText, leadFilter, statusList, ts } from "./analytics-sql";
import type { RECENT_ACTIVITY_KINDS, RecentActivityQuery } from "./dashboard-schemas";
import {
  decodeRecentActivityCursor,
  encodeRecentActivityCursor,
  type RecentActivityCursor,
} from "./recent-activity-cursor";

type RecentActivityKind = (typeof RECENT_ACTIVITY_KINDS)[number];

interface Row {
  id: string;
  kind: string;
  at: string;
  cursor_at: string;
  lead_id: string | null;
  lead_name: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  user_id: string | null;
  user_name: string | null;
  from_status: string | null;
  to_status: string | null;
  detail: string | null;
}

/**
 * One kind of item, newest first, cut after a page: `time` and `key` are the source row's time
 * and id columns, which an index holds in that order, so the scan stops after `take` matches.
 * Item ids are `prefix:` + the row id; compared bytewise ("C"), that order is the row id's order,
 * so the merged page and the cursor agree with every branch's index order.
 */
function branch(
  prefix: string,
  time: string,
  key: string,
  body: SQL,
  after: RecentActivityCursor | null,
  take: number,
): SQL {
  const at = sql.raw(time);
  const id = sql`(${prefix} || ${sql.raw(key)}::text) collate "C"`;
  const cursor = after
    ? sql`and ${at} <= ${after.at}::timestamptz
          and (${at} < ${after.at}::timestamptz or ${id} < ${after.id} collate "C")`
    : sql``;
  return sql`(${body} ${cursor} order by ${at} desc, ${sql.raw(key)} desc limit ${take})`;
}

/**
 * The latest things that happened to the scoped leads in the period — created, status changed,
 * won, a reply received, a call logged — and campaigns launched, newest first, keyset-paged on
 * (time, id) so each page costs the same however deep: each kind reads only its newest page from
 * its time index, and the page is the newest of those.
 */
export async function getRecentActivity(ctx: Ctx, query: RecentActivityQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { from, to } = ac.scope.period;
  const after = query.cursor ? decodeRecentActivityCursor(query.cursor) : null;
  const take = query.limit + 1;
  const f = leadFilter(ctx, ac.scope);
  const org = ctx.orgId;
  const inPeriod = (col: string) =>
    sql`${sql.raw(col)} >= ${ts(from)} and ${sql.raw(col)} < ${ts(to)}`;
  const branches = [
    branch(
      "lead_created:",
      "l.created_at",
      "l.id",
      sql`select 'lead_created:' || l.id as id, 'lead_created' as kind, l.created_at as at,
                 l.id as lead_id, l.display_name as lead_name, null::uuid as campaign_id,
                 l.created_by_id as user_id, null as from_status, null as to_status, null as detail
            from leads l where ${f} and ${inPeriod("l.created_at")}`,
      after,
      take,
    ),
    branch(
      "status:",
      "sc.changed_at",
      "sc.id",
      sql`select 'status:' || sc.id, case when sc.to_status in ${statusList(ac.statuses, "won")}
                 then 'won' else 'status_changed' end, sc.changed_at, sc.lead_id, l.display_name,
                 null, null, sc.from_status, sc.to_status, null
            from lead_status_changes sc join leads l on l.id = sc.lead_id
           where sc.organization_id = ${org} and sc.from_status is not null and ${f}
             and ${inPeriod("sc.changed_at")}`,
      after,
      take,
    ),
    branch(
      "reply:",
      "m.occurred_at",
      "m.id",
      sql`select 'reply:' || m.id, 'reply_received', m.occurred_at, m.lead_id, l.display_name,
                 m.campaign_id, null, null, null, left(m.body, 140)
            from conversation_messages m join leads l on l.id = m.lead_id
           where m.organization_id = ${org} and m.direction = 'inbound'
             and coalesce(m.inbound_kind, 'human_reply') = 'human_reply' and ${f}
             and ${inPeriod("m.occurred_at")}`,
      after,
      take,
    ),
    branch(
      "call:",
      "a.occurred_at",
      "a.id",
      sql`select 'call:' || a.id, 'call_logged', a.occurred_at, a.lead_id, l.display_name, null,
                 a.user_id, null, null, a.outcome
            from user_activities a join leads l on l.id = a.lead_id
           where a.organization_id = ${org} and a.kind = 'call' and ${f}
             and ${inPeriod("a.occurred_at")}`,
      after,
      take,
    ),
    branch(
      "campaign:",
      "c.launched_at",
      "c.id",
      sql`select 'campaign:' || c.id, 'campaign_launched', c.launched_at, null, null, c.id,
                 c.created_by, null, null, null
            from campaigns c
           where c.organization_id = ${org} and ${inPeriod("c.launched_at")}
             ${ac.scope.campaignId ? sql`and c.id = ${ac.scope.campaignId}` : sql``}`,
      after,
      take,
    ),
  ];
  const rows = await queryRows<Row>(
    ctx.db,
    sql`select i.id, i.kind, ${isoText(sql`i.at`)} as at,
               to_char(i.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
               i.lead_id, i.lead_name, i.campaign_id, c.name as campaign_name,
               i.user_id, coalesce(u.name, u.email) as user_name,
               i.from_status, i.to_status, i.detail
          from (${sql.join(branches, sql` union all `)})
               as i(id, kind, at, lead_id, lead_name, campaign_id, user_id, from_status, to_status,
                    detail)
          left join campaigns c on c.organization_id = ${org} and c.id = i.campaign_id
          left join users u on u.id = i.user_id
         order by i.at desc, i.id collate "C" desc
         limit ${take}`,
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
    nextCursor:
      rows.length > query.limit && last
        ? encodeRecentActivityCursor({ at: last.cursor_at, id: last.id })
        : null,
  };
}
