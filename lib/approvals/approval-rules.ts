import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { approvalRules, campaigns, memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import type { ApprovalRuleDto, ApprovalRuleInput } from "./approval-schemas";
import type { ApprovalRuleRow } from "./match-approval-rule";

export function toRuleDto(row: ApprovalRuleRow): ApprovalRuleDto {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    priority: row.priority,
    trigger: row.trigger,
    campaignId: row.campaignId,
    approverUserId: row.approverUserId,
    approverRole: row.approverRole,
    timeoutHours: row.timeoutHours,
    timeoutAction: row.timeoutAction,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const invalid = (path: string, message: string) =>
  new AppError("validation_error", message, { errors: [{ path, message }] });

/** A named approver must be an active member allowed to decide; a campaign must be this org's. */
async function checkReferences(db: Queryable, ctx: Ctx, input: ApprovalRuleInput) {
  if (input.campaignId) {
    const [campaign] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.organizationId, ctx.orgId), eq(campaigns.id, input.campaignId)))
      .limit(1);
    if (!campaign) throw invalid("campaignId", "Not a campaign of this organization");
  }
  if (input.approverUserId) {
    const [member] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.organizationId, ctx.orgId),
          eq(memberships.userId, input.approverUserId),
          eq(memberships.status, "active"),
        ),
      )
      .limit(1);
    if (!member || !can(member.role, "approvals:decide")) {
      throw invalid("approverUserId", "Not a member who may approve (managers and up)");
    }
  }
}

async function ruleOrThrow(db: Queryable, ctx: Ctx, id: string, lock = false) {
  const query = db
    .select()
    .from(approvalRules)
    .where(and(eq(approvalRules.organizationId, ctx.orgId), eq(approvalRules.id, id)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Approval rule");
  return row;
}

export async function listApprovalRules(ctx: Ctx): Promise<{ data: ApprovalRuleDto[] }> {
  assertCan(ctx, "approvals:read");
  const rows = await ctx.db
    .select()
    .from(approvalRules)
    .where(eq(approvalRules.organizationId, ctx.orgId))
    .orderBy(asc(approvalRules.priority), asc(approvalRules.createdAt), asc(approvalRules.id));
  return { data: rows.map(toRuleDto) };
}

export async function createApprovalRule(
  ctx: Ctx,
  input: ApprovalRuleInput,
): Promise<ApprovalRuleDto> {
  assertCan(ctx, "approvals:rules");
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, ctx, input);
    const [row] = await tx
      .insert(approvalRules)
      .values({ ...input, organizationId: ctx.orgId, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, {
      action: "approval_rule.created",
      resourceType: "approval_rule",
      resourceId: row!.id,
      changes: { ...input },
    });
    return toRuleDto(row!);
  });
}

export async function replaceApprovalRule(
  ctx: Ctx,
  id: string,
  input: ApprovalRuleInput,
): Promise<ApprovalRuleDto> {
  assertCan(ctx, "approvals:rules");
  return ctx.db.transaction(async (tx) => {
    await ruleOrThrow(tx, ctx, id, true);
    await checkReferences(tx, ctx, input);
    const [row] = await tx
      .update(approvalRules)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(approvalRules.organizationId, ctx.orgId), eq(approvalRules.id, id)))
      .returning();
    await recordAudit(tx, ctx, {
      action: "approval_rule.updated",
      resourceType: "approval_rule",
      resourceId: id,
      changes: { ...input },
    });
    return toRuleDto(row!);
  });
}

export async function toggleApprovalRule(
  ctx: Ctx,
  id: string,
  input: { enabled?: boolean },
): Promise<ApprovalRuleDto> {
  assertCan(ctx, "approvals:rules");
  return ctx.db.transaction(async (tx) => {
    const current = await ruleOrThrow(tx, ctx, id, true);
    const enabled = input.enabled ?? !current.enabled;
    const [row] = await tx
      .update(approvalRules)
      .set({ enabled, updatedAt: new Date() })
      .where(and(eq(approvalRules.organizationId, ctx.orgId), eq(approvalRules.id, id)))
      .returning();
    await recordAudit(tx, ctx, {
      action: enabled ? "approval_rule.enabled" : "approval_rule.disabled",
      resourceType: "approval_rule",
      resourceId: id,
    });
    return toRuleDto(row!);
  });
}

/** Approvals already held under the rule keep their reason and deadline; only the link goes. */
export async function deleteApprovalRule(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx, "approvals:rules");
  await ctx.db.transaction(async (tx) => {
    await ruleOrThrow(tx, ctx, id, true);
    await tx
      .delete(approvalRules)
      .where(and(eq(approvalRules.organizationId, ctx.orgId), eq(approvalRules.id, id)));
    await recordAudit(tx, ctx, {
      action: "approval_rule.deleted",
      resourceType: "approval_rule",
      resourceId: id,
    });
  });
}
