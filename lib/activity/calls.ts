import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { leads, memberships, userActivities, users, type CALL_OUTCOMES } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { validationError } from "@/lib/http/problem";
import { recordActivity } from "@/lib/leads/activity";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import type { CallDto, LogCallInput } from "./call-schemas";
import { recordUserActivity } from "./record-user-activity";

type Outcome = (typeof CALL_OUTCOMES)[number];

/**
 * POST /leads/{id}/calls: a call the caller made to a lead they can see. In one transaction it is
 * recorded as the member's activity, put on the lead's timeline (at the time it took place), and
 * moves the lead's last-contacted time forward (never back, for a call logged late).
 */
export async function logCall(ctx: Ctx, leadId: string, input: LogCallInput): Promise<CallDto> {
  assertCan(ctx, "calls:write");
  await getLeadOrThrow(ctx, leadId);
  const userId = await caller(ctx, input.userId);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
  const row = await ctx.db.transaction(async (tx) => {
    const call = await recordUserActivity(tx, {
      organizationId: ctx.orgId,
      userId,
      kind: "call",
      leadId,
      outcome: input.outcome,
      durationSeconds: input.durationSeconds,
      notes: input.notes || null,
      occurredAt,
    });
    await recordActivity(
      tx,
      ctx,
      leadId,
      "call_logged",
      {
        callId: call.id,
        outcome: input.outcome,
        durationSeconds: input.durationSeconds,
        notes: input.notes ? input.notes.slice(0, 500) : null,
      },
      occurredAt,
    );
    await tx
      .update(leads)
      .set({
        lastContactedAt: sql`greatest(${leads.lastContactedAt}, ${occurredAt.toISOString()}::timestamptz)`,
      })
      .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
    return call;
  });
  const [user] = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  return toCallDto(row, user!);
}

/** Who made the call: a person themselves; for an API key, the active member it names. */
async function caller(ctx: Ctx, named: string | undefined): Promise<string> {
  const fail = (message: string) => validationError([{ path: "userId", message }]);
  if (ctx.actor.userId) {
    if (named && named !== ctx.actor.userId) throw fail("You can only log your own calls");
    return ctx.actor.userId;
  }
  if (!named) throw fail("Name the member who made the call");
  const [member] = await ctx.db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, ctx.orgId),
        eq(memberships.userId, named),
        isNull(memberships.deactivatedAt),
      ),
    );
  if (!member) throw fail("Not an active member of this organization");
  return named;
}

/** GET /leads/{id}/calls: the calls logged on a lead the caller can see, newest first. */
export async function listCalls(ctx: Ctx, leadId: string): Promise<{ data: CallDto[] }> {
  await getLeadOrThrow(ctx, leadId);
  const rows = await ctx.db
    .select({ call: userActivities, user: { id: users.id, name: users.name } })
    .from(userActivities)
    .innerJoin(users, eq(users.id, userActivities.userId))
    .where(
      and(
        eq(userActivities.organizationId, ctx.orgId),
        eq(userActivities.leadId, leadId),
        eq(userActivities.kind, "call"),
      ),
    )
    .orderBy(desc(userActivities.occurredAt), desc(userActivities.id))
    .limit(200);
  return { data: rows.map((r) => toCallDto(r.call, r.user)) };
}

function toCallDto(
  row: typeof userActivities.$inferSelect,
  user: { id: string; name: string },
): CallDto {
  return {
    id: row.id,
    leadId: row.leadId!,
    user,
    outcome: row.outcome as Outcome,
    durationSeconds: row.durationSeconds ?? 0,
    notes: row.notes,
    occurredAt: row.occurredAt.toISOString(),
  };
}
