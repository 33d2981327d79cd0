import type { Queryable } from "@/db/client";
import { leadActivities } from "@/db/schema";
import type { Ctx } from "@/lib/context";

/** Append to a lead's timeline, in the caller's transaction. */
export async function recordActivity(
  db: Queryable,
  ctx: Pick<Ctx, "orgId" | "actor">,
  leadId: string,
  type: string,
  data: Record<string, unknown> = {},
  occurredAt?: Date,
): Promise<void> {
  await db.insert(leadActivities).values({
    organizationId: ctx.orgId,
    leadId,
    type,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    data,
    ...(occurredAt ? { occurredAt } : {}),
  });
}
