import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Role } from "@/db/schema";
import { isoText, ts } from "@/lib/analytics/analytics-sql";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import type { LoginNow } from "./people-analytics-schemas";

/** Seen within this long counts as "active now" (last_seen_at is kept to the minute). */
export const ACTIVE_WINDOW_MS = 5 * 60_000;

/**
 * GET /activity/login-now: the organization's members seen in the last five minutes, most recent
 * first. Every person in the organization may see who is online (not API keys: they are no one's
 * colleague).
 */
export async function getLoginNow(ctx: Ctx, now = new Date()): Promise<LoginNow> {
  assertCan(ctx, "users:read");
  const since = new Date(now.getTime() - ACTIVE_WINDOW_MS);
  const rows = await queryRows<{
    user_id: string;
    name: string;
    email: string;
    role: Role;
    last_seen_at: string;
  }>(
    ctx.db,
    sql`select m.user_id, u.name, u.email, m.role, ${isoText(sql`m.last_seen_at`)} as last_seen_at
          from memberships m join users u on u.id = m.user_id
         where m.organization_id = ${ctx.orgId} and m.status = 'active'
           and m.role <> 'integration' and m.last_seen_at >= ${ts(since)}
         order by m.last_seen_at desc, u.name, m.user_id`,
  );
  return {
    since: since.toISOString(),
    members: rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      email: r.email,
      role: r.role,
      lastSeenAt: r.last_seen_at,
    })),
  };
}
