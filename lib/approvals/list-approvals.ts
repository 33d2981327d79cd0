import { and, count, eq, getTableColumns, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { approvals, campaigns, leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { paginate } from "@/lib/http/pagination";
import { parseSort } from "@/lib/http/sort";
import { leadScope } from "@/lib/leads/visibility";
import type { ApprovalDto, ListApprovalsQuery } from "./approval-schemas";
import { approvalStats } from "./approval-stats";
import { URGENT_WITHIN_MS } from "./create-approval";

export type ApprovalRow = typeof approvals.$inferSelect;
type ListedRow = ApprovalRow & {
  leadName: string;
  leadEmail: string | null;
  campaignName: string | null;
};

export const WAITING_STATUSES = ["pending", "changes_requested"] as const;
export const DECIDED_STATUSES = ["approved", "rejected", "expired"] as const;

export function toApprovalDto(row: ListedRow): ApprovalDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    source: row.source,
    lead: { id: row.leadId, name: row.leadName, email: row.leadEmail },
    campaign:
      row.campaignId && row.campaignName ? { id: row.campaignId, name: row.campaignName } : null,
    stepIndex: row.stepIndex,
    ruleId: row.ruleId,
    reason: row.reason,
    timeoutAction: row.timeoutAction,
    subject: row.subject,
    html: row.html,
    text: row.text,
    original: row.original,
    edits: row.edits,
    urgent: row.urgent || row.dueAt.getTime() - Date.now() <= URGENT_WITHIN_MS,
    dueAt: row.dueAt.toISOString(),
    assigneeUserId: row.assigneeUserId,
    assigneeRole: row.assigneeRole,
    delegatedBy: row.delegatedBy,
    delegatedAt: row.delegatedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    aiDrafted: row.aiDrafted,
    mode: row.mode,
    sentMessageId: row.sentMessageId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Urgent: a positive lead, or due within a few hours. */
export const urgentCondition = (now: Date) =>
  or(eq(approvals.urgent, true), lte(approvals.dueAt, new Date(now.getTime() + URGENT_WITHIN_MS)))!;

/** Approvals of leads the caller may see (a rep: their own and unassigned leads' messages). */
export async function visibleApprovals(ctx: Ctx, ...conditions: (SQL | undefined)[]) {
  return and(eq(approvals.organizationId, ctx.orgId), await leadScope(ctx), ...conditions)!;
}

export function selectApprovals(ctx: Ctx) {
  return ctx.db
    .select({
      ...getTableColumns(approvals),
      leadName: leads.displayName,
      leadEmail: leads.email,
      campaignName: campaigns.name,
    })
    .from(approvals)
    .innerJoin(leads, and(eq(leads.organizationId, ctx.orgId), eq(leads.id, approvals.leadId)))
    .leftJoin(
      campaigns,
      and(eq(campaigns.organizationId, ctx.orgId), eq(campaigns.id, approvals.campaignId)),
    );
}

export async function getApprovalRow(ctx: Ctx, id: string): Promise<ListedRow> {
  const [row] = await selectApprovals(ctx)
    .where(await visibleApprovals(ctx, eq(approvals.id, id)))
    .limit(1);
  if (!row) throw notFound("Approval");
  return row;
}

const SORTABLE = {
  createdAt: { expr: approvals.createdAt, type: "date" as const },
  dueAt: { expr: approvals.dueAt, type: "date" as const },
};

/**
 * GET /approvals: the queue (waiting ones, soonest due first) or the history (newest first),
 * optionally only urgent ones or those assigned to the caller, with the queue's stats.
 */
export async function listApprovals(ctx: Ctx, query: ListApprovalsQuery) {
  assertCan(ctx, "approvals:read");
  const now = new Date();
  const statuses = query.status === "history" ? DECIDED_STATUSES : WAITING_STATUSES;
  const filter = await visibleApprovals(
    ctx,
    inArray(approvals.status, [...statuses]),
    query.urgent ? urgentCondition(now) : undefined,
    query.assignee === "me"
      ? ctx.actor.userId
        ? eq(approvals.assigneeUserId, ctx.actor.userId)
        : sql`false`
      : undefined,
  );
  const sort = parseSort(query.sort, SORTABLE, {
    default: query.status === "history" ? "-createdAt" : "dueAt",
    tieBreaker: { field: "id", expr: approvals.id, type: "string" },
  });
  const [page, stats] = await Promise.all([
    paginate({
      query,
      sort,
      fetch: ({ where, orderBy, limit, offset }) =>
        selectApprovals(ctx)
          .where(and(filter, where))
          .orderBy(...orderBy)
          .limit(limit)
          .offset(offset),
      count: async () =>
        (
          await ctx.db
            .select({ n: count() })
            .from(approvals)
            .innerJoin(
              leads,
              and(eq(leads.organizationId, ctx.orgId), eq(leads.id, approvals.leadId)),
            )
            .where(filter)
        )[0]!.n,
    }),
    approvalStats(ctx),
  ]);
  return { ...page, data: page.data.map(toApprovalDto), stats };
}
