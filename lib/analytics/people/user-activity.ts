import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Role, UserActivityKind } from "@/db/schema";
import { resolvePeriod } from "@/lib/analytics/analytics-filters";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { isoText, ts } from "@/lib/analytics/analytics-sql";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { validationError } from "@/lib/http/problem";
import { teamOf } from "@/lib/leads/visibility";
import { addKind, bucketSql, bucketStarts, emptyCounts, seriesOf } from "./activity-buckets";
import type { UserActivity, UserActivityQuery } from "./people-analytics-schemas";

interface Cursor {
  at: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  const bad = () => validationError([{ path: "cursor", message: "Malformed cursor" }]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== "string" ||
    typeof value[1] !== "string" ||
    Number.isNaN(Date.parse(value[0])) ||
    !UUID.test(value[1])
  )
    throw bad();
  return { at: new Date(value[0]).toISOString(), id: value[1] };
}

/**
 * Whose activity the caller may read: their own; a manager also their team's; admins, owners and
 * integrations anyone's. Someone outside the organization is not found; a colleague the caller
 * may not look at is forbidden.
 */
async function assertMayView(ctx: Ctx, userId: string) {
  const [member] = await queryRows<{ name: string; email: string; role: Role }>(
    ctx.db,
    sql`select u.name, u.email, m.role from memberships m join users u on u.id = m.user_id
         where m.organization_id = ${ctx.orgId} and m.user_id = ${userId}`,
  );
  if (!member) throw notFound("Member");
  const self = ctx.actor.userId;
  const wide = ctx.role === "owner" || ctx.role === "admin" || ctx.role === "integration";
  const mayView =
    wide || userId === self || (ctx.role === "manager" && (await teamOf(ctx)).includes(userId));
  if (!mayView)
    throw new AppError("forbidden", "You may see only your own (or your team's) activity.");
  return member;
}

/**
 * GET /activity/user-activity: one member's activity in the period — totals per kind, a count
 * per day (or `interval`), and the acts themselves newest first, keyset-paged.
 */
export async function getUserActivity(
  ctx: Ctx,
  query: UserActivityQuery,
  now = new Date(),
): Promise<UserActivity> {
  assertCan(ctx, "analytics:read");
  const userId = query.userId === "me" ? ctx.actor.userId : query.userId;
  if (!userId)
    throw validationError([{ path: "userId", message: "An API key must name a member" }]);
  const period = resolvePeriod(query, now);
  const member = await assertMayView(ctx, userId);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const where = sql`ua.organization_id = ${ctx.orgId} and ua.user_id = ${userId}
    and ua.occurred_at >= ${ts(period.from)} and ua.occurred_at < ${ts(period.to)}`;
  const [counts, items] = await Promise.all([
    queryRows<{ bucket: string; kind: string; n: number }>(
      ctx.db,
      sql`select ${bucketSql(sql`ua.occurred_at`, query.interval)} as bucket, ua.kind,
                 count(*)::int as n
            from user_activities ua where ${where} group by 1, 2`,
    ),
    queryRows<{
      id: string;
      kind: UserActivityKind;
      lead_id: string | null;
      lead_name: string | null;
      outcome: string | null;
      duration_seconds: number | null;
      notes: string | null;
      occurred_at: string;
    }>(
      ctx.db,
      sql`select ua.id, ua.kind, ua.lead_id, l.display_name as lead_name, ua.outcome,
                 ua.duration_seconds, ua.notes, ${isoText(sql`ua.occurred_at`)} as occurred_at
            from user_activities ua
            left join leads l on l.organization_id = ua.organization_id and l.id = ua.lead_id
           where ${where} ${query.kind ? sql`and ua.kind = ${query.kind}` : sql``}
             ${cursor ? sql`and (ua.occurred_at, ua.id) < (${ts(new Date(cursor.at))}, ${cursor.id}::uuid)` : sql``}
           order by ua.occurred_at desc, ua.id desc
           limit ${query.limit + 1}`,
    ),
  ]);
  const totals = emptyCounts();
  for (const c of counts) addKind(totals, c.kind, Number(c.n));
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    period: periodDto(period),
    user: { userId, name: member.name, email: member.email, role: member.role },
    totals,
    daily: seriesOf(counts, bucketStarts(period.from, period.to, query.interval)),
    data: page.map((i) => ({
      id: i.id,
      kind: i.kind,
      leadId: i.lead_id,
      leadName: i.lead_name,
      outcome: i.outcome,
      durationSeconds: i.duration_seconds === null ? null : Number(i.duration_seconds),
      notes: i.notes,
      occurredAt: i.occurred_at,
    })),
    nextCursor:
      items.length > query.limit && last
        ? encodeCursor({ at: last.occurred_at, id: last.id })
        : null,
  };
}
