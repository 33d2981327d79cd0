import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  LIVE_RECIPIENT_STATES,
  type CampaignStatus,
} from "@/db/schema";
import {
  campaignPaused,
  campaignSendNow,
  campaignStarted,
  campaignStopped,
} from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { enqueueEvent } from "@/lib/jobs/outbox";
import type { CampaignRow } from "./campaign-dto";
import { getCampaign, getCampaignRowOrThrow, statusConflict } from "./campaigns";
import { assertLaunchable } from "./launch-checks";

type Transition = {
  from: readonly CampaignStatus[];
  /** e.g. "launch": used in the conflict message and the audit action `campaign.<verb>ed`. */
  verb: string;
  audit: string;
  /** Checks, side effects and events inside the transaction; returns the columns to set. */
  apply: (tx: Transaction, row: CampaignRow) => Promise<Partial<CampaignRow>>;
};

/**
 * One status change: the row is locked, its current status checked (409 naming it otherwise),
 * the change and its events written in one transaction, audited, and the new campaign returned.
 */
async function transition(ctx: Ctx, id: string, t: Transition) {
  assertCan(ctx, "campaigns:write");
  return ctx.db.transaction(async (tx) => {
    const row = await getCampaignRowOrThrow(ctx, id, tx, { forUpdate: true });
    if (!t.from.includes(row.status)) {
      throw statusConflict(
        row.status,
        `A ${row.status} campaign can't ${t.verb} (only ${t.from.join(" or ")}).`,
      );
    }
    const set = await t.apply(tx, row);
    await tx
      .update(campaigns)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(campaigns.organizationId, ctx.orgId), eq(campaigns.id, id)));
    await recordAudit(tx, ctx, {
      action: t.audit,
      resourceType: "campaign",
      resourceId: id,
      changes: { from: row.status, to: set.status ?? row.status },
    });
    return getCampaign(ctx, id, tx);
  });
}

const ref = (row: CampaignRow) => ({ organizationId: row.organizationId, campaignId: row.id });

/**
 * Withdraw a scheduled start that hasn't fired yet (reschedule, launch now, pause, stop), so a
 * superseded schedule can never start the campaign. Events already being relayed are left alone:
 * the fan-out only starts campaigns that are still due (activateCampaign in sequence/).
 */
async function cancelScheduledStart(db: Queryable, row: CampaignRow) {
  await db.execute(sql`
    delete from outbox_events
     where organization_id = ${row.organizationId} and name = ${campaignStarted.name}
       and sent_at is null and lease_until is null and available_at > now()
       and data->>'campaignId' = ${row.id}`);
}

/** draft | scheduled → active now. The fan-out to each recipient happens in the background. */
export function launchCampaign(ctx: Ctx, id: string) {
  return transition(ctx, id, {
    from: ["draft", "scheduled"],
    verb: "launch",
    audit: "campaign.launched",
    apply: async (tx, row) => {
      await assertLaunchable(tx, row, { needRecipients: true });
      await cancelScheduledStart(tx, row);
      await enqueueEvent(tx, campaignStarted, ref(row), { organizationId: row.organizationId });
      return { status: "active", launchedAt: new Date(), scheduledAt: null };
    },
  });
}

/** draft | scheduled → scheduled to start at a future time (rescheduling replaces the start). */
export function scheduleCampaign(ctx: Ctx, id: string, input: { startAt: string }) {
  const startAt = new Date(input.startAt);
  return transition(ctx, id, {
    from: ["draft", "scheduled"],
    verb: "be scheduled",
    audit: "campaign.scheduled",
    apply: async (tx, row) => {
      if (startAt.getTime() <= Date.now()) {
        throw new AppError("unprocessable", "The start must be in the future; launch it instead.", {
          errors: [{ path: "startAt", message: "Must be in the future" }],
        });
      }
      await assertLaunchable(tx, row, { needRecipients: true });
      await cancelScheduledStart(tx, row);
      await enqueueEvent(tx, campaignStarted, ref(row), {
        organizationId: row.organizationId,
        availableAt: startAt,
      });
      return { status: "scheduled", scheduledAt: startAt };
    },
  });
}

