import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { communicationBulkResults, communicationBulkSends, leads } from "@/db/schema";
import { communicationBulkSendStarted } from "@/inngest/events";
import { assertCan } from "@/lib/auth/permissions";
import { SYSTEM_ACTOR, systemCtx, type Ctx } from "@/lib/context";
import { AppError, isAppError, notFound } from "@/lib/errors";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { leadScope } from "@/lib/leads/visibility";
import { log } from "@/lib/log";
import { organizationProblem } from "./channel-policy";
import { loadOrganizationSetup } from "./organization-setup";
import { leadPreferenceRows } from "./preferences";
import type { BulkSend, BulkSendInput } from "./send-schemas";
import { deliverToLead } from "./send-to-lead";

type BulkRow = typeof communicationBulkSends.$inferSelect;

/** A refusal by the channel rule is a skip (the lead can't be reached there); anything else failed. */
const SKIP_CODES = new Set([
  "consent_denied",
  "do_not_contact",
  "unsubscribed",
  "no_channel_address",
  "not_found",
]);

/**
 * Start a send to many leads: the channel must be usable by the organization now (else one clear
 * 422, not a thousand skips); leads the caller can't see are reported as skipped; the rest wait
 * as pending results for the background function. Returns the bulk send as created.
 */
export async function startBulkSend(ctx: Ctx, input: BulkSendInput): Promise<BulkSend> {
  assertCan(ctx, "conversations:write");
  const setup = await loadOrganizationSetup(ctx.db, ctx.orgId);
  const problem = organizationProblem(setup, input.channel);
  if (problem) {
    throw new AppError("channel_not_configured", problem, { extra: { channel: input.channel } });
  }
  const leadIds = [...new Set(input.leadIds)];
  const visible = new Set(
    (
      await ctx.db
        .select({ id: leads.id })
        .from(leads)
        .where(and(inArray(leads.id, leadIds), await leadScope(ctx)))
    ).map((r) => r.id),
  );
  const id = await ctx.db.transaction(async (tx) => {
    const [bulk] = await tx
      .insert(communicationBulkSends)
      .values({
        organizationId: ctx.orgId,
        channel: input.channel,
        subject: input.channel === "email" ? (input.subject ?? null) : null,
        body: input.body,
        total: leadIds.length,
        skipped: leadIds.length - visible.size,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: communicationBulkSends.id });
    await tx.insert(communicationBulkResults).values(
      leadIds.map((leadId) => ({
        organizationId: ctx.orgId,
        bulkSendId: bulk!.id,
        leadId,
        ...(visible.has(leadId)
          ? {}
          : { status: "skipped" as const, reason: "not_found: No such lead." }),
      })),
    );
    await enqueueEvent(
      tx,
      communicationBulkSendStarted,
      { organizationId: ctx.orgId, bulkSendId: bulk!.id },
      { organizationId: ctx.orgId },
    );
    return bulk!.id;
  });
  return getBulkSend(ctx, id);
}

function toBulkDto(
  row: BulkRow,
  results: (typeof communicationBulkResults.$inferSelect)[],
): BulkSend {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    subject: row.subject,
    body: row.body,
    total: row.total,
    sent: row.sent,
    skipped: row.skipped,
    failed: row.failed,
    pending: Math.max(0, row.total - row.sent - row.skipped - row.failed),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    results: results.map((r) => ({
      leadId: r.leadId,
      status: r.status,
      reason: r.reason,
      messageId: r.messageId,
    })),
  };
}

/** A bulk send's progress and every lead's outcome. */
export async function getBulkSend(ctx: Ctx, id: string): Promise<BulkSend> {
  assertCan(ctx, "conversations:read");
  const [row] = await ctx.db
    .select()
    .from(communicationBulkSends)
    .where(
      and(eq(communicationBulkSends.organizationId, ctx.orgId), eq(communicationBulkSends.id, id)),
    )
    .limit(1);
  if (!row) throw notFound("Bulk send");
  const results = await ctx.db
    .select()
    .from(communicationBulkResults)
    .where(
      and(
        eq(communicationBulkResults.organizationId, ctx.orgId),
        eq(communicationBulkResults.bulkSendId, id),
      ),
    )
    .orderBy(asc(communicationBulkResults.createdAt), asc(communicationBulkResults.id));
  return toBulkDto(row, results);
}

async function bulkRow(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(communicationBulkSends)
    .where(and(eq(communicationBulkSends.organizationId, orgId), eq(communicationBulkSends.id, id)))
    .limit(1);
  return row;
}

