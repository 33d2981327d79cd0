import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/client";
import type { EventTimes } from "./compute-score";

/**
 * When each scored event happened for one lead: inquiries and tracked events (email events join
 * here once campaigns record them). The most recent 200 of each kind is plenty for any rule.
 */
export async function eventTimesFor(
  db: Queryable,
  orgId: string,
  leadId: string,
): Promise<EventTimes> {
  const rows = await queryRows<{ type: string; at: string | Date }>(
    db,
    sql`select type, at from (
          select type, at, row_number() over (partition by type order by at desc) as n from (
            select 'inquiry' as type, created_at as at from lead_inquiries where organization_id = ${orgId} and lead_id = ${leadId}
            union all
            select type, occurred_at from lead_events where organization_id = ${orgId} and lead_id = ${leadId}
          ) e
        ) ranked where n <= 200`,
  );
  const out: EventTimes = {};
  for (const r of rows) (out[r.type] ??= []).push(new Date(r.at));
  return out;
}