/** active | scheduled → paused: every running sequence is cancelled until resumed. */
export function pauseCampaign(ctx: Ctx, id: string) {
  return transition(ctx, id, {
    from: ["active", "scheduled"],
    verb: "pause",
    audit: "campaign.paused",
    apply: async (tx, row) => {
      await cancelScheduledStart(tx, row);
      await enqueueEvent(tx, campaignPaused, ref(row), { organizationId: row.organizationId });
      return { status: "paused", pausedAt: new Date(), pausedReason: null };
    },
  });
}

/** paused → active: each recipient continues at its next step (nothing resent, nothing skipped). */
export function resumeCampaign(ctx: Ctx, id: string) {
  return transition(ctx, id, {
    from: ["paused"],
    verb: "resume",
    audit: "campaign.resumed",
    apply: async (tx, row) => {
      // Steps or mailboxes may have changed while it was paused.
      await assertLaunchable(tx, row, { needRecipients: false });
      await enqueueEvent(
        tx,
        campaignStarted,
        { ...ref(row), resume: true },
        { organizationId: row.organizationId },
      );
      return {
        status: "active",
        pausedAt: null,
        pausedReason: null,
        launchedAt: row.launchedAt ?? new Date(),
      };
    },
  });
}

/** active | paused | scheduled → stopped for good: live recipients are removed. */
export function stopCampaign(ctx: Ctx, id: string) {
  return transition(ctx, id, {
    from: ["active", "paused", "scheduled"],
    verb: "stop",
    audit: "campaign.stopped",
    apply: async (tx, row) => {
      const now = new Date();
      await cancelScheduledStart(tx, row);
      // One statement for all of them; the campaign/stopped event cancels the running functions.
      await tx
        .update(campaignRecipients)
        .set({
          state: "removed",
          stateReason: "campaign stopped",
          finishedAt: now,
          nextSendAt: null,
          updatedAt: now,
        })
        .where(
          and(
            eq(campaignRecipients.organizationId, row.organizationId),
            eq(campaignRecipients.campaignId, row.id),
            inArray(campaignRecipients.state, [...LIVE_RECIPIENT_STATES]),
          ),
        );
      await enqueueEvent(tx, campaignStopped, ref(row), { organizationId: row.organizationId });
      return { status: "stopped", finishedAt: now };
    },
  });
}

/**
 * POST /campaigns/{id}/send: send each live recipient's next step now (all, or these leads).
 * Only an active campaign sends; the engine skips the wait but still honours caps and suppressions.
 */
export async function sendCampaignNow(ctx: Ctx, id: string, input: { leadIds?: string[] }) {
  assertCan(ctx, "campaigns:write");
  return ctx.db.transaction(async (tx) => {
    const row = await getCampaignRowOrThrow(ctx, id, tx, { forUpdate: true });
    if (row.status !== "active") {
      throw statusConflict(row.status, `Only an active campaign sends; this one is ${row.status}.`);
    }
    const leadIds = input.leadIds ? [...new Set(input.leadIds)] : undefined;
    const [matched] = await tx
      .select({ n: count() })
      .from(campaignRecipients)
      .where(
        and(
          eq(campaignRecipients.organizationId, ctx.orgId),
          eq(campaignRecipients.campaignId, id),
          inArray(campaignRecipients.state, [...LIVE_RECIPIENT_STATES]),
          leadIds ? inArray(campaignRecipients.leadId, leadIds) : undefined,
        ),
      );
    const recipients = Number(matched?.n ?? 0);
    if (recipients > 0) {
      await enqueueEvent(
        tx,
        campaignSendNow,
        { ...ref(row), ...(leadIds ? { leadIds } : {}) },
        { organizationId: ctx.orgId },
      );
    }
    await recordAudit(tx, ctx, {
      action: "campaign.sent_now",
      resourceType: "campaign",
      resourceId: id,
      changes: { recipients, leadIds: leadIds?.slice(0, 100) ?? null },
    });
    return { recipients };
  });
}
