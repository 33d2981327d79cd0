import type { Queryable } from "@/db/client";
import { userActivities, type UserActivityKind } from "@/db/schema";

export interface UserActivityInput {
  organizationId: string;
  userId: string;
  kind: UserActivityKind;
  leadId?: string | null;
  outcome?: string | null;
  durationSeconds?: number | null;
  notes?: string | null;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * One act of a member (login, call, email, follow-up) for activity tracking, written by the code
 * path that does the act, in its transaction when it has one. Returns the row.
 */
export async function recordUserActivity(db: Queryable, input: UserActivityInput) {
  const [row] = await db
    .insert(userActivities)
    .values({
      organizationId: input.organizationId,
      userId: input.userId,
      kind: input.kind,
      leadId: input.leadId ?? null,
      outcome: input.outcome ?? null,
      durationSeconds: input.durationSeconds ?? null,
      notes: input.notes ?? null,
      data: input.data ?? {},
      ...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
    })
    .returning();
  return row!;
}

/** The same for the caller of a request: only people have activity (API keys and jobs don't). */
export async function recordOwnActivity(
  db: Queryable,
  ctx: { orgId: string; actor: { type: string; userId: string | null } },
  input: Omit<UserActivityInput, "organizationId" | "userId">,
) {
  if (ctx.actor.type !== "user" || !ctx.actor.userId) return null;
  return recordUserActivity(db, { ...input, organizationId: ctx.orgId, userId: ctx.actor.userId });
}