/** One lead's outcome, written with the bulk's counter in one statement pair. */
async function settle(
  db: Database,
  orgId: string,
  bulkId: string,
  resultId: string,
  outcome: { status: "sent" | "skipped" | "failed"; reason?: string | null; messageId?: string },
) {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(communicationBulkResults)
      .set({
        status: outcome.status,
        reason: outcome.reason ?? null,
        messageId: outcome.messageId ?? null,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(communicationBulkResults.organizationId, orgId),
          eq(communicationBulkResults.id, resultId),
          eq(communicationBulkResults.status, "pending"),
        ),
      )
      .returning({ id: communicationBulkResults.id });
    if (!changed.length) return;
    const counter = communicationBulkSends[outcome.status];
    await tx
      .update(communicationBulkSends)
      .set({ [outcome.status]: sql`${counter} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(communicationBulkSends.organizationId, orgId),
          eq(communicationBulkSends.id, bulkId),
        ),
      );
  });
}

/**
 * Send to the next `limit` pending leads of a bulk send, lead by lead; returns how many were
 * handled (0: nothing left). The provider setup is read once per batch. The leads' visibility
 * was checked when the send started, so the run acts for its creator without re-checking it.
 */
export async function sendNextBulkBatch(
  db: Database,
  ref: { organizationId: string; bulkSendId: string },
  limit = 25,
): Promise<number> {
  const bulk = await bulkRow(db, ref.organizationId, ref.bulkSendId);
  if (!bulk) return 0;
  if (bulk.status === "queued") {
    await db
      .update(communicationBulkSends)
      .set({ status: "running", updatedAt: new Date() })
      .where(
        and(
          eq(communicationBulkSends.organizationId, ref.organizationId),
          eq(communicationBulkSends.id, bulk.id),
        ),
      );
  }
  const pending = await db
    .select({ id: communicationBulkResults.id, leadId: communicationBulkResults.leadId })
    .from(communicationBulkResults)
    .where(
      and(
        eq(communicationBulkResults.organizationId, ref.organizationId),
        eq(communicationBulkResults.bulkSendId, bulk.id),
        eq(communicationBulkResults.status, "pending"),
      ),
    )
    .orderBy(asc(communicationBulkResults.createdAt), asc(communicationBulkResults.id))
    .limit(limit);
  if (!pending.length) return 0;
  const ctx: Ctx = {
    ...systemCtx(db, ref.organizationId),
    actor: bulk.createdBy
      ? { type: "user", id: bulk.createdBy, userId: bulk.createdBy }
      : SYSTEM_ACTOR,
  };
  const setup = await loadOrganizationSetup(db, ref.organizationId);
  const ids = pending.map((p) => p.leadId);
  const [leadRows, prefs] = await Promise.all([
    db
      .select()
      .from(leads)
      .where(and(inArray(leads.id, ids), await leadScope(ctx))),
    leadPreferenceRows(db, ref.organizationId, ids),
  ]);
  const byId = new Map(leadRows.map((l) => [l.id, l]));
  for (const item of pending) {
    const lead = byId.get(item.leadId);
    if (!lead) {
      // Deleted since the send started.
      await settle(db, ref.organizationId, bulk.id, item.id, {
        status: "skipped",
        reason: "not_found: No such lead.",
      });
      continue;
    }
    try {
      const sent = await deliverToLead(
        ctx,
        lead,
        setup,
        prefs.get(lead.id),
        { channel: bulk.channel, subject: bulk.subject ?? undefined, body: bulk.body },
        { manual: false },
      );
      await settle(db, ref.organizationId, bulk.id, item.id, {
        status: "sent",
        messageId: sent.messageId,
      });
    } catch (error) {
      const code = isAppError(error) ? error.code : "internal_error";
      if (!isAppError(error)) log.error("bulk send: unexpected error", { error, leadId: lead.id });
      await settle(db, ref.organizationId, bulk.id, item.id, {
        status: SKIP_CODES.has(code) ? "skipped" : "failed",
        reason: `${code}: ${isAppError(error) ? error.message : "Unexpected error"}`.slice(0, 500),
      });
    }
  }
  return pending.length;
}

/** Mark the bulk send done once nothing is pending. */
export async function finishBulkSend(
  db: Database,
  ref: { organizationId: string; bulkSendId: string },
) {
  await db
    .update(communicationBulkSends)
    .set({ status: "completed", finishedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(communicationBulkSends.organizationId, ref.organizationId),
        eq(communicationBulkSends.id, ref.bulkSendId),
      ),
    );
}
