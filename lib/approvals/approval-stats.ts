import { and, count, eq, inArray, sql } from "drizzle-orm";
import { approvals, leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import type { ApprovalStats } from "./approval-schemas";
import { urgentCondition, visibleApprovals } from "./list-approvals";

/** GET /approvals/stats: the queue's size and how fast decisions come, over visible leads. */
export async function approvalStats(ctx: Ctx): Promise<ApprovalStats> {
  assertCan(ctx, "approvals:read");
  const now = new Date();
  const [row] = await ctx.db
    .select({
      pending: count(sql`case when ${approvals.status} = 'pending' then 1 end`),
      urgent: count(
        sql`case when ${approvals.status} = 'pending' and ${urgentCondition(now)} then 1 end`,
      ),
      changesRequested: count(sql`case when ${approvals.status} = 'changes_requested' then 1 end`),
      approved: count(sql`case when ${approvals.status} = 'approved' then 1 end`),
      rejected: count(sql`case when ${approvals.status} = 'rejected' then 1 end`),
      expired: count(sql`case when ${approvals.status} = 'expired' then 1 end`),
      median: sql<
        number | string | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (${approvals.decidedAt} - ${approvals.createdAt}))) filter (where ${inArray(approvals.status, ["approved", "rejected"])} and ${approvals.decidedAt} is not null)`,
    })
    .from(approvals)
    .innerJoin(leads, and(eq(leads.organizationId, ctx.orgId), eq(leads.id, approvals.leadId)))
    .where(await visibleApprovals(ctx));
  const median = row?.median == null ? null : Math.round(Number(row.median) * 10) / 10;
  return {
    pending: row?.pending ?? 0,
    urgent: row?.urgent ?? 0,
    changesRequested: row?.changesRequested ?? 0,
    approved: row?.approved ?? 0,
    rejected: row?.rejected ?? 0,
    expired: row?.expired ?? 0,
    medianDecisionSeconds: median,
  };
}
