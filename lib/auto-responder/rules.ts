import { and, asc, count, eq, inArray, max, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { autoResponderRules, campaigns, emailTemplates, memberships } from "@/db/schema";
import { diffChanges, recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound, type FieldError } from "@/lib/errors";
import { validationError } from "@/lib/http/problem";
import { optionExists } from "@/lib/leads/lead-options";
import { normalizeTags } from "@/lib/leads/normalize";
import type { listRulesQuery, RuleDto, RuleInput } from "./rule-schemas";

type RuleRow = typeof autoResponderRules.$inferSelect;

export function toRuleDto(row: RuleRow): RuleDto {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    priority: row.priority,
    conditions: row.conditions as RuleDto["conditions"],
    actions: row.actions,
    stopProcessing: row.stopProcessing,
    oncePerLead: row.oncePerLead,
    matchCount: row.matchCount,
    lastMatchedAt: row.lastMatchedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const ofOrg = (ctx: Pick<Ctx, "orgId">, id: string) =>
  and(eq(autoResponderRules.organizationId, ctx.orgId), eq(autoResponderRules.id, id));

export async function getRuleRow(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const [row] = await db.select().from(autoResponderRules).where(ofOrg(ctx, id)).limit(1);
  if (!row) throw notFound("Auto-responder rule");
  return row;
}

async function activeMembers(db: Queryable, orgId: string, userIds: string[]) {
  if (!userIds.length) return new Set<string>();
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, orgId),
        eq(memberships.status, "active"),
        inArray(memberships.userId, userIds),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

/** Everything a rule points to must exist in the caller's organization (else a 400 per field). */
async function checkReferences(ctx: Ctx, input: RuleInput) {
  const errors: FieldError[] = [];
  const { actions, conditions } = input;
  if (actions.sendTemplateId) {
    const [template] = await ctx.db
      .select({ id: emailTemplates.id })
      .from(emailTemplates)
      .where(
        and(
          eq(emailTemplates.organizationId, ctx.orgId),
          eq(emailTemplates.id, actions.sendTemplateId),
        ),
      );
    if (!template) errors.push({ path: "actions.sendTemplateId", message: "No such template" });
  }
  if (conditions.campaignIds.length) {
    const found = await ctx.db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(
        and(eq(campaigns.organizationId, ctx.orgId), inArray(campaigns.id, conditions.campaignIds)),
      );
    const known = new Set(found.map((c) => c.id));
    conditions.campaignIds.forEach((id, i) => {
      if (!known.has(id))
        errors.push({ path: `conditions.campaignIds[${i}]`, message: "No such campaign" });
    });
  }
  if (actions.setStatus && !(await optionExists(ctx.db, ctx.orgId, "status", actions.setStatus))) {
    errors.push({ path: "actions.setStatus", message: "Not a lead status of this organization" });
  }
  const members = await activeMembers(ctx.db, ctx.orgId, [
    ...(actions.setOwnerId ? [actions.setOwnerId] : []),
    ...actions.notify.userIds,
  ]);
  if (actions.setOwnerId && !members.has(actions.setOwnerId)) {
    errors.push({ path: "actions.setOwnerId", message: "Not an active member" });
  }
  actions.notify.userIds.forEach((id, i) => {
    if (!members.has(id))
      errors.push({ path: `actions.notify.userIds[${i}]`, message: "Not an active member" });
  });
  if (errors.length) throw validationError(errors);
}

/** Stored form: tags normalised like lead tags, keywords and lists without repeats. */
function normalized(input: RuleInput) {
  return {
    name: input.name,
    enabled: input.enabled,
    conditions: {
      ...input.conditions,
      categories: [...new Set(input.conditions.categories)],
      campaignIds: [...new Set(input.conditions.campaignIds)],
      keywords: [...new Set(input.conditions.keywords.map((k) => k.trim()))],
    },
    actions: {
      ...input.actions,
      notify: { ...input.actions.notify, userIds: [...new Set(input.actions.notify.userIds)] },
      addTags: normalizeTags(input.actions.addTags),
    },
    stopProcessing: input.stopProcessing,
    oncePerLead: input.oncePerLead,
  };
}

export async function listRules(ctx: Ctx, query: z.infer<typeof listRulesQuery>) {
  assertCan(ctx, "auto_responder:read");
  const where: SQL | undefined = and(
    eq(autoResponderRules.organizationId, ctx.orgId),
    query.enabled ? eq(autoResponderRules.enabled, query.enabled === "true") : undefined,
  );
  const page = query.page ?? 1;
  const [rows, [totalRow]] = await Promise.all([
    ctx.db
      .select()
      .from(autoResponderRules)
      .where(where)
      .orderBy(asc(autoResponderRules.priority), asc(autoResponderRules.createdAt))
      .limit(query.perPage)
      .offset((page - 1) * query.perPage),
    ctx.db.select({ total: count() }).from(autoResponderRules).where(where),
  ]);
  const total = totalRow?.total ?? 0;
  return {
    data: rows.map(toRuleDto),
    pagination: {
      page,
      perPage: query.perPage,
      total,
      totalPages: Math.ceil(total / query.perPage),
      nextCursor: null,
    },
  };
}

export async function getRule(ctx: Ctx, id: string): Promise<RuleDto> {
  assertCan(ctx, "auto_responder:read");
  return toRuleDto(await getRuleRow(ctx, id));
}

export async function createRule(ctx: Ctx, input: RuleInput): Promise<RuleDto> {
  assertCan(ctx, "auto_responder:write");
  await checkReferences(ctx, input);
  return ctx.db.transaction(async (tx) => {
    let priority = input.priority;
    if (priority === undefined) {
      const [last] = await tx
        .select({ p: max(autoResponderRules.priority) })
        .from(autoResponderRules)
        .where(eq(autoResponderRules.organizationId, ctx.orgId));
      priority = last?.p === null || last?.p === undefined ? 10 : last.p + 10;
    }
    const [row] = await tx
      .insert(autoResponderRules)
      .values({
        ...normalized(input),
        priority,
        organizationId: ctx.orgId,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "auto_responder_rule.created",
      resourceType: "auto_responder_rule",
      resourceId: row!.id,
      changes: { name: { from: null, to: row!.name } },
    });
    return toRuleDto(row!);
  });
}

/** PUT: the rule as given (counters kept); priority kept when left out. */
export async function replaceRule(ctx: Ctx, id: string, input: RuleInput): Promise<RuleDto> {
  assertCan(ctx, "auto_responder:write");
  const existing = await getRuleRow(ctx, id);
  await checkReferences(ctx, input);
  const values = { ...normalized(input), priority: input.priority ?? existing.priority };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(autoResponderRules).set(values).where(ofOrg(ctx, id)).returning();
    if (!row) throw notFound("Auto-responder rule");
    await recordAudit(tx, ctx, {
      action: "auto_responder_rule.updated",
      resourceType: "auto_responder_rule",
      resourceId: id,
      changes: diffChanges(existing as unknown as Record<string, unknown>, values),
    });
    return toRuleDto(row);
  });
}

export async function toggleRule(ctx: Ctx, id: string, enabled: boolean): Promise<RuleDto> {
  assertCan(ctx, "auto_responder:write");
  return ctx.db.transaction(async (tx) => {
    const existing = await getRuleRow(ctx, id, tx);
    const [row] = await tx
      .update(autoResponderRules)
      .set({ enabled })
      .where(ofOrg(ctx, id))
      .returning();
    if (existing.enabled !== enabled) {
      await recordAudit(tx, ctx, {
        action: enabled ? "auto_responder_rule.enabled" : "auto_responder_rule.disabled",
        resourceType: "auto_responder_rule",
        resourceId: id,
        changes: { enabled: { from: existing.enabled, to: enabled } },
      });
    }
    return toRuleDto(row!);
  });
}

export async function deleteRule(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx, "auto_responder:write");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(autoResponderRules)
      .where(ofOrg(ctx, id))
      .returning({ id: autoResponderRules.id, name: autoResponderRules.name });
    if (!row) throw notFound("Auto-responder rule");
    await recordAudit(tx, ctx, {
      action: "auto_responder_rule.deleted",
      resourceType: "auto_responder_rule",
      resourceId: id,
      changes: { name: { from: row.name, to: null } },
    });
  });
}
