import { and, count, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { autoResponderRuns, leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { leadScope } from "@/lib/leads/visibility";
import type { listRunsQuery, RunDto } from "./rule-schemas";

/**
 * GET /auto-responder/runs: what the rules did, newest first — only for leads the caller may see
 * (a rep's log shows their own and unassigned leads).
 */
export async function listRuns(ctx: Ctx, query: z.infer<typeof listRunsQuery>) {
  assertCan(ctx, "auto_responder:read");
  const where = and(
    eq(autoResponderRuns.organizationId, ctx.orgId),
    await leadScope(ctx),
    query.ruleId ? eq(autoResponderRuns.ruleId, query.ruleId) : undefined,
    query.leadId ? eq(autoResponderRuns.leadId, query.leadId) : undefined,
  );
  const join = and(eq(leads.organizationId, ctx.orgId), eq(leads.id, autoResponderRuns.leadId));
  const page = query.page ?? 1;
  const [rows, [totalRow]] = await Promise.all([
    ctx.db
      .select({ run: autoResponderRuns, leadName: leads.displayName })
      .from(autoResponderRuns)
      .innerJoin(leads, join)
      .where(where)
      .orderBy(desc(autoResponderRuns.createdAt), desc(autoResponderRuns.id))
      .limit(query.perPage)
      .offset((page - 1) * query.perPage),
    ctx.db.select({ total: count() }).from(autoResponderRuns).innerJoin(leads, join).where(where),
  ]);
  const total = totalRow?.total ?? 0;
  const data: RunDto[] = rows.map(({ run, leadName }) => ({
    id: run.id,
    ruleId: run.ruleId,
    ruleName: run.ruleName,
    messageId: run.messageId,
    leadId: run.leadId,
    leadName,
    category: run.category,
    confidence: run.confidence,
    actions: run.actions as RunDto["actions"],
    createdAt: run.createdAt.toISOString(),
  }));
  return {
    data,
    pagination: {
      page,
      perPage: query.perPage,
      total,
      totalPages: Math.ceil(total / query.perPage),
      nextCursor: null,
    },
  };
}
