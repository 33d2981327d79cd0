import { and, eq } from "drizzle-orm";
import { leads } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db-errors";
import { recordActivity } from "./activity";
import { getLeadOrThrow, toLeadDetail } from "./get-lead";
import { duplicateEmail, leadIdByEmail } from "./lead-writes";

/** Soft-delete: the lead leaves every list and count but keeps its history and can be restored. */
export async function deleteLead(ctx: Ctx, id: string) {
  assertCan(ctx, "leads:delete");
  await getLeadOrThrow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(leads)
      .set({ deletedAt: new Date(), updatedById: ctx.actor.id })
      .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, id)));
    await recordActivity(tx, ctx, id, "deleted");
    await recordAudit(tx, ctx, { action: "lead.deleted", resourceType: "lead", resourceId: id });
  });
}

/** Bring a deleted lead back, unless a live lead has taken its email meanwhile (409). */
export async function restoreLead(ctx: Ctx, id: string) {
  assertCan(ctx, "leads:delete");
  const lead = await getLeadOrThrow(ctx, id, { deleted: true });
  if (lead.email) {
    const other = await leadIdByEmail(ctx.db, ctx.orgId, lead.email);
    if (other) throw duplicateEmail(other);
  }
  try {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(leads)
        .set({ deletedAt: null, mergedIntoId: null, updatedById: ctx.actor.id })
        .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, id)));
      await recordActivity(tx, ctx, id, "restored");
      await recordAudit(tx, ctx, { action: "lead.restored", resourceType: "lead", resourceId: id });
    });
  } catch (error) {
    if (isUniqueViolation(error) && lead.email)
      throw duplicateEmail((await leadIdByEmail(ctx.db, ctx.orgId, lead.email)) ?? id);
    throw error;
  }
  return toLeadDetail(ctx.db, await getLeadOrThrow(ctx, id));
}
