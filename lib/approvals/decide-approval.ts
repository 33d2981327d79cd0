import { and, eq, getTableColumns } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { approvals, leads, memberships, type ApprovalEdit } from "@/db/schema";
import { approvalDecided } from "@/inngest/events";
import { assertCan, can, outranksOrEquals } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { createNotification } from "@/lib/notifications/notifications";
import type {
  ApprovalDto,
  approveInput,
  delegateInput,
  editApprovalInput,
  rejectInput,
  requestChangesInput,
} from "./approval-schemas";
import {
  getApprovalRow,
  toApprovalDto,
  visibleApprovals,
  type ApprovalRow,
} from "./list-approvals";

type ContentChange = { subject?: string; html?: string | null; text?: string };

/** The tracked edit for what actually changed (nothing changed → null). */
export function trackEdit(row: ApprovalRow, change: ContentChange, ctx: Ctx): ApprovalEdit | null {
  const changes: ApprovalEdit["changes"] = {};
  // New words without new HTML: the HTML of the old words must not go out, so it is dropped and
  // the message goes out as its text (rendered to HTML the usual way).
  if (change.text !== undefined && change.text !== row.text && change.html === undefined) {
    change.html = null;
  }
  for (const field of ["subject", "html", "text"] as const) {
    const next = change[field];
    if (next === undefined || next === row[field]) continue;
    changes[field] = { from: row[field], to: next };
  }
  if (Object.keys(changes).length === 0) return null;
  return { userId: ctx.actor.userId, at: new Date().toISOString(), changes };
}

/**
 * Lock the approval (visible to the caller, else 404) for a change. A decision on one already
 * decided is a 409: decisions are made once.
 */
async function lockApproval(tx: Queryable, ctx: Ctx, id: string, allowed: readonly string[]) {
  // Read through the transaction only: PGlite has one connection, a second would wait forever.
  const [row] = await tx
    .select(getTableColumns(approvals))
    .from(approvals)
    .innerJoin(leads, and(eq(leads.organizationId, ctx.orgId), eq(leads.id, approvals.leadId)))
    .where(await visibleApprovals(ctx, eq(approvals.id, id)))
    .for("update", { of: approvals });
  if (!row) throw new AppError("not_found", "Approval not found");
  if (!allowed.includes(row.status)) {
    throw new AppError("conflict", `This approval is ${row.status.replace("_", " ")} already.`, {
      extra: { status: row.status },
    });
  }
  return row;
}

/** A named assignee decides (owners and admins may step in); a role assignee needs that rank. */
function assertMayDecide(ctx: Ctx, row: ApprovalRow) {
  assertCan(ctx, "approvals:decide");
  const overrides = ctx.role === "owner" || ctx.role === "admin";
  if (row.assigneeUserId && row.assigneeUserId !== ctx.actor.userId && !overrides) {
    throw new AppError("forbidden", "This approval is assigned to someone else.");
  }
  if (row.assigneeRole && !outranksOrEquals(ctx.role, row.assigneeRole)) {
    throw new AppError("forbidden", `This approval needs a ${row.assigneeRole} or above.`);
  }
}

async function reload(ctx: Ctx, id: string): Promise<ApprovalDto> {
  return toApprovalDto(await getApprovalRow(ctx, id));
}

async function decide(
  ctx: Ctx,
  id: string,
  status: "approved" | "rejected",
  note: string | null,
  change: ContentChange = {},
): Promise<ApprovalDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockApproval(tx, ctx, id, ["pending"]);
    assertMayDecide(ctx, row);
    const edit = status === "approved" ? trackEdit(row, change, ctx) : null;
    const now = new Date();
    await tx
      .update(approvals)
      .set({
        status,
        ...(edit ? { ...change, edits: [...row.edits, edit] } : {}),
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        decisionNote: note,
        updatedAt: now,
      })
      .where(and(eq(approvals.organizationId, ctx.orgId), eq(approvals.id, id)));
    // Waiting sequences and the reply sender act on this, after the decision commits.
    await enqueueEvent(
      tx,
      approvalDecided,
      { organizationId: ctx.orgId, approvalId: id, kind: row.kind, status },
      { organizationId: ctx.orgId },
    );
  });
  return reload(ctx, id);
}

