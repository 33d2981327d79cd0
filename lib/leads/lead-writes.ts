import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { leads, leadStatusChanges } from "@/db/schema";
import { leadStatusChanged } from "@/inngest/events";
import type { Ctx } from "@/lib/context";
import { AppError, type FieldError } from "@/lib/errors";
import { validationError } from "@/lib/http/problem";
import { can } from "@/lib/auth/permissions";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { recordActivity } from "./activity";
import { assignableMemberIds, canAssignTo } from "./visibility";

/** The id of a live lead with this email in the organization, whoever owns it. */
export async function leadIdByEmail(
  db: Queryable,
  orgId: string,
  email: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.organizationId, orgId), eq(leads.email, email), isNull(leads.deletedAt)))
    .limit(1);
  return row?.id;
}

export function duplicateEmail(existingId: string) {
  return new AppError("duplicate", "A lead with this email already exists.", {
    extra: { existingId },
    errors: [{ path: "email", message: "Already used by another lead" }],
  });
}

/**
 * Checks shared by create and update: a score override needs the permission (anyone else sending
 * a score gets a 400, not a silent write), and an owner must be a member the caller may assign to.
 */
export async function checkWriteRules(
  ctx: Ctx,
  input: { score?: number | null; ownerId?: string | null },
  errors: FieldError[],
) {
  if (input.score !== undefined && !can(ctx.role, "leads:score_override")) {
    errors.push({
      path: "score",
      message: "The score is computed; only managers and admins may override it",
    });
  }
  if (input.ownerId) {
    const members = await assignableMemberIds(ctx, [input.ownerId]);
    if (!members.has(input.ownerId))
      errors.push({ path: "ownerId", message: "Not a member of this organization" });
    else if (!(await canAssignTo(ctx, input.ownerId))) {
      errors.push({
        path: "ownerId",
        message: "You can only assign leads to yourself or your team",
      });
    }
  }
  if (errors.length) throw validationError(errors);
}

/** Record a status change: history row, timeline entry and the event later capabilities react to. */
export async function recordStatusChange(
  db: Queryable,
  ctx: Pick<Ctx, "orgId" | "actor">,
  leadId: string,
  from: string | null,
  to: string,
) {
  await db
    .insert(leadStatusChanges)
    .values({ organizationId: ctx.orgId, leadId, fromStatus: from, toStatus: to });
  await db
    .update(leads)
    .set({
      reachedStatuses: sql`case when ${to} = any(${leads.reachedStatuses}) then ${leads.reachedStatuses} else array_append(${leads.reachedStatuses}, ${to}) end`,
    })
    .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
  if (from !== null) {
    await recordActivity(db, ctx, leadId, "status_changed", { from, to });
    await enqueueEvent(
      db,
      leadStatusChanged,
      { organizationId: ctx.orgId, leadId, from, to },
      { organizationId: ctx.orgId },
    );
  }
}
