import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsScope } from "@/lib/analytics/analytics-filters";
import { inList } from "@/lib/analytics/analytics-sql";
import type { Ctx } from "@/lib/context";

/**
 * The members a people report lists, as a CTE `mem(user_id, name, email, role)`: the
 * organization's active people (API keys are not people), narrowed to the scope's owners —
 * reps themselves, managers their team (resolveAnalyticsScope).
 */
export function membersCte(ctx: Ctx, scope: AnalyticsScope): SQL {
  return sql`mem as (
    select m.user_id, u.name, u.email, m.role
      from memberships m join users u on u.id = m.user_id
     where m.organization_id = ${ctx.orgId} and m.status = 'active' and m.role <> 'integration'
       ${scope.ownerIds ? sql`and m.user_id in ${inList(scope.ownerIds)}` : sql``})`;
}
