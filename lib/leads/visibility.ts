import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { leads, memberships } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { queryRows } from "@/db/client";

const teams = new WeakMap<Ctx, Promise<string[]>>();

/**
 * Everyone reporting to the manager, directly or through another manager (up to five levels), as
 * a subquery — so scoping a query never needs a round trip of its own (one inside a PGlite
 * transaction would wait forever for the connection the transaction holds).
 */
function teamSubquery(ctx: Ctx, managerId: string): SQL {
  return sql`(with recursive team(user_id, depth) as (
                select user_id, 1 from memberships
                 where organization_id = ${ctx.orgId} and manager_id = ${managerId}
                union
                select m.user_id, t.depth + 1 from memberships m join team t on m.manager_id = t.user_id
                 where m.organization_id = ${ctx.orgId} and t.depth < 5)
              select distinct user_id from team where user_id <> ${managerId})`;
}

/** The members a manager is responsible for, as a list. Cached for the request. */
export function teamOf(ctx: Ctx): Promise<string[]> {
  let team = teams.get(ctx);
  if (!team) {
    const managerId = ctx.actor.userId;
    team = managerId
      ? queryRows<{ user_id: string }>(
          ctx.db,
          sql`select user_id from ${teamSubquery(ctx, managerId)} t`,
        ).then((rows) => rows.map((r) => r.user_id))
      : Promise.resolve([]);
    teams.set(ctx, team);
  }
  return team;
}

/** Whose leads the caller works: everyone's (null), or these owners plus unassigned leads. */
export async function visibleOwners(ctx: Ctx): Promise<string[] | null> {
  if (ctx.role === "owner" || ctx.role === "admin" || ctx.role === "integration") return null;
  const self = ctx.actor.userId ? [ctx.actor.userId] : [];
  if (ctx.role === "manager") return [...self, ...(await teamOf(ctx))];
  return self;
}

/**
 * The condition every lead read, write, list, count, export and bulk action adds: the caller's
 * organization, live (or deleted) rows, and the role's row-level visibility — reps see their own
 * and unassigned leads, managers their team's and unassigned ones, admins all.
 */
export async function leadScope(ctx: Ctx, options: { deleted?: boolean } = {}): Promise<SQL> {
  const live = options.deleted ? sql`${leads.deletedAt} is not null` : isNull(leads.deletedAt);
  const base = and(eq(leads.organizationId, ctx.orgId), live);
  if (ctx.role === "owner" || ctx.role === "admin" || ctx.role === "integration") return base!;
  const self = ctx.actor.userId;
  if (!self) return and(base, isNull(leads.ownerId))!;
  const mine = or(isNull(leads.ownerId), eq(leads.ownerId, self));
  if (ctx.role !== "manager") return and(base, mine)!;
  return and(base, or(mine, sql`${leads.ownerId} in ${teamSubquery(ctx, self)}`))!;
}

/** Whether the caller may give a lead to this owner (null = unassign). */
export async function canAssignTo(ctx: Ctx, ownerId: string | null): Promise<boolean> {
  const owners = await visibleOwners(ctx);
  if (ownerId === null || owners === null) return true;
  return owners.includes(ownerId);
}

/**
 * Members who can own leads in this organization (active or invited, not integrations): among
 * `ids`, or all of them when `ids` is null.
 */
export async function assignableMemberIds(ctx: Ctx, ids: string[] | null): Promise<Set<string>> {
  if (ids?.length === 0) return new Set();
  const rows = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, ctx.orgId),
        ids ? inArray(memberships.userId, ids) : undefined,
        inArray(memberships.status, ["active", "invited"]),
        sql`${memberships.role} <> 'integration'`,
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

/** Members the caller may give leads to: everyone for admins, themselves and their team otherwise. */
export async function assignableForCaller(ctx: Ctx): Promise<Set<string>> {
  return assignableMemberIds(ctx, await visibleOwners(ctx));
}