/** POST /approvals/{id}/approve: optionally edited first (the edit is tracked), then sent. */
export function approveApproval(ctx: Ctx, id: string, input: z.infer<typeof approveInput>) {
  const { note, ...change } = input;
  return decide(ctx, id, "approved", note ?? null, change);
}

/** POST /approvals/{id}/reject: not sent; a campaign step is skipped (the sequence goes on). */
export function rejectApproval(ctx: Ctx, id: string, input: z.infer<typeof rejectInput>) {
  return decide(ctx, id, "rejected", input.reason);
}

/** The person who fixes a message sent back: the lead's owner, else whoever submitted it. */
async function ownerOf(tx: Queryable, ctx: Ctx, row: ApprovalRow) {
  const [lead] = await tx
    .select({ ownerId: leads.ownerId })
    .from(leads)
    .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, row.leadId)))
    .limit(1);
  return lead?.ownerId ?? row.requestedBy;
}

/** POST /approvals/{id}/request-changes: back to the lead's owner, who edits and resubmits. */
export async function requestApprovalChanges(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof requestChangesInput>,
): Promise<ApprovalDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockApproval(tx, ctx, id, ["pending"]);
    assertMayDecide(ctx, row);
    const now = new Date();
    await tx
      .update(approvals)
      .set({
        status: "changes_requested",
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        decisionNote: input.note,
        updatedAt: now,
      })
      .where(and(eq(approvals.organizationId, ctx.orgId), eq(approvals.id, id)));
    const owner = await ownerOf(tx, ctx, row);
    if (owner && owner !== ctx.actor.userId) {
      await createNotification(tx, {
        organizationId: ctx.orgId,
        userId: owner,
        type: "approval_changes_requested",
        title: `Changes requested: ${row.subject}`,
        body: input.note,
        link: `/approvals?id=${id}`,
        data: { approvalId: id },
      });
    }
  });
  return reload(ctx, id);
}

/**
 * PATCH /approvals/{id}: edit a held message (tracked). Whoever sees the lead may — its owner
 * above all, fixing what an approver sent back; the approver sees every edit before deciding.
 * A message sent back for changes returns to the queue, pending again.
 */
export async function editApproval(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof editApprovalInput>,
): Promise<ApprovalDto> {
  assertCan(ctx, "approvals:read");
  await ctx.db.transaction(async (tx) => {
    const row = await lockApproval(tx, ctx, id, ["pending", "changes_requested"]);
    const edit = trackEdit(row, input, ctx);
    const now = new Date();
    await tx
      .update(approvals)
      .set({
        ...input,
        ...(edit ? { edits: [...row.edits, edit] } : {}),
        status: "pending",
        ...(row.status === "changes_requested" ? { decidedBy: null, decidedAt: null } : {}),
        updatedAt: now,
      })
      .where(and(eq(approvals.organizationId, ctx.orgId), eq(approvals.id, id)));
  });
  return reload(ctx, id);
}

/** POST /approvals/{id}/delegate: hand the decision to another member who may approve. */
export async function delegateApproval(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof delegateInput>,
): Promise<ApprovalDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockApproval(tx, ctx, id, ["pending"]);
    assertMayDecide(ctx, row);
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.organizationId, ctx.orgId),
          eq(memberships.userId, input.userId),
          eq(memberships.status, "active"),
        ),
      )
      .limit(1);
    if (!member || !can(member.role, "approvals:decide")) {
      throw new AppError("validation_error", "Not a member who may approve.", {
        errors: [{ path: "userId", message: "Must be an active manager, admin or owner" }],
      });
    }
    const now = new Date();
    await tx
      .update(approvals)
      .set({
        assigneeUserId: input.userId,
        // The delegate decides even where the rule asked for a higher role.
        assigneeRole: null,
        delegatedBy: ctx.actor.userId,
        delegatedAt: now,
        ...(input.note ? { decisionNote: input.note } : {}),
        updatedAt: now,
      })
      .where(and(eq(approvals.organizationId, ctx.orgId), eq(approvals.id, id)));
    if (input.userId !== ctx.actor.userId) {
      await createNotification(tx, {
        organizationId: ctx.orgId,
        userId: input.userId,
        type: "approval_delegated",
        title: `Approval delegated to you: ${row.subject}`,
        body: input.note,
        link: `/approvals?id=${id}`,
        data: { approvalId: id },
      });
    }
  });
  return reload(ctx, id);
}
